import { z } from 'zod';

/**
 * The three kinds of failure the app tells apart:
 * - expected: bad input, a missing tool, a command that exited non-zero; shown in the step;
 * - cancelled: the user asked to stop; never reported as an error;
 * - bug: a broken invariant in our own code; logged loudly.
 */
export const ErrorKindSchema = z.enum(['expected', 'cancelled', 'bug']);
export type ErrorKind = z.infer<typeof ErrorKindSchema>;

/** An error as plain data, so it survives IPC, WebSocket frames and JSON files. */
export const ErrorInfoSchema = z.object({
  name: z.string(),
  message: z.string(),
  kind: ErrorKindSchema,
  command: z.array(z.string()).optional(),
  exitCode: z.number().int().optional(),
  signal: z.string().optional(),
  stderrTail: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;
