import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import { normalizeArch } from '../../shared/host/normalize-arch.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { RecordingClient } from '../support/recording-client.js';
import { useTempDir } from '../support/use-temp-dir.js';

describe('the Host step on this machine', () => {
  const temp = useTempDir('host');

  it('reports the real OS, architecture, cores, memory and disk, and records its commands', async () => {
    const engine = await Engine.start({ dataDir: temp.dir, shell: 'browser', version: 'test' });
    const client = new RecordingClient();
    const session = engine.connect(client);
    expect((await session.request('steps:run', { stepId: 'host' })).ok).toBe(true);
    const info = await engine.steps.settled('host');
    await engine.shutdown();

    expect(info.outcome).toBe('success');
    if (info.result?.kind !== 'host') throw new Error('no host facts');
    const facts = info.result.facts;
    expect(facts.os).toBe(process.platform);
    expect(facts.hardwareArch).toBe(normalizeArch(os.machine()));
    expect(facts.processArch).toBe(normalizeArch(process.arch));
    expect(facts.cores).toBe(os.availableParallelism());
    expect(facts.memoryBytes).toBe(os.totalmem());
    expect(facts.disks[0]?.path).toBe(temp.dir);
    expect(facts.disks[0]?.freeBytes).toBeGreaterThan(0);
    expect(info.commands.map((c) => c.argv)).toContainEqual(['uname', '-srm']);
    expect(info.commands.map((c) => c.argv)).toContainEqual(['df', '-Pk', temp.dir]);
    expect(info.commands.every((c) => c.exitCode === 0)).toBe(true);

    const states = client.payloads('steps:updated').filter((s: StepInfo) => s.id === 'host').map((s) => s.state);
    expect(states[0]).toBe('running');
    expect(states.at(-1)).toBe('done');
  });
});
