import { readFile } from 'node:fs/promises';
import { locateSpecsInLog } from '../../../shared/e2e/locate-specs-in-log.js';
import { AppError } from '../../../shared/errors/app-error.js';
import { stripAnsi } from '../../../shared/output/strip-ansi.js';

const separator = '------------------------------';
const maxLines = 3000;

/** A log line without terminal colour codes and the carriage return a pty adds. */
function plain(line: string): string {
  return stripAnsi(line).replace(/\r$/, '');
}

/**
 * What one spec wrote in a run's log: from its header (the line ginkgo -v prints when the spec
 * starts) up to the next separator, so a failed spec can be read where it happened.
 */
export async function specLogExcerpt(logPath: string, spec: string): Promise<{ line?: number; lines: string[] }> {
  let text: string;
  try {
    text = await readFile(logPath, 'utf8');
  } catch {
    throw new AppError(`The run's log (${logPath}) is gone.`);
  }
  const lines = text.split('\n').map(plain);
  const line = locateSpecsInLog(lines, [spec]).get(spec);
  if (line === undefined) return { lines: [] };
  const excerpt: string[] = [];
  for (let index = line; index < lines.length && excerpt.length < maxLines; index += 1) {
    if (index > line && lines[index] === separator) break;
    excerpt.push(lines[index] ?? '');
  }
  return { line, lines: excerpt };
}
