import type { ErrorInfo } from '../../../shared/errors/error-info.js';

/** An engine error, rebuilt on this side of the boundary from its plain data. */
export class StudioError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = info.name;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
