import { parseJUnit } from '../../shared/e2e/parse-junit.js';

export interface JUnitBenchResult {
  cases: number;
  xmlBytes: number;
  parseMs: number;
  jsonParseMs: number;
}

/** A ginkgo-shaped JUnit report of `cases` testcases (1 in 50 failed, 1 in 7 skipped), with the same data as JSON. */
function reports(cases: number): { xml: string; json: string } {
  const specs = Array.from({ length: cases }, (_, i) => ({
    name: `[It] [sig-apps] spec number ${i} does what it says on the tin [Conformance]`,
    state: i % 50 === 0 ? 'failed' : i % 7 === 0 ? 'skipped' : 'passed',
    time: (i % 90) / 3,
    message: i % 50 === 0 ? `[FAILED] expected 3 replicas, got ${i % 3}\nIn [It] at: k8s.io/kubernetes/test/e2e/apps/x.go:${i} @ now` : undefined,
  }));
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite name="Kubernetes e2e suite" tests="${cases}">\n${specs
    .map((s) =>
      s.state === 'failed'
        ? `<testcase name="${s.name}" classname="Kubernetes e2e suite" status="failed" time="${s.time}"><failure message="expected 3 replicas" type="failed"><![CDATA[${s.message}]]></failure><system-err>STEP: creating a deployment</system-err></testcase>`
        : `<testcase name="${s.name}" classname="Kubernetes e2e suite" status="${s.state}" time="${s.time}">${s.state === 'skipped' ? '<skipped message="skipped - focus did not match"/>' : '<system-err>STEP: creating a deployment</system-err>'}</testcase>`,
    )
    .join('\n')}\n</testsuite></testsuites>\n`;
  return { xml, json: JSON.stringify(specs) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Parse time of our JUnit reader against JSON.parse of the same data, median of `repeats`. */
export function runJUnitBench(cases: number, repeats: number): JUnitBenchResult {
  const { xml, json } = reports(cases);
  const time = (work: () => unknown): number => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
  const parsed = parseJUnit(xml);
  if (parsed.counts.total !== cases) throw new Error(`parsed ${parsed.counts.total} of ${cases} cases`);
  const parseMs = median(Array.from({ length: repeats }, () => time(() => parseJUnit(xml))));
  const jsonParseMs = median(Array.from({ length: repeats }, () => time(() => JSON.parse(json))));
  return { cases, xmlBytes: Buffer.byteLength(xml), parseMs, jsonParseMs };
}
