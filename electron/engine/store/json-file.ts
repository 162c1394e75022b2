import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

/**
 * Replaces `file` with `value` as JSON so that a crash leaves either the old file or the new one,
 * never half of either: write a temp file beside it, fsync, rename over, fsync the folder.
 */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeTextAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The same for any text: temp file beside it, fsync, rename over, fsync the folder. */
export async function writeTextAtomic(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(path.dirname(file));
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic there.
  } finally {
    await handle.close();
  }
}

export interface LoadedJson<T> {
  value: T;
  /** Set when the file was unreadable and was moved aside; says where to. */
  problem?: string;
  /** Where an unreadable file was moved. */
  aside?: string;
  /** Why it could not be read. */
  reason?: string;
  /** What an unreadable file held, where it was still JSON (for salvaging what validates). */
  raw?: unknown;
}

/**
 * Reads a JSON file that must match `schema`. A missing file gives `fallback`. A file that does not
 * parse or does not match is moved aside (never deleted) and `fallback` is returned with the reason.
 */
export async function loadJsonFile<S extends z.ZodType>(file: string, schema: S, fallback: z.output<S>): Promise<LoadedJson<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { value: fallback };
    throw error;
  }
  let reason: string;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { value: parsed.data };
    const issue = parsed.error.issues[0];
    reason = `${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'does not match'}`;
  } catch (error) {
    reason = (error as Error).message;
  }
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, aside);
  return { value: fallback, aside, reason, raw, problem: `${path.basename(file)} could not be read (${reason}). It was moved to ${aside} and the app started with a clean one.` };
}
