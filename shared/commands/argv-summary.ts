import { formatArgv } from './format-argv.js';

/** A command too long to read in a list, shortened: what it is, and how many paths it names. */
export interface ArgvSummary {
  /** The command up to its list of paths (or its first arguments), as it would be typed. */
  head: string;
  /** Paths after "--" that name folders ("pkg/scheduler/") and the other ones. */
  folders: number;
  files: number;
  /** Further arguments left out when there is no "--" list. */
  more: number;
}

const maxArgs = 24;
const maxChars = 600;

/**
 * The summary of a command with many arguments (a `git ls-tree` over every package folder of
 * e2e.test has thousands), or undefined when the command reads well as it is.
 */
export function argvSummary(argv: readonly string[]): ArgvSummary | undefined {
  if (argv.length <= maxArgs && formatArgv(argv).length <= maxChars) return undefined;
  const dash = argv.indexOf('--');
  if (dash >= 0 && argv.length - dash - 1 > 1) {
    const paths = argv.slice(dash + 1);
    const folders = paths.filter((arg) => arg.endsWith('/')).length;
    return { head: formatArgv(argv.slice(0, dash)), folders, files: paths.length - folders, more: 0 };
  }
  let kept = 1;
  while (kept < Math.min(argv.length, maxArgs) && formatArgv(argv.slice(0, kept + 1)).length <= maxChars / 2) kept++;
  return { head: formatArgv(argv.slice(0, kept)), folders: 0, files: 0, more: argv.length - kept };
}
