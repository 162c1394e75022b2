import { EnvelopeSchema } from '../../../shared/ipc/envelope.js';
import { StudioError } from './studio-error.js';

/** Turns an engine reply back into a value or a thrown StudioError. */
export function unwrapEnvelope(raw: unknown): unknown {
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new StudioError({ name: 'BadReply', message: 'The engine sent a reply this UI does not understand.', kind: 'bug' });
  }
  if (envelope.data.ok) return envelope.data.result;
  throw new StudioError(envelope.data.error);
}
