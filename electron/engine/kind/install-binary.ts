import { chmod, copyFile, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

/**
 * Puts a verified binary in place atomically: it becomes executable, then replaces `target` in one
 * rename. The binary it replaces is kept beside it as `<name>.previous`, so a failed check afterwards
 * can put it back with `restorePrevious`.
 */
export async function installBinary(verified: string, target: string): Promise<{ previous?: string }> {
  await chmod(verified, 0o755);
  const previous = `${target}.previous`;
  const hadPrevious = await copyFile(target, previous).then(
    () => true,
    () => false,
  );
  await rename(verified, target);
  await syncFolder(path.dirname(target));
  return { previous: hadPrevious ? previous : undefined };
}

export async function restorePrevious(target: string, previous: string | undefined): Promise<void> {
  if (previous) await rename(previous, target);
  else await unlink(target).catch(() => undefined);
  await syncFolder(path.dirname(target));
}
