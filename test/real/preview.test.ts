import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import { RecordingClient } from '../support/recording-client.js';
import { k8sBinaries } from './k8s-binaries.js';

/** The Test step's preview against the real e2e.test built from Kubernetes modules: a ginkgo dry run. */
describe('previewing a focus with the real e2e.test', () => {
  let dir: string;
  let engine: Engine;

  beforeAll(async () => {
    const binaries = await k8sBinaries();
    dir = await mkdtemp(path.join(os.tmpdir(), 'studio-preview-'));
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ toolPaths: { 'e2e-test': binaries.e2eTest } }));
    engine = await Engine.start({ dataDir: dir, shell: 'browser', version: 'test', skipLoginShell: true });
  }, 60 * 60_000);
  afterAll(async () => {
    await engine?.shutdown();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const preview = async (filters: { focus?: string; skip?: string; labelFilter?: string }) => {
    const reply = await engine.connect(new RecordingClient()).request('tests:preview', { focus: '', skip: '', labelFilter: '', ...filters });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.result as { problems: unknown[]; preview?: { total: number; matched: Array<{ name: string; location: string }> }; argv?: string[] };
  };

  it('lists exactly the specs the focus matches, out of every spec in the binary', async () => {
    const answer = await preview({ focus: 'SchedulerPredicates.*NodeSelector is respected' });
    expect(answer.preview?.total).toBeGreaterThan(5000);
    expect(answer.preview?.matched.map((s) => s.name).sort()).toEqual([
      '[sig-scheduling] SchedulerPredicates [Serial] validates that NodeSelector is respected if matching [Conformance]',
      '[sig-scheduling] SchedulerPredicates [Serial] validates that NodeSelector is respected if not matching [Conformance]',
    ]);
    expect(answer.argv).toContain('--ginkgo.dry-run');
  });

  it('takes Go syntax JavaScript would refuse, and the label filter', async () => {
    const answer = await preview({ focus: '(?i)schedulerpredicates', labelFilter: 'Conformance' });
    expect(answer.preview?.matched.length).toBeGreaterThan(1);
    expect(answer.preview?.matched.every((s) => s.name.includes('SchedulerPredicates') && s.name.includes('[Conformance]'))).toBe(true);
  });

  it('says when nothing matches, and runs nothing for a filter Go would reject', async () => {
    expect((await preview({ focus: 'no spec is called this' })).preview?.matched).toEqual([]);
    const rejected = await preview({ focus: 'NodeSelector(?=x)' });
    expect(rejected.problems).toHaveLength(1);
    expect(rejected.preview).toBeUndefined();
    expect(rejected.argv).toBeUndefined();
  });
});
