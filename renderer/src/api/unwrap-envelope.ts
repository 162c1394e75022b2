import { readEnvelope } from '../../../shared/ipc/read-envelope.js';
import { StudioError } from './studio-error.js';

/** Turns an engine reply back into a value or a thrown StudioError. */
export function unwrapEnvelope(raw: unknown): unknown {
  const envelope = readEnvelope(raw);
  if (!envelope) {
    throw new StudioError({ name: 'BadReply', message: 'The engine sent a reply this UI does not understand.', kind: 'bug' });
  }
  if (envelope.ok) return envelope.result;
  throw new StudioError(envelope.error);
}
