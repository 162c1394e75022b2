import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { E2eFiltersSchema } from '../../shared/e2e/e2e-filters.js';
import { TestRunSchema, summaryOf, type TestRun } from '../../shared/e2e/test-run.js';

/**
 * Puts an earlier run in a data folder's history the way the run store writes one (run.json, then
 * summary.json, checked against the run schema), so Rerun last focus has something to repeat.
 */
export async function seedRun(dataDir: string, parts: { focus: string; mode: 'kind' | 'remote'; context: string }): Promise<TestRun> {
  const started = Date.parse('2026-12-01T10:00:00Z');
  const run = TestRunSchema.parse({
    id: '2026-12-01T10-00-00-000Z',
    startedAt: started,
    endedAt: started + 60_000,
    outcome: 'passed',
    filters: E2eFiltersSchema.parse({ focus: parts.focus }),
    mode: parts.mode,
    cluster: { name: parts.context, context: parts.context },
    nodes: { count: 1, osArch: 'linux/amd64' },
    fingerprints: {},
    counts: { ran: 1, passed: 1, failed: 0, skipped: 0 },
    durationSeconds: 60,
    commands: [],
    specs: [],
    diagnoses: [],
  });
  const dir = path.join(dataDir, 'runs', run.id);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'run.json'), JSON.stringify(run));
  await writeFile(path.join(dir, 'summary.json'), JSON.stringify(summaryOf(run)));
  return run;
}
