import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { AppError } from '../../../shared/errors/app-error.js';

export interface DownloadOptions {
  url: string;
  file: string;
  signal: AbortSignal;
  /** Abort when no byte arrives for this long. */
  stallMs: number;
  onProgress(done: number, total: number | undefined): void;
}

/**
 * Downloads `url` (following redirects) into `file`, hashing as it goes. Fails on a non-2xx answer,
 * on a stall, and on a transfer shorter than the announced length. The file is fsynced.
 */
export async function downloadToFile(options: DownloadOptions): Promise<{ sha256: string; bytes: number; finalUrl: string }> {
  const stall = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => stall.abort(), options.stallMs);
  };
  const signal = AbortSignal.any([options.signal, stall.signal]);
  const hash = createHash('sha256');
  const handle = await open(options.file, 'w', 0o600);
  let done = 0;
  try {
    arm();
    const response = await fetch(options.url, { signal, redirect: 'follow' });
    if (!response.ok || !response.body) throw new AppError(`Expected the file at ${options.url}, got HTTP ${response.status} ${response.statusText} instead.`);
    const announced = Number(response.headers.get('content-length') ?? Number.NaN);
    const total = Number.isFinite(announced) ? announced : undefined;
    options.onProgress(0, total);
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      arm();
      hash.update(chunk);
      await handle.write(chunk);
      done += chunk.length;
      options.onProgress(done, total);
    }
    if (total !== undefined && done !== total) throw new AppError(`The download of ${options.url} ended after ${done} of ${total} bytes.`);
    await handle.sync();
    return { sha256: hash.digest('hex'), bytes: done, finalUrl: response.url || options.url };
  } catch (error) {
    if (options.signal.aborted) throw new AppError('Cancelled.', 'cancelled');
    if (stall.signal.aborted) throw new AppError(`The download of ${options.url} stalled: no data for ${Math.round(options.stallMs / 1000)} s (after ${done} bytes).`);
    if (error instanceof AppError) throw error;
    throw new AppError(`The download of ${options.url} failed after ${done} bytes: ${describeFetchError(error)}`);
  } finally {
    clearTimeout(timer);
    await handle.close();
  }
}

/** Undici hides the useful part (ECONNREFUSED, ENOTFOUND, "other side closed") in `cause`. */
function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return [(error as Error).message, cause?.code, cause?.message].filter(Boolean).join(': ');
}

/** A small text file (a .sha256sum), with a timeout. */
export async function fetchText(url: string, signal: AbortSignal, timeoutMs: number): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]), redirect: 'follow' });
    if (!response.ok) throw new AppError(`Expected ${url}, got HTTP ${response.status} ${response.statusText} instead.`);
    return await response.text();
  } catch (error) {
    if (signal.aborted) throw new AppError('Cancelled.', 'cancelled');
    if (error instanceof AppError) throw error;
    throw new AppError(`Could not fetch ${url}: ${describeFetchError(error)}`);
  }
}
