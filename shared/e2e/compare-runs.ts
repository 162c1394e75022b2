import type { SpecResult, SpecState } from './junit-report.js';

/** What changed between two e2e runs, spec by spec; every list is sorted by name. */
export interface RunComparison {
  /** Passed before, failing now. */
  newlyFailing: string[];
  /** Failing before, passed now. */
  newlyPassing: string[];
  /** Failing in both runs. */
  stillFailing: string[];
  /** Passed in both runs: two identical runs show everything here, not zeros. */
  stillPassing: string[];
  /** Ran before, but not now (skipped or absent). */
  onlyInBefore: string[];
  /** Ran now, but not before. */
  onlyInAfter: string[];
}

const failing = new Set<SpecState>(['failed', 'panicked', 'timedout', 'interrupted', 'aborted']);

/** Each spec that ran ([It] only: suite nodes are not specs) and whether it failed; a name seen twice fails if either did. */
function outcomes(specs: readonly SpecResult[]): Map<string, 'passed' | 'failing'> {
  const ran = new Map<string, 'passed' | 'failing'>();
  for (const spec of specs) {
    if (!spec.name.startsWith('[It] ') || spec.state === 'skipped' || spec.state === 'pending') continue;
    if (ran.get(spec.name) !== 'failing') ran.set(spec.name, failing.has(spec.state) ? 'failing' : 'passed');
  }
  return ran;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compares the specs of two runs (from their JUnit reports): what broke, what got fixed, what ran in only one. */
export function compareRuns(before: readonly SpecResult[], after: readonly SpecResult[]): RunComparison {
  const was = outcomes(before);
  const now = outcomes(after);
  const comparison: RunComparison = { newlyFailing: [], newlyPassing: [], stillFailing: [], stillPassing: [], onlyInBefore: [], onlyInAfter: [] };
  for (const [name, outcome] of was) {
    const next = now.get(name);
    if (next === undefined) comparison.onlyInBefore.push(name);
    else if (outcome === 'passed' && next === 'failing') comparison.newlyFailing.push(name);
    else if (outcome === 'failing' && next === 'passed') comparison.newlyPassing.push(name);
    else if (outcome === 'failing' && next === 'failing') comparison.stillFailing.push(name);
    else comparison.stillPassing.push(name);
  }
  for (const name of now.keys()) if (!was.has(name)) comparison.onlyInAfter.push(name);
  for (const list of Object.values(comparison)) list.sort(byName);
  return comparison;
}
