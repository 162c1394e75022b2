import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newRunId, runDir, TestRunStore } from '../../electron/engine/store/test-run-store.js';
import { E2eFiltersSchema } from '../../shared/e2e/e2e-filters.js';
import type { TestRun } from '../../shared/e2e/test-run.js';
import { tempDir } from '../support/temp-dir.js';

function run(id: string, startedAt: number, outcome: TestRun['outcome'] = 'passed'): TestRun {
  return {
    id,
    startedAt,
    endedAt: startedAt + 1000,
    outcome,
    filters: E2eFiltersSchema.parse({ focus: 'NodeSelector' }),
    mode: 'kind',
    cluster: { name: 'e2e', context: 'kind-e2e' },
    nodes: { count: 2, osArch: 'linux/arm64' },
    fingerprints: { 'test-binaries': 'abc' },
    counts: { ran: 1, passed: 1, failed: 0, skipped: 7000 },
    durationSeconds: 1,
    commands: [{ argv: ['/k/e2e.test', '--ginkgo.focus=NodeSelector'], cwd: '/tmp', env: { KUBECONFIG: '/kc' } }],
    specs: [{ name: '[It] a', classname: 'Kubernetes e2e suite', state: 'passed', durationSeconds: 1 }],
    diagnoses: [],
  };
}

describe('the test run history on disk', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let store: TestRunStore;
  beforeEach(async () => {
    temp = await tempDir('runs');
    store = new TestRunStore(temp.dir);
  });
  afterEach(async () => temp.remove());

  it('keeps every run, lists them newest first, and gives one back whole', async () => {
    await store.save(run('2026-01-01T00-00-00-000Z', 1000));
    await store.save(run('2026-01-02T00-00-00-000Z', 2000, 'failed'));
    expect((await store.list()).map((r) => [r.id, r.outcome])).toEqual([
      ['2026-01-02T00-00-00-000Z', 'failed'],
      ['2026-01-01T00-00-00-000Z', 'passed'],
    ]);
    expect((await store.latest())?.id).toBe('2026-01-02T00-00-00-000Z');
    expect((await store.get('2026-01-01T00-00-00-000Z')).commands[0]?.argv).toEqual(['/k/e2e.test', '--ginkgo.focus=NodeSelector']);
  });

  it('leaves out a run whose writing was cut short (no summary), and a summary that does not read', async () => {
    await store.save(run('2026-01-01T00-00-00-000Z', 1000));
    await mkdir(runDir(temp.dir, 'half-written'), { recursive: true });
    await writeFile(path.join(runDir(temp.dir, 'half-written'), 'run.json'), '{');
    await mkdir(runDir(temp.dir, 'garbled'), { recursive: true });
    await writeFile(path.join(runDir(temp.dir, 'garbled'), 'summary.json'), '{"id": 3}');
    expect((await store.list()).map((r) => r.id)).toEqual(['2026-01-01T00-00-00-000Z']);
    await expect(store.get('half-written')).rejects.toThrow();
  });

  it('deletes a run with its folder, and refuses ids that would leave the runs folder', async () => {
    await store.save(run('2026-01-01T00-00-00-000Z', 1000));
    await store.delete('2026-01-01T00-00-00-000Z');
    expect(await readdir(path.join(temp.dir, 'runs'))).toEqual([]);
    await expect(store.delete('../settings.json')).rejects.toThrow();
    await expect(store.get('..')).rejects.toThrow();
    await expect(store.get('2026-01-09T00-00-00-000Z')).rejects.toThrow('There is no test run 2026-01-09T00-00-00-000Z in the history.');
  });

  it('makes ids that sort by time and are safe folder names', () => {
    const a = newRunId(new Date('2026-11-25T19:40:01.123Z'));
    expect(a).toBe('2026-11-25T19-40-01-123Z');
    expect(() => runDir(temp.dir, a)).not.toThrow();
  });
});
