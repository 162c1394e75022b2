/** One command of a run, as the app started it: no shell in between. */
export interface ScriptCommand {
  argv: readonly string[];
  cwd?: string;
  /** Variables set for this command only, on top of the environment the script runs in. */
  env?: Readonly<Record<string, string>>;
}

const safeWord = /^[A-Za-z0-9_@%+=:,./-]+$/;
// A command word is also read as an assignment (A=b), a job (%1) or a keyword (if, {, !, time) by bash.
const safeCommandWord = /^[A-Za-z0-9_@+:,./-]+$/;
const reservedWords = new Set(['case', 'coproc', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'select', 'then', 'time', 'until', 'while']);
const envName = /^[A-Za-z_][A-Za-z0-9_]*$/;
// The script's own helper; a program of that name is run with `command` so the helper does not shadow it.
const helper = 'keep_first_failure';

/** `word` as bash reads back exactly: bare when it is made of safe characters only, else in single quotes. */
function quote(word: string, safe: RegExp = safeWord): string {
  if (word.includes('\0')) throw new Error('A command argument contains a NUL character, which no program can receive.');
  if (safe.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

function commandLine(command: ScriptCommand): string {
  const [program, ...args] = command.argv;
  if (program === undefined) throw new Error('A script command needs at least a program name.');
  const env = Object.entries(command.env ?? {}).map(([name, value]) => {
    if (!envName.test(name)) throw new Error(`"${name}" is not a valid environment variable name.`);
    return `${name}=${quote(value)} `;
  });
  const programWord = reservedWords.has(program) ? `'${program}'` : program === helper ? `command ${helper}` : quote(program, safeCommandWord);
  return `${env.join('')}${[programWord, ...args.map((arg) => quote(arg))].join(' ')}`;
}

/**
 * A bash script that repeats a run's commands exactly: the same argv, working folder and extra
 * environment. Every command runs, in order, even after one fails; the script exits with the first
 * non-zero status. A `cd` that fails stops it, since the commands after it would run in the wrong folder.
 */
export function runScript(options: { title: string; commands: readonly ScriptCommand[]; leavesOut?: readonly string[] }): string {
  const usesFolders = options.commands.some((command) => command.cwd !== undefined);
  const comment = (text: string): string[] => text.split(/\r\n|\r|\n/).map((line) => `# ${line}`.trimEnd());
  const out = [
    '#!/usr/bin/env bash',
    ...comment(options.title),
    '#',
    ...(options.leavesOut && options.leavesOut.length > 0 ? [...options.leavesOut.flatMap(comment), '#'] : []),
    '# Runs every command below in order, even when one fails, and exits with the',
    '# status of the first command that failed (0 when all succeeded).',
    'set -u',
    'status=0',
    '# Keeps the exit status of the command that just failed, unless an earlier one failed first.',
    `${helper}() { local code=$?; if [ "$status" -eq 0 ]; then status=$code; fi; }`,
  ];
  if (usesFolders) out.push('start_dir=$PWD');
  let folder: string | undefined;
  for (const command of options.commands) {
    const line = commandLine(command);
    if (command.cwd !== folder) {
      out.push('', `cd -- ${command.cwd === undefined ? '"$start_dir"' : quote(command.cwd)} || { ${helper}; exit "$status"; }`);
      folder = command.cwd;
    }
    out.push(`${line} || ${helper}`);
  }
  out.push('', 'exit "$status"', '');
  return out.join('\n');
}

/** The first line of a run's exported script: which run, what focus, on which cluster. */
export function runScriptTitle(run: { id: string; filters: { focus: string }; cluster: { context: string }; mode: string }): string {
  return `k8s e2e studio run ${run.id}: ${run.filters.focus ? `focus ${run.filters.focus}` : 'no focus'} on ${run.cluster.context} (${run.mode} mode)`;
}

/**
 * What a run's script does not do, said at its top. A remote run's commands are the tests only: the
 * scheduler swap around them is the app's Cluster and Teardown steps, which the script does not repeat.
 */
export function runScriptLeavesOut(run: { mode: string; cluster: { context: string } }): string[] {
  if (run.mode !== 'remote') return [];
  return [
    'NOT INCLUDED: the scheduler swap. This script runs the tests only. The app, not this',
    `script, scaled the cluster's kube-scheduler (context ${run.cluster.context}) to 0 and ran your`,
    'locally built kube-scheduler in its place before the tests, and scaled it back after.',
    'Run it while that swap is in place (the app\'s Cluster step), or the specs are',
    "scheduled by the cluster's own scheduler; then give it back (the app's Teardown step).",
  ];
}
