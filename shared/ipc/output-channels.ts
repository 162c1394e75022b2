import { z } from 'zod';

export const StreamIdSchema = z.string().min(1).max(120).regex(/^[A-Za-z0-9:._-]+$/);

/** A batch of a stream's output, in order; `offset` counts characters sent on this stream before it. */
export const OutputBatchSchema = z.object({
  streamId: StreamIdSchema,
  offset: z.number().int().nonnegative(),
  data: z.string(),
  /** Characters the view skipped before this batch because it fell behind; they are in the log file. */
  skipped: z.number().int().nonnegative().optional(),
});
export type OutputBatch = z.infer<typeof OutputBatchSchema>;

export const OutputEndSchema = z.object({
  streamId: StreamIdSchema,
  exitCode: z.number().int().optional(),
  signal: z.string().optional(),
});
export type OutputEnd = z.infer<typeof OutputEndSchema>;

export const AttachResultSchema = z.object({
  streamId: StreamIdSchema,
  /** The output so far (its tail, when the stream is larger than the view keeps). */
  backlog: z.string(),
  /** Characters of the stream before the backlog that are only in the log file. */
  omitted: z.number().int().nonnegative(),
  live: z.boolean(),
  logPath: z.string().optional(),
});
export type AttachResult = z.infer<typeof AttachResultSchema>;

export const outputRequests = {
  'output:attach': { input: z.object({ streamId: StreamIdSchema }).strict(), output: AttachResultSchema },
  'output:detach': { input: z.object({ streamId: StreamIdSchema }).strict(), output: z.null() },
  'output:ack': {
    input: z.object({ streamId: StreamIdSchema, chars: z.number().int().positive().max(1e9) }).strict(),
    output: z.null(),
  },
} as const;

export const outputEvents = {
  'output:data': OutputBatchSchema,
  'output:end': OutputEndSchema,
} as const;
