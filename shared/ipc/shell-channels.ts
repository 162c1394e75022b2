import { z } from 'zod';
import { StreamIdSchema } from './output-channels.js';

export const ShellSessionSchema = z.object({
  sessionId: z.string(),
  streamId: StreamIdSchema,
  cwd: z.string(),
  argv: z.array(z.string()),
});
export type ShellSession = z.infer<typeof ShellSessionSchema>;

const SessionIdSchema = z.string().min(1).max(100);
const DimensionSchema = z.number().int().min(2).max(1000);

export const shellRequests = {
  'shell:open': {
    input: z.object({ cwd: z.string().min(1).max(4096).optional(), cols: DimensionSchema, rows: DimensionSchema }).strict(),
    output: ShellSessionSchema,
  },
  'shell:write': { input: z.object({ sessionId: SessionIdSchema, data: z.string().max(65536) }).strict(), output: z.null() },
  'shell:resize': {
    input: z.object({ sessionId: SessionIdSchema, cols: DimensionSchema, rows: DimensionSchema }).strict(),
    output: z.null(),
  },
  'shell:close': { input: z.object({ sessionId: SessionIdSchema }).strict(), output: z.null() },
} as const;
