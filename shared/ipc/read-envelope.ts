import type { ErrorInfo, ErrorKind } from '../errors/error-info.js';
import type { Envelope } from './envelope.js';

const errorKinds: readonly ErrorKind[] = ['expected', 'cancelled', 'bug'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optional = (value: unknown, is: (v: unknown) => boolean): boolean => value === undefined || is(value);
const isString = (value: unknown): boolean => typeof value === 'string';
const isInteger = (value: unknown): boolean => Number.isInteger(value);
const isStrings = (value: unknown): boolean => Array.isArray(value) && value.every(isString);

function readErrorInfo(raw: unknown): ErrorInfo | undefined {
  if (!isObject(raw)) return undefined;
  const { name, message, kind, command, exitCode, signal, stderrTail } = raw;
  if (typeof name !== 'string' || typeof message !== 'string' || !errorKinds.includes(kind as ErrorKind)) return undefined;
  if (!optional(command, isStrings) || !optional(exitCode, isInteger) || !optional(signal, isString) || !optional(stderrTail, isString)) return undefined;
  const info: ErrorInfo = { name, message, kind: kind as ErrorKind };
  if (command !== undefined) info.command = command as string[];
  if (exitCode !== undefined) info.exitCode = exitCode as number;
  if (signal !== undefined) info.signal = signal as string;
  if (stderrTail !== undefined) info.stderrTail = stderrTail as string;
  return info;
}

/**
 * An engine reply as the window reads it, or undefined when it is not one: the same shape
 * EnvelopeSchema accepts, checked by hand so that the window's first script does not carry zod
 * (unknown fields are dropped, as zod drops them).
 */
export function readEnvelope(raw: unknown): Envelope<unknown> | undefined {
  if (!isObject(raw)) return undefined;
  // zod's object wants the key itself, even for an unknown value.
  if (raw.ok === true) return 'result' in raw ? { ok: true, result: raw.result } : undefined;
  if (raw.ok !== false) return undefined;
  const error = readErrorInfo(raw.error);
  return error ? { ok: false, error } : undefined;
}
