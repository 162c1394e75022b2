import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { E2eFiltersSchema } from '../../shared/e2e/e2e-filters.js';
import { TestRunSchema, isFailing, isSpec, summaryOf, type RunSpec, type TestRun } from '../../shared/e2e/test-run.js';

export interface SeedParts {
  focus: string;
  mode: 'kind' | 'remote';
  context: string;
  /** When it started (default 2026-12-01 10:00 UTC); the id is made from it, as the store names runs. */
  startedAt?: number;
  /** Every JUnit test case of the run (default none); the counts are worked out from them as the Test step does. */
  specs?: RunSpec[];
  /** How long the run took (default 60 s). */
  durationSeconds?: number;
  /** Default: failed when a spec or suite hook failed, else passed. */
  outcome?: TestRun['outcome'];
}

/**
 * Puts an earlier run in a data folder's history the way the run store writes one (run.json, then
 * summary.json, checked against the run schema), so Rerun last focus has something to repeat and
 * the results and History views something to show.
 */
export async function seedRun(dataDir: string, parts: SeedParts): Promise<TestRun> {
  const started = parts.startedAt ?? Date.parse('2026-12-01T10:00:00Z');
  const specs = parts.specs ?? [];
  const durationSeconds = parts.durationSeconds ?? 60;
  // Counted as electron/engine/steps/test-step.ts counts a finished run.
  const ran = specs.filter((s) => isSpec(s.name) && s.state !== 'skipped' && s.state !== 'pending');
  const failed = ran.filter((s) => isFailing(s.state)).length + specs.filter((s) => !isSpec(s.name) && isFailing(s.state)).length;
  const counts = specs.length === 0 ? { ran: 1, passed: 1, failed: 0, skipped: 0 } : { ran: ran.length, passed: ran.filter((s) => s.state === 'passed').length, failed, skipped: specs.filter((s) => isSpec(s.name)).length - ran.length };
  const run = TestRunSchema.parse({
    id: new Date(started).toISOString().replace(/[:.]/g, '-'),
    startedAt: started,
    endedAt: started + durationSeconds * 1000,
    outcome: parts.outcome ?? (counts.failed > 0 ? 'failed' : 'passed'),
    filters: E2eFiltersSchema.parse({ focus: parts.focus }),
    mode: parts.mode,
    cluster: { name: parts.context, context: parts.context },
    nodes: { count: 1, osArch: 'linux/amd64' },
    fingerprints: {},
    counts,
    durationSeconds,
    commands: [],
    specs,
    diagnoses: [],
  });
  const dir = path.join(dataDir, 'runs', run.id);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'run.json'), JSON.stringify(run));
  await writeFile(path.join(dir, 'summary.json'), JSON.stringify(summaryOf(run)));
  return run;
}
