import type { E2eFilters } from '../../../shared/e2e/e2e-filters.js';
import { draftKeys } from './draft-keys.js';
import { filterProblems } from '../../../shared/e2e/e2e-filters.js';
import { kindBaseProblem, kindVersionProblem } from '../../../shared/kind/kind-release.js';
import { validateKindConfig } from '../../../shared/kind-config/validate-kind-config.js';
import { formatFeatureGates, parseFeatureGates } from '../../../shared/remote/feature-gates.js';
import { schedulerConfigProblems } from '../../../shared/remote/scheduler-config.js';
import type { DraftSpec } from './use-settings-draft.js';

const fieldNames = { focus: 'Focus', skip: 'Skip', labelFilter: 'Label filter' } as const;

/** Focus, skip, label filter and the run options: the Test step's Run sends them with the request. */
export const e2eFiltersDraft: DraftSpec<E2eFilters> = {
  key: draftKeys.e2eFilters,
  stepId: 'test',
  label: 'Filters',
  read: (settings) => settings.e2eFilters,
  write: (e2eFilters) => ({ e2eFilters }),
  problem: (filters) => {
    const first = filterProblems(filters)[0];
    return first ? `${fieldNames[first.field]}: ${first.message} (at position ${first.position + 1})` : undefined;
  },
  autoSaveMs: 300,
  runCarriesIt: true,
};

/** The checkout folder; Use this folder checks it with the engine before it is saved. */
export const sourceDirDraft: DraftSpec<string> = {
  key: 'sourceDir',
  stepId: 'source',
  label: 'Checkout folder',
  read: (settings) => settings.sourceDir,
  write: (sourceDir) => ({ sourceDir }),
};

export interface KindRelease {
  version: string;
  base: string;
  fallback: boolean;
}

export const kindReleaseDraft: DraftSpec<KindRelease> = {
  key: 'kindRelease',
  stepId: 'kind',
  label: 'kind release',
  read: (settings) => ({ version: settings.kindVersion, base: settings.kindDownloadBase, fallback: settings.kindBuildFallback }),
  write: (release) => ({ kindVersion: release.version.trim(), kindDownloadBase: release.base.trim(), kindBuildFallback: release.fallback }),
  problem: (release) => kindVersionProblem(release.version.trim()) ?? kindBaseProblem(release.base.trim()),
};

export const toolPathsDraft: DraftSpec<Record<string, string>> = {
  key: 'toolPaths',
  stepId: 'toolchain',
  label: 'Tool paths',
  read: (settings) => settings.toolPaths,
  write: (paths) => ({ toolPaths: Object.fromEntries(Object.entries(paths).map(([tool, file]) => [tool, file.trim()]).filter(([, file]) => file !== '')) }),
};

export const modeDraft: DraftSpec<'kind' | 'remote'> = {
  key: 'mode',
  stepId: 'mode',
  label: 'Mode',
  read: (settings) => settings.mode,
  write: (mode) => ({ mode }),
};

export const keepClusterDraft: DraftSpec<boolean> = {
  key: 'keepCluster',
  stepId: 'teardown',
  label: 'Keep or delete',
  read: (settings) => settings.keepCluster,
  write: (keepCluster) => ({ keepCluster }),
};

export const kindConfigDraft: DraftSpec<string> = {
  key: 'kindConfig',
  stepId: 'cluster',
  label: 'kind config',
  read: (settings) => settings.kindConfig,
  write: (kindConfig) => ({ kindConfig }),
  problem: (yaml) => {
    const first = validateKindConfig(yaml).find((p) => p.severity === 'error');
    return first ? `${first.line > 0 ? `line ${first.line}: ` : ''}${first.message}` : undefined;
  },
};

/** One text field of remote mode's settings, edited on its own, saved into the whole a moment after typing stops. */
function remoteTextDraft(field: 'kubeconfig' | 'confirmedContext' | 'schedulerConfigExtra', label: string, problem?: (value: string) => string | undefined): DraftSpec<string> {
  return {
    key: `remote.${field}`,
    stepId: 'mode',
    label,
    read: (settings) => settings.remote[field],
    write: (value, settings) => ({ remote: { ...settings.remote, [field]: value } }),
    problem,
    autoSaveMs: 600,
  };
}

export const kubeconfigFileDraft = remoteTextDraft('kubeconfig', 'Kubeconfig file');
export const confirmedContextDraft = remoteTextDraft('confirmedContext', 'Typed context name');
export const schedulerConfigDraft = remoteTextDraft('schedulerConfigExtra', 'Extra scheduler configuration', (yaml) => {
  const first = yaml.trim() ? schedulerConfigProblems(yaml)[0] : undefined;
  return first ? `${first.line !== undefined ? `line ${first.line}: ` : ''}${first.message}` : undefined;
});

export const remoteContextDraft: DraftSpec<string> = {
  key: 'remote.context',
  stepId: 'mode',
  label: 'Context',
  read: (settings) => settings.remote.context,
  write: (context, settings) => ({ remote: { ...settings.remote, context } }),
};

/** The feature gates as typed ("A=true, B=false"); saved as the gates they parse to. */
export const featureGatesDraft: DraftSpec<string> = {
  key: 'remote.featureGates',
  stepId: 'mode',
  label: 'Feature gates',
  read: (settings) => formatFeatureGates(settings.remote.featureGates),
  write: (text, settings) => ({ remote: { ...settings.remote, featureGates: parseFeatureGates(text).gates } }),
  problem: (text) => parseFeatureGates(text).problem,
  autoSaveMs: 600,
};

