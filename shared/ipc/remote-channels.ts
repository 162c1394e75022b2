import { z } from 'zod';
import { RemoteStatusSchema } from '../remote/remote-facts.js';

export const ContextChoiceSchema = z.object({ name: z.string(), server: z.string().optional(), user: z.string(), local: z.boolean() });

export const remoteRequests = {
  /** The contexts of a kubeconfig file (the default one when empty), for the Mode step's picker. */
  'remote:contexts': {
    input: z.object({ kubeconfig: z.string().max(4096) }).strict(),
    output: z.object({ file: z.string(), contexts: z.array(ContextChoiceSchema), current: z.string().optional(), problem: z.string().optional() }),
  },
  'remote:status': { input: z.object({}).strict(), output: RemoteStatusSchema },
} as const;

export const remoteEvents = {
  'remote:updated': RemoteStatusSchema,
} as const;
