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
  schedulerRunning: z.boolean(),
  schedulerStreamId: z.string().optional(),
  problem: z.string().optional(),
});
export type RemoteStatus = z.infer<typeof RemoteStatusSchema>;
