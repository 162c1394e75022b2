import type { ErrorInfo, ErrorKind } from './error-info.js';

/** An error we raise on purpose; it carries everything the UI needs to explain it. */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly details: Omit<ErrorInfo, 'name' | 'message' | 'kind'>;

  constructor(message: string, kind: ErrorKind = 'expected', details: Omit<ErrorInfo, 'name' | 'message' | 'kind'> = {}) {
    super(message);
    this.name = kind === 'cancelled' ? 'Cancelled' : 'AppError';
    this.kind = kind;
    this.details = details;
  }
}

/** Any thrown value as data. Errors that are not ours are bugs until proven otherwise. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) {
    return { name: error.name, message: error.message, kind: error.kind, ...error.details };
  }
  if (error instanceof Error) {
    return { name: error.name, message: error.message, kind: 'bug' };
  }
  return { name: 'Error', message: String(error), kind: 'bug' };
}
