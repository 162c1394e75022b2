import { z } from 'zod';
import { defaultKindDownloadBase, kindBaseProblem, kindVersionProblem, pinnedKindVersion } from '../kind/kind-release.js';
import { defaultKindConfigForm, renderKindConfig } from '../kind-config/kind-config-form.js';
import { E2eFiltersSchema } from '../e2e/e2e-filters.js';
import { featureGateNameProblem } from '../remote/feature-gates.js';

const KindVersionSchema = z.string().superRefine((value, context) => {
  const problem = kindVersionProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});
const KindBaseSchema = z.string().max(2048).superRefine((value, context) => {
  const problem = kindBaseProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** Remote mode: which kubeconfig and context, the context name as typed to confirm it, and extra scheduler config. */
export const RemoteSettingsSchema = z.object({
  /** The kubeconfig file to read contexts from; empty means $KUBECONFIG's first file, else ~/.kube/config. */
  kubeconfig: z.string().max(4096).default(''),
  context: z.string().max(1024).default(''),
  /** The context name as the user typed it; a context that is not local runs only when it matches. */
  confirmedContext: z.string().max(1024).default(''),
  /** YAML merged into the generated KubeSchedulerConfiguration (profiles, plugin settings). */
  schedulerConfigExtra: z.string().max(65_536).default(''),
  /** kube-scheduler's --feature-gates (its config file has no field for them); empty: none. */
  featureGates: z
    .record(
      z.string().superRefine((name, context) => {
        const problem = featureGateNameProblem(name);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
      z.boolean(),
    )
    .default({}),
});
export type RemoteSettings = z.output<typeof RemoteSettingsSchema>;

/**
 * What the user chose, kept across restarts. Every field has a default, so a file written by an
 * older version (missing newer fields) still loads; a field of the wrong type makes the file corrupt.
 */
export const SettingsSchema = z.object({
  version: z.literal(1).default(1),
  /** The folder the Shell tab opens in; empty means the home folder. */
  shellCwd: z.string().max(4096).default(''),
  /** Lines the terminal keeps; older output stays in the step's log file. */
  scrollback: z.number().int().min(1000).max(100_000).default(10_000),
  /** auto: WebGL where it works, else the DOM renderer. dom: always the DOM renderer (remote desktops, broken GPUs). */
  terminalRenderer: z.enum(['auto', 'dom']).default('auto'),
  /** Explicit tool paths that win over PATH, e.g. { kind: "/opt/homebrew/bin/kind" }. */
  toolPaths: z.record(z.string().regex(/^[a-z0-9-]+$/), z.string().max(4096)).default({}),
  /** The kind release the Native kind step installs. */
  kindVersion: KindVersionSchema.default(pinnedKindVersion),
  /** Where kind releases are downloaded from (a mirror may replace kind.sigs.k8s.io/dl). */
  kindDownloadBase: KindBaseSchema.default(defaultKindDownloadBase),
  /** When the download fails, build kind with `go install` instead. */
  kindBuildFallback: z.boolean().default(true),
  /** The Kubernetes checkout; empty means the places kind looks ($GOPATH/src/k8s.io/kubernetes, …). */
  sourceDir: z.string().max(4096).default(''),
  /** kind: a local cluster from your source. remote: an existing cluster with your kube-scheduler. */
  mode: z.enum(['kind', 'remote']).default('kind'),
  /** The kind config the Cluster step creates the cluster with (generated from the form, editable). */
  kindConfig: z.string().max(65_536).default(renderKindConfig(defaultKindConfigForm)),
  /** What Teardown does with a kind cluster. */
  keepCluster: z.boolean().default(true),
  /** The last focus, skip, label filter and run options, for the Test step and "rerun last focus". */
  e2eFilters: E2eFiltersSchema.default(E2eFiltersSchema.parse({})),
  remote: RemoteSettingsSchema.default(RemoteSettingsSchema.parse({})),
});
export type Settings = z.output<typeof SettingsSchema>;

export const defaultSettings: Settings = SettingsSchema.parse({});

export const SettingsPatchSchema = z
  .object({
    shellCwd: z.string().max(4096),
    scrollback: z.number().int().min(1000).max(100_000),
    terminalRenderer: z.enum(['auto', 'dom']),
    toolPaths: z.record(z.string().regex(/^[a-z0-9-]+$/), z.string().max(4096)),
    kindVersion: KindVersionSchema,
    kindDownloadBase: KindBaseSchema,
    kindBuildFallback: z.boolean(),
    sourceDir: z.string().max(4096),
    mode: z.enum(['kind', 'remote']),
    kindConfig: z.string().max(65_536),
    keepCluster: z.boolean(),
    e2eFilters: E2eFiltersSchema,
    remote: RemoteSettingsSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
