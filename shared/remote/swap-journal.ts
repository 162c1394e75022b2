import { z } from 'zod';
import { formatArgv } from '../commands/format-argv.js';

/** What the app wrote down before touching the cluster, so a crash mid-swap can still be undone. */
export const SwapJournalSchema = z.object({
  version: z.literal(1),
  /** How far the swap got: planned, in-cluster scheduler scaled to 0, local one running, or on the way back. */
  state: z.enum(['planned', 'scaled-down', 'scheduler-started', 'restoring']),
  /** When the state was written, in milliseconds since the epoch. */
  at: z.number().int().nonnegative(),
  context: z.string().min(1),
  server: z.string().min(1),
  /** The app's private copy of the kubeconfig, pinned to `context`. */
  kubeconfig: z.string().min(1),
  deployment: z.object({
    namespace: z.string().min(1),
    name: z.string().min(1),
    originalReplicas: z.number().int().nonnegative(),
  }),
  scheduler: z.object({
    binary: z.string().min(1),
    config: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    pid: z.number().int().positive().optional(),
  }),
});
export type SwapJournal = z.infer<typeof SwapJournalSchema>;

/** The kubectl commands that give the cluster its own scheduler back: scale it up again, wait for it, drop the annotation. */
export function restoreCommands(journal: SwapJournal): string[][] {
  const { namespace, name, originalReplicas } = journal.deployment;
  const target = ['kubectl', '--kubeconfig', journal.kubeconfig, '--context', journal.context, '-n', namespace];
  return [
    [...target, 'scale', `deployment/${name}`, `--replicas=${originalReplicas}`],
    [...target, 'rollout', 'status', `deployment/${name}`, '--timeout=120s'],
    [...target, 'annotate', `deployment/${name}`, `${originalReplicasAnnotation}-`],
  ];
}

/** An argv as it would be typed in a POSIX shell, unsafe arguments in single quotes; for showing and copying. */
export function formatCommand(argv: string[]): string {
  return formatArgv(argv);
}

/**
 * Written onto the in-cluster scheduler's Deployment before it is scaled to 0, so the cluster
 * itself carries the way back even when the journal on this machine is lost or corrupt.
 */
export const originalReplicasAnnotation = 'k8s-e2e-studio.io/original-replicas';

/** What can still be read from a journal that does not parse: each field only where it is unambiguous. */
export interface JournalSalvage {
  context?: string;
  kubeconfig?: string;
  namespace?: string;
  name?: string;
  originalReplicas?: number;
  schedulerConfig?: string;
}

/** Reads the journal's fields one by one from text that is no longer valid JSON (a torn or edited file). */
export function salvageJournal(text: string): JournalSalvage {
  const one = (key: string): string | undefined => {
    const found = [...text.matchAll(new RegExp(`"${key}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'g'))].map((m) => m[1] ?? '');
    return found.length === 1 ? found[0] : undefined;
  };
  const replicas = [...text.matchAll(/"originalReplicas"\s*:\s*(\d+)/g)].map((m) => Number(m[1]));
  return {
    context: one('context'),
    kubeconfig: one('kubeconfig'),
    namespace: one('namespace'),
    name: one('name'),
    originalReplicas: replicas.length === 1 ? replicas[0] : undefined,
    schedulerConfig: one('config'),
  };
}

/**
 * The commands that finish a restore by hand from what is known. Where the replica count is not
 * known, the first command reads it from the Deployment's annotation.
 */
export function byHandRestore(known: JournalSalvage, journalFile: string): string[][] {
  const namespace = known.namespace ?? 'kube-system';
  const name = known.name ?? '<the kube-scheduler Deployment>';
  const target = ['kubectl', ...(known.kubeconfig ? ['--kubeconfig', known.kubeconfig] : []), ...(known.context ? ['--context', known.context] : []), '-n', namespace];
  const replicas = known.originalReplicas !== undefined ? String(known.originalReplicas) : '<N>';
  return [
    ...(known.originalReplicas === undefined ? [[...target, 'get', `deployment/${name}`, '-o', `jsonpath={.metadata.annotations.${originalReplicasAnnotation.replace(/\./g, '\\.')}}`]] : []),
    [...target, 'scale', `deployment/${name}`, `--replicas=${replicas}`],
    [...target, 'rollout', 'status', `deployment/${name}`, '--timeout=120s'],
    [...target, 'annotate', `deployment/${name}`, `${originalReplicasAnnotation}-`],
    ...(known.schedulerConfig ? [['pkill', '-f', `--config=${known.schedulerConfig}`]] : []),
    ['rm', journalFile],
  ];
}
