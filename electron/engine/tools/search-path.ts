import os from 'node:os';
import path from 'node:path';

/** Folders where tools commonly live but which a GUI app's PATH often lacks. */
export function wellKnownToolFolders(platform: NodeJS.Platform = process.platform, home = os.homedir()): string[] {
  const common = ['/usr/local/bin', '/usr/local/go/bin', path.join(home, 'go', 'bin'), path.join(home, '.local', 'bin')];
  return platform === 'darwin' ? ['/opt/homebrew/bin', '/opt/homebrew/sbin', ...common] : common;
}

/**
 * The PATH for everything the app runs: the app's own bin folder first (so the kind it installed
 * wins), then the login shell's PATH, then the app's own, then the well-known folders; no duplicates.
 */
export function composeSearchPath(parts: { binDir: string; loginShell: string[]; inherited: string | undefined; extras: string[] }): string[] {
  const all = [parts.binDir, ...parts.loginShell, ...(parts.inherited ?? '').split(path.delimiter), ...parts.extras];
  return [...new Set(all.filter((dir) => dir && path.isAbsolute(dir)))];
}
