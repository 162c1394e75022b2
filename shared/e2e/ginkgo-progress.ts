import { stripAnsi } from '../output/strip-ansi.js';

/** How far an e2e run has got, as its verbose ginkgo output tells it. */
export interface RunProgress {
  /** Specs ginkgo will run ("Will run N of M specs": N). */
  total?: number;
  /** Specs in the whole suite (M). */
  suiteTotal?: number;
  /** Specs that finished: passed, failed, or skipped while running. */
  done: number;
  passed: number;
  failed: number;
  /** The spec running now, without ginkgo's label list. */
  current?: string;
}

const separator = '------------------------------';
const willRun = /^Will run (\d+) of (\d+) specs?\b/;
// Suite-level nodes get a header like a spec's, but they are not specs.
const suiteNode = /^\[(?:ReportBeforeSuite|ReportAfterSuite|SynchronizedBeforeSuite|SynchronizedAfterSuite|BeforeSuite|AfterSuite|DeferCleanup \(Suite\))\]/;
// After the last separator ginkgo prints its summary, which is no spec either.
const runSummary = /^(?:Summarizing \d+ |Ran \d+ of \d+ Specs?\b)/;
// Specs printed as bare denoters: "S" for each skipped one, and, when a parallel run's CLI lacks -v,
// "•" for each passed one (ginkgo v2.27.2 reporters/default_reporter.go DidRun). Such a run is no
// spec name; the app gives the CLI -v so that passed specs are counted (shared/e2e/e2e-argv.ts).
const skippedRun = /^[S•+P]+$/;
// The denoter is • (+ on Windows); a spec that passed on a retry gets ↺ (R on Windows).
const passed = /^[•+] \[\d+(?:\.\d+)? seconds\]/;
const flakeyPassed = /^[•↺+R] \[FLAKEY TEST - TOOK \d+ ATTEMPTS TO PASS\]/;
const failed = /^[•+] \[(?:FAILED|PANICKED|TIMEDOUT|INTERRUPTED|ABORTED)\]/;
// A spec that called Skip() while running: it was counted in "Will run", so it is done, neither passed nor failed.
const skippedWhileRunning = /^S \[SKIPPED\]/;
// The label list ginkgo appends to a header: " [sig-node, NodeConformance, Conformance]".
const labelList = /\s+\[[^[\]]*, [^[\]]*\]$/;
// A line longer than this is cut: no header is that long, and a stream without newlines must not grow memory.
const maxLine = 1 << 16;

/** A spec header without the label list(s) ginkgo appends to it. */
function withoutLabels(header: string): string {
  let name = header.trimEnd();
  while (labelList.test(name)) name = name.replace(labelList, '');
  return name;
}

/**
 * Follows the output of `e2e.test --ginkgo.v` as it arrives, in chunks that may split lines
 * anywhere: the planned spec count, each spec as it starts (the line after a separator) and as it
 * ends (the "• [...]" line at column 0). Spec output is indented, so it is never mistaken for either.
 */
export class GinkgoProgress {
  private total: number | undefined;
  private suiteTotal: number | undefined;
  private done = 0;
  private passed = 0;
  private failed = 0;
  private current: string | undefined;
  private partial = '';
  private afterSeparator = false;

  /** Reads the next chunk of output; true when the snapshot changed. */
  feed(text: string): boolean {
    let changed = false;
    let start = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      const line = this.partial + text.slice(start, newline);
      this.partial = '';
      if (this.readLine(line.length > maxLine ? line.slice(0, maxLine) : line)) changed = true;
      start = newline + 1;
    }
    this.partial += text.slice(start);
    if (this.partial.length > maxLine) this.partial = this.partial.slice(0, maxLine);
    return changed;
  }

  snapshot(): RunProgress {
    const progress: RunProgress = { done: this.done, passed: this.passed, failed: this.failed };
    if (this.total !== undefined) progress.total = this.total;
    if (this.suiteTotal !== undefined) progress.suiteTotal = this.suiteTotal;
    if (this.current !== undefined) progress.current = this.current;
    return progress;
  }

  private readLine(raw: string): boolean {
    // trimEnd also takes the \r of a CRLF line end.
    const line = stripAnsi(raw).trimEnd();
    if (line === separator) {
      this.afterSeparator = true;
      return false;
    }
    if (line === '') return false;
    const startsSpec = this.afterSeparator;
    this.afterSeparator = false;
    if (/^\s/.test(line)) return false;

    const outcome = passed.test(line) || flakeyPassed.test(line) ? 'passed' : failed.test(line) ? 'failed' : skippedWhileRunning.test(line) ? 'skipped' : undefined;
    if (outcome) {
      this.done += 1;
      if (outcome === 'passed') this.passed += 1;
      if (outcome === 'failed') this.failed += 1;
      this.current = undefined;
      return true;
    }

    const plan = willRun.exec(line);
    if (plan) {
      const [total, suiteTotal] = [Number(plan[1]), Number(plan[2])];
      if (total === this.total && suiteTotal === this.suiteTotal) return false;
      [this.total, this.suiteTotal] = [total, suiteTotal];
      return true;
    }

    if (!startsSpec || skippedRun.test(line) || suiteNode.test(line) || runSummary.test(line)) return false;
    const name = withoutLabels(line);
    if (name === this.current) return false;
    this.current = name;
    return true;
  }
}
