import { z } from 'zod';

/** The kube-scheduler the app runs in place of the cluster's: its file, and whether the Build step made it or a tool path named it. */
export const SchedulerBinarySchema = z.object({ path: z.string(), from: z.enum(['build', 'tool-path']) });
export type SchedulerBinary = z.infer<typeof SchedulerBinarySchema>;

/** The cluster the tests will run against, as the Cluster step left it. */
export const ClusterFactsSchema = z.object({
  mode: z.enum(['kind', 'remote']),
  name: z.string(),
  context: z.string(),
  /** The app's own kubeconfig for this cluster (never the user's ~/.kube/config). */
  kubeconfig: z.string(),
  image: z.string().optional(),
  configPath: z.string().optional(),
  reused: z.boolean(),
  /** Where `kind export logs` put the logs of a failed creation. */
  logsDir: z.string().optional(),
  logFiles: z.array(z.string()).optional(),
  /** A locally built kube-scheduler runs in the control plane in place of the image's. */
  schedulerSwapped: z.boolean().optional(),
  schedulerBinary: SchedulerBinarySchema.optional(),
});
export type ClusterFacts = z.infer<typeof ClusterFactsSchema>;
