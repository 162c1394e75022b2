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

/** The kubectl commands that give the cluster its own scheduler back: scale it up again, then wait for it. */
export function restoreCommands(journal: SwapJournal): string[][] {
  const { namespace, name, originalReplicas } = journal.deployment;
  const target = ['kubectl', '--kubeconfig', journal.kubeconfig, '--context', journal.context, '-n', namespace];
  return [
    [...target, 'scale', `deployment/${name}`, `--replicas=${originalReplicas}`],
    [...target, 'rollout', 'status', `deployment/${name}`, '--timeout=120s'],
  ];
}

/** An argv as it would be typed in a POSIX shell, unsafe arguments in single quotes; for showing and copying. */
export function formatCommand(argv: string[]): string {
  return formatArgv(argv);
}
