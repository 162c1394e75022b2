import { pathToFileURL } from 'node:url';
import { re2Problem } from '../../shared/e2e/re2-problem.js';
import { goRegexpErrors } from '../support/go-regexp-oracle.js';
import { re2HandScan } from '../../shared/e2e/re2-hand-scan.js';
import { regexCorpus } from './regex-corpus.js';
import { median } from './stats.js';
import { formatTable } from './table.js';

/**
 * The RE2 check before (a hand list of refusals) and now (re2js's parser with Go's corrections), on
 * a seeded corpus of patterns: how often each agrees with Go's regexp.Compile, and how long each
 * takes over the corpus; JavaScript's own RegExp over the same corpus is the baseline of the run.
 * `npx tsx test/bench/re2-library-bench.ts` runs it alone.
 */
export interface Re2LibraryBenchResult {
  patterns: number;
  handWrong: number;
  libraryWrong: number;
  handMs: number[];
  libraryMs: number[];
  jsRegExpMs: number[];
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

export async function runRe2LibraryBench(size: number, repeats: number): Promise<Re2LibraryBenchResult> {
  const patterns = regexCorpus(size);
  const go = await goRegexpErrors(patterns);
  const wrong = (check: (pattern: string) => unknown): number => patterns.filter((pattern, i) => (check(pattern) === undefined) !== (go[i] === '')).length;
  const result: Re2LibraryBenchResult = { patterns: patterns.length, handWrong: wrong(re2HandScan), libraryWrong: wrong(re2Problem), handMs: [], libraryMs: [], jsRegExpMs: [] };
  const jsRegExp = (pattern: string): void => {
    try {
      new RegExp(pattern, 'u');
    } catch {
      // Only the time counts here.
    }
  };
  for (let round = -1; round < repeats; round += 1) {
    const times = [timed(() => patterns.forEach(jsRegExp)), timed(() => patterns.forEach(re2HandScan)), timed(() => patterns.forEach(re2Problem))];
    if (round < 0) continue;
    result.jsRegExpMs.push(times[0] as number);
    result.handMs.push(times[1] as number);
    result.libraryMs.push(times[2] as number);
  }
  return result;
}

export function formatRe2LibraryBench(result: Re2LibraryBenchResult): string[] {
  const baseline = median(result.jsRegExpMs);
  const perPattern = (ms: number[]): string => `${((median(ms) * 1000) / result.patterns).toFixed(1)}`;
  const row = (label: string, ms: number[], wrongCount: number | undefined): string[] => [label, wrongCount === undefined ? '-' : `${wrongCount}`, median(ms).toFixed(1), perPattern(ms), `${(median(ms) / baseline).toFixed(2)}x`];
  return [
    '',
    `RE2 check vs library: ${result.patterns.toLocaleString('en-US')} seeded patterns, verdicts against Go's regexp.Compile, ${result.handMs.length} rounds`,
    ...formatTable(
      ['check', 'verdicts unlike Go', 'median ms (all)', 'µs per pattern', 'vs RegExp'],
      [
        row("JavaScript's RegExp, not a Go judge [baseline]", result.jsRegExpMs, undefined),
        row('hand list of refusals [before]', result.handMs, result.handWrong),
        row('re2js + Go corrections [ours now]', result.libraryMs, result.libraryWrong),
      ],
      ['left', 'right', 'right', 'right', 'right'],
    ).map((line) => `   ${line}`),
    `   re2js / hand list: ${(median(result.libraryMs) / median(result.handMs)).toFixed(2)}x the time; wrong verdicts ${result.libraryWrong} vs ${result.handWrong}`,
  ];
}

export async function printRe2LibraryBench(log: (line: string) => void, size = 5000, repeats = 5): Promise<void> {
  for (const line of formatRe2LibraryBench(await runRe2LibraryBench(size, repeats))) log(line);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await printRe2LibraryBench((line) => console.log(line));
