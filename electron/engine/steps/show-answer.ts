import { appendFile } from 'node:fs/promises';
import { argvSummary } from '../../../shared/commands/argv-summary.js';
import { formatArgv } from '../../../shared/commands/format-argv.js';
import type { OutputStream } from '../output/output-stream.js';

/** An answer this short is shown as it is: a version, "deployment scaled", a node name. */
const shortAnswer = { lines: 3, chars: 300 };

/** Where a step's long answers go: beside its log, `step-build-1.log` → `step-build-1.answers.log`. */
export function answersPath(logPath: string): string {
  return logPath.replace(/(\.log)?$/, '.answers.log');
}

/** The command as the terminal shows it: whole, or its summary when it names a great many paths. */
export function terminalCommandLine(argv: readonly string[]): string {
  const summary = argvSummary(argv);
  if (!summary) return formatArgv(argv);
  const paths = summary.folders + summary.files;
  return paths > 0 ? `${summary.head} -- … (${paths.toLocaleString('en')} paths; the full command is in the step's Commands list)` : `${summary.head} … (${summary.more.toLocaleString('en')} more arguments)`;
}

/**
 * The stdout of a command the app runs to read its answer (JSON, a file list): a short one goes to
 * the terminal as it is; a long one goes to the answers file, whole, and the terminal gets one line
 * saying how much and where. What the user's own tools print is never held back like this.
 */
export async function showAnswer(stream: OutputStream, argv: readonly string[], stdout: Buffer): Promise<void> {
  if (stdout.length === 0) return;
  const text = stdout.toString('utf8');
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines <= shortAnswer.lines && text.length <= shortAnswer.chars) {
    stream.write(stdout);
    return;
  }
  const file = answersPath(stream.logPath);
  await appendFile(file, `$ ${formatArgv(argv)}\n${text}${text.endsWith('\n') ? '' : '\n'}`, { mode: 0o600 });
  stream.note(`\x1b[2m  (${lines.toLocaleString('en')} lines the app reads, ${stdout.length.toLocaleString('en')} bytes: kept in ${file})\x1b[0m\r\n`);
}
