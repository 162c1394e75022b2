import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArtefactStatus } from '../../shared/build/build-artefact.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { RecordingClient } from '../support/recording-client.js';
import { useTempDir } from '../support/use-temp-dir.js';
import { runStep } from './build-fixture.js';

/** Every state kube-scheduler's row went through, as the UI was sent it. */
const schedulerRows = (client: RecordingClient): ArtefactStatus[] =>
  client
    .payloads('steps:updated')
    .filter((info: StepInfo) => info.id === 'build' && info.result?.kind === 'build')
    .flatMap((info) => (info.result?.kind === 'build' ? info.result.build.artefacts.filter((a) => a.id === 'kube-scheduler') : []));

describe('the Build step while make runs (real go and make)', () => {
  const temp = useTempDir('build-progress');

  it('shows the artefact building, then counts the packages go build -v compiles of its go list total', async () => {
    const checkout = await createMiniKubernetes(path.join(temp.dir, 'kubernetes'));
    const dataDir = path.join(temp.dir, 'data');
    await mkdir(dataDir);
    // Content no earlier run compiled, so Go's build cache cannot skip pkg/api and what imports it.
    const api = path.join(checkout, 'pkg/api/api.go');
    await writeFile(api, (await readFile(api, 'utf8')).replace('v1.99.0-mini', `v1.99.0-mini-${Date.now()}`));
    const client = new RecordingClient();
    const info = await runStep(dataDir, 'build', { sourceDir: checkout, mode: 'remote' }, { client });
    expect(info.outcome, info.error?.message).toBe('success');

    const rows = schedulerRows(client);
    const building = rows.filter((row) => row.state === 'building');
    // cmd/kube-scheduler, pkg/api and pkg/scheduler: what go list -deps gives in the checkout.
    expect(building[0]?.compiled).toEqual({ done: 0, total: 3 });
    expect(building[0]?.startedAt).toBeTypeOf('number');
    const counted = building.map((row) => row.compiled?.done ?? 0);
    expect(counted).toEqual([...counted].sort((a, b) => a - b));
    // pkg/api and cmd/kube-scheduler are compiled; pkg/scheduler may come from the cache.
    expect(Math.max(...counted)).toBeGreaterThanOrEqual(2);
    expect(rows.at(-1)).toMatchObject({ state: 'built' });
    expect(rows.at(-1)?.compiled).toBeUndefined();
  });
});
