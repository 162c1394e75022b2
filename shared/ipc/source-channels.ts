import { z } from 'zod';

export const sourceRequests = {
  /** Whether a folder is a Kubernetes checkout, before it is saved as the source. */
  'source:check': {
    input: z.object({ dir: z.string().min(1).max(4096) }).strict(),
    output: z.object({ dir: z.string(), problem: z.string().optional() }),
  },
} as const;
