import path from 'node:path';
import { runToCompletion } from '../exec/run-to-completion.js';

const startMarker = '__STUDIO_PATH_START__';
const endMarker = '__STUDIO_PATH_END__';

/**
 * The PATH a login shell of the user would have. An app started from the Finder (or a desktop
 * launcher) gets a bare PATH without Homebrew, Go or ~/bin; the user's shell profile has the real one.
 * The command is a constant; nothing the user typed goes into it.
 */
export async function loginShellPath(shell = process.env.SHELL): Promise<string[]> {
  if (!shell || !path.isAbsolute(shell)) return [];
  const result = await runToCompletion([shell, '-l', '-c', `printf '%s%s%s' '${startMarker}' "$PATH" '${endMarker}'`], { env: { TERM: 'dumb' }, timeoutMs: 5000 });
  const text = result.stdout;
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker, start);
  if (start === -1 || end === -1) return [];
  return text.slice(start + startMarker.length, end).split(path.delimiter).filter(Boolean);
}
