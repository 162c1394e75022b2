import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import { E2eFiltersSchema } from '../../shared/e2e/e2e-filters.js';
import { RecordingClient } from '../support/recording-client.js';
import { tempDir } from '../support/temp-dir.js';

/** The Test step's Run carries the filters the form shows (shared/ipc/step-channels.ts, steps:run). */
describe('steps:run with the filters on screen', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let engine: Engine;
  beforeEach(async () => {
    temp = await tempDir('run-filters');
    engine = await Engine.start({ dataDir: temp.dir, shell: 'browser', version: 'test', skipLoginShell: true });
  });
  afterEach(async () => {
    await engine.shutdown();
    await temp.remove();
  });

  const filters = (focus: string) => E2eFiltersSchema.parse({ focus, nodes: 2 });

  it('runs Test with them and keeps them as the last used, telling every window', async () => {
    const client = new RecordingClient();
    const session = engine.connect(client);
    const reply = await session.request('steps:run', { stepId: 'test', e2eFilters: filters('SchedulerPredicates') });
    expect(reply.ok).toBe(true);
    await engine.steps.settled('test');
    const saved = await session.request('settings:get', {});
    expect(saved.ok && (saved.result as { e2eFilters: unknown }).e2eFilters).toEqual(filters('SchedulerPredicates'));
    expect(client.payloads('settings:changed').map((s) => s.e2eFilters.focus)).toEqual(['SchedulerPredicates']);
  });

  it('refuses filters Go would not read, and changes nothing', async () => {
    const session = engine.connect(new RecordingClient());
    const reply = await session.request('steps:run', { stepId: 'test', e2eFilters: filters('Predicates(?=x)') });
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Not run: the focus filter is not valid \(look-ahead.*at position 11\)\.$/) } });
    expect(engine.steps.get('test').state).toBe('pending');
    const saved = await session.request('settings:get', {});
    expect(saved.ok && (saved.result as { e2eFilters: { focus: string } }).e2eFilters.focus).toBe('');
  });

  it('refuses filters sent to any step but Test', async () => {
    const reply = await engine.connect(new RecordingClient()).request('steps:run', { stepId: 'host', e2eFilters: filters('x') });
    expect(reply).toMatchObject({ ok: false, error: { message: 'Only the Test step takes filters; host does not.' } });
    expect(engine.steps.get('host').state).toBe('pending');
  });
});
