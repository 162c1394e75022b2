import { z } from 'zod';

/** What the Mode step found about a remote cluster, before anything is changed. */
export const RemoteFactsSchema = z.object({
  source: z.string(),
  context: z.string(),
  server: z.string(),
  local: z.boolean(),
  serverVersion: z.string(),
  skew: z.string().optional(),
  nodes: z.object({ total: z.number().int(), schedulable: z.number().int(), osArch: z.string() }),
  /** Where the in-cluster scheduler runs, in words (e.g. "Deployment kube-system/scheduler, 1 replica"). */
  scheduler: z.string(),
  swappable: z.boolean(),
  lease: z.object({ holder: z.string().optional(), renewTime: z.string().optional() }),
});
export type RemoteFacts = z.infer<typeof RemoteFactsSchema>;

/** Why the swap needs attention; decisions read this, the sentence in `problem` is for people. */
export const SwapProblemKindSchema = z.enum(['scheduler-died', 'rival', 'restore-failed', 'corrupt-journal']);
export type SwapProblemKind = z.infer<typeof SwapProblemKindSchema>;

/** Remote mode's state as the UI shows it: an unrestored swap, the local scheduler, its problem. */
export const RemoteStatusSchema = z.object({
  journal: z
    .object({
      state: z.string(),
      context: z.string(),
      deployment: z.string(),
      originalReplicas: z.number().int(),
      at: z.number(),
    })
    .optional(),
  /** A journal this session did not write: the app or the machine went down during a swap. */
  interrupted: z.boolean(),
  /** A local kube-scheduler an earlier session started still runs (found by its config file). */
  leftoverScheduler: z.boolean().optional(),
  schedulerRunning: z.boolean(),
  schedulerStreamId: z.string().optional(),
  /** A journal that cannot be read: what could still be read of it, and where it is. */
  corrupt: z.object({ file: z.string(), reason: z.string(), context: z.string().optional(), deployment: z.string().optional(), originalReplicas: z.number().int().optional() }).optional(),
  problemKind: SwapProblemKindSchema.optional(),
  problem: z.string().optional(),
  /** The commands that finish the restore by hand, when the app cannot. */
  byHand: z.array(z.string()).optional(),
  /** A restore is under way. */
  restoring: z.boolean().optional(),
});
export type RemoteStatus = z.infer<typeof RemoteStatusSchema>;
