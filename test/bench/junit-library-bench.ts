import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parseJUnit } from '../../shared/e2e/parse-junit.js';
import { ginkgoLikeJUnit, ginkgoLikeShape } from './ginkgo-junit-report.js';
import { parseJUnitWithFastXmlParser } from './junit-fast-xml-parser.js';
import { max, median } from './stats.js';
import { formatTable } from './table.js';

/**
 * Our hand-written JUnit reader against fast-xml-parser doing the same reading, on a ginkgo-shaped
 * 7,400-case report; JSON.parse of the same results, measured in the same run, is the baseline.
 * `npx tsx test/bench/junit-library-bench.ts` runs it alone.
 */
export interface JUnitLibraryBenchResult {
  cases: number;
  xmlBytes: number;
  /** Both readers gave the same report (deep equality, after a JSON round trip drops undefined fields). */
  identical: boolean;
  oursMs: number[];
  libraryMs: number[];
  jsonParseMs: number[];
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

export function runJUnitLibraryBench(repeats: number): JUnitLibraryBenchResult {
  const xml = ginkgoLikeJUnit(ginkgoLikeShape);
  const ours = parseJUnit(xml);
  const json = JSON.stringify(ours);
  const identical = isDeepStrictEqual(plain(ours), plain(parseJUnitWithFastXmlParser(xml)));
  if (ours.counts.total !== ginkgoLikeShape.cases) throw new Error(`parsed ${ours.counts.total} of ${ginkgoLikeShape.cases} cases`);
  const result: JUnitLibraryBenchResult = { cases: ours.counts.total, xmlBytes: Buffer.byteLength(xml), identical, oursMs: [], libraryMs: [], jsonParseMs: [] };
  // One warm-up round, then rounds that take the three in turn, so a busy machine weighs on each alike.
  for (let round = -1; round < repeats; round += 1) {
    const times = [timed(() => JSON.parse(json)), timed(() => parseJUnit(xml)), timed(() => parseJUnitWithFastXmlParser(xml))];
    if (round < 0) continue;
    result.jsonParseMs.push(times[0] as number);
    result.oursMs.push(times[1] as number);
    result.libraryMs.push(times[2] as number);
  }
  return result;
}

export function formatJUnitLibraryBench(result: JUnitLibraryBenchResult): string[] {
  const baseline = median(result.jsonParseMs);
  const row = (label: string, ms: number[]): string[] => [label, median(ms).toFixed(1), max(ms).toFixed(1), `${(median(ms) / baseline).toFixed(2)}x`];
  const oursOverLibrary = median(result.oursMs) / median(result.libraryMs);
  return [
    '',
    `JUnit reader vs library: ${result.cases.toLocaleString('en-US')} cases, ${(result.xmlBytes / 1024 ** 2).toFixed(1)} MiB of ginkgo-shaped XML, ${result.oursMs.length} rounds`,
    ...formatTable(
      ['reader', 'median ms', 'max ms', 'vs JSON.parse'],
      [row('JSON.parse of the same results [baseline]', result.jsonParseMs), row('parseJUnit, hand-written [ours]', result.oursMs), row('fast-xml-parser [library]', result.libraryMs)],
      ['left', 'right', 'right', 'right'],
    ).map((line) => `   ${line}`),
    `   ours / library: ${oursOverLibrary.toFixed(2)}x (below 1 means ours is faster); same results: ${result.identical ? 'yes' : 'NO'}`,
  ];
}

export function printJUnitLibraryBench(log: (line: string) => void, repeats = 7): void {
  for (const line of formatJUnitLibraryBench(runJUnitLibraryBench(repeats))) log(line);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printJUnitLibraryBench((line) => console.log(line));
