import os from 'node:os';
import path from 'node:path';

/** Folders where tools commonly live but which a GUI app's PATH often lacks. */
export function wellKnownToolFolders(platform: NodeJS.Platform = process.platform, home = os.homedir()): string[] {
  const common = ['/usr/local/bin', '/usr/local/go/bin', path.join(home, 'go', 'bin'), path.join(home, '.local', 'bin')];
  return platform === 'darwin' ? ['/opt/homebrew/bin', '/opt/homebrew/sbin', ...common] : common;
}

/**
 * A folder npm put on PATH for its own scripts (`npm start` adds node_modules/.bin of every parent
 * and @npmcli/run-script's node-gyp-bin): the app's tools and a user's exported script must not
 * pick a program from there.
 */
function isNpmScriptFolder(dir: string): boolean {
  return dir.split(path.sep).includes('node_modules');
}

/**
 * The PATH for everything the app runs: the app's own bin folder first (so the kind it installed
 * wins), then the login shell's PATH, then the app's own, then the well-known folders; no duplicates,
 * none of npm's script folders.
 */
export function composeSearchPath(parts: { binDir: string; loginShell: string[]; inherited: string | undefined; extras: string[] }): string[] {
  const all = [parts.binDir, ...parts.loginShell, ...(parts.inherited ?? '').split(path.delimiter), ...parts.extras];
  return [...new Set(all.filter((dir) => dir && path.isAbsolute(dir) && !isNpmScriptFolder(dir)))];
}

/**
 * The engine's search path, known at once from what this process inherited and completed by the
 * login shell's PATH when that answers (a GUI app launched from Finder does not get it otherwise).
 * The login shell is asked in a task of its own, after the one that builds the engine: starting
 * it is most of the engine's start-up work (about 14 ms of this thread), and a window waiting
 * for the engine's first answers should not wait for it too.
 */
export function engineSearchPath(binDir: string, askLoginShell: (() => Promise<string[]>) | undefined): () => readonly string[] {
  let current = composeSearchPath({ binDir, loginShell: [], inherited: process.env.PATH, extras: wellKnownToolFolders() });
  if (askLoginShell) {
    setTimeout(() => {
      askLoginShell()
        .then((loginShell) => {
          current = composeSearchPath({ binDir, loginShell, inherited: process.env.PATH, extras: wellKnownToolFolders() });
        })
        .catch(() => undefined);
    }, 0);
  }
  return () => current;
}
