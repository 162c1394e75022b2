import { z } from 'zod';
import { ErrorInfoSchema, type ErrorInfo } from '../errors/error-info.js';

/** A reply never throws across the boundary: it is a result or an error, both plain data. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ErrorInfo };

export const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorInfoSchema }),
]);

/** Frames of the browser-mode WebSocket. */
export const ClientFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  input: z.unknown(),
}).strict();
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

export type ServerFrame =
  | { kind: 'reply'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; event: string; payload: unknown };
