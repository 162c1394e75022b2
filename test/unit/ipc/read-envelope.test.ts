import { describe, expect, it } from 'vitest';
import { EnvelopeSchema } from '../../../shared/ipc/envelope.js';
import { readEnvelope } from '../../../shared/ipc/read-envelope.js';

const error = { name: 'CommandFailed', message: 'make exited 2', kind: 'expected' };

/** Replies of every shape: well-formed, and wrong in each field in turn. */
const replies: Array<[string, unknown]> = [
  ['a result', { ok: true, result: { steps: [1, 2] } }],
  ['a result of null', { ok: true, result: null }],
  ['no result at all', { ok: true }],
  ['an error', { ok: false, error }],
  ['an error with every optional field', { ok: false, error: { ...error, command: ['make', 'all'], exitCode: 2, signal: 'SIGTERM', stderrTail: 'boom' } }],
  ['an error with a field the UI does not know', { ok: false, error: { ...error, hint: 'extra' } }],
  ['a reply with a field the UI does not know', { ok: true, result: 1, extra: true }],
  ['an error without its message', { ok: false, error: { name: 'X', kind: 'bug' } }],
  ['an error of an unknown kind', { ok: false, error: { ...error, kind: 'fatal' } }],
  ['an error whose command is not strings', { ok: false, error: { ...error, command: ['make', 2] } }],
  ['an error whose exit code is not an integer', { ok: false, error: { ...error, exitCode: 1.5 } }],
  ['an error whose signal is a number', { ok: false, error: { ...error, signal: 15 } }],
  ['an error whose stderr tail is null', { ok: false, error: { ...error, stderrTail: null } }],
  ['ok false without an error', { ok: false }],
  ['ok as a string', { ok: 'true', result: 1 }],
  ['no ok', { result: 1 }],
  ['an array', [true, 1]],
  ['null', null],
  ['a string', 'ok'],
];

describe('readEnvelope accepts and reads exactly what EnvelopeSchema (shared/ipc/envelope.ts) does', () => {
  for (const [name, raw] of replies) {
    it(name, () => {
      const parsed = EnvelopeSchema.safeParse(raw);
      expect(readEnvelope(raw)).toEqual(parsed.success ? parsed.data : undefined);
    });
  }

  it('tells a result from an error', () => {
    expect(readEnvelope({ ok: true, result: 7 })).toEqual({ ok: true, result: 7 });
    expect(readEnvelope({ ok: false, error })).toEqual({ ok: false, error });
  });
});
