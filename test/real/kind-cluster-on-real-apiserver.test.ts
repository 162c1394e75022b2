import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { StepId } from '../../shared/steps/step-id.js';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import type { ShellSession } from '../../shared/ipc/shell-channels.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { RecordingClient } from '../support/recording-client.js';
import { waitForText } from '../support/wait-for-text.js';
import { startControlPlane, type ControlPlane } from './control-plane.js';
import { simulatedNodes } from './simulated-nodes.js';

/**
 * kind mode end to end on this machine: the stand-in kind "creates" the cluster by handing out the
 * kubeconfig of the real control plane, so the reuse check and the Shell tab talk to a real API server.
 */
describe('a kind-mode cluster whose API server is real', () => {
  let plane: ControlPlane;
  let dir: string;
  let engine: Engine;

  beforeAll(async () => {
    plane = await startControlPlane();
    dir = await mkdtemp(path.join(os.tmpdir(), 'studio-real-kind-'));
    const checkout = await createMiniKubernetes(path.join(dir, 'kubernetes'));
    const standins = path.resolve('test', 'standins');
    process.env.STUDIO_STANDIN_STATE = path.join(dir, 'standin-state');
    process.env.STUDIO_STANDIN_KUBECONFIG = plane.kubeconfig;
    const dataDir = path.join(dir, 'data');
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ sourceDir: checkout, mode: 'kind', toolPaths: { kind: path.join(standins, 'kind'), docker: path.join(standins, 'docker'), kubectl: plane.binaries.kubectl } }));
    engine = await Engine.start({ dataDir, shell: 'browser', version: 'test', skipLoginShell: true, shellEnv: { HOME: dir } });
  }, 120 * 60_000);
  afterAll(async () => {
    delete process.env.STUDIO_STANDIN_STATE;
    delete process.env.STUDIO_STANDIN_KUBECONFIG;
    await engine?.shutdown();
    await plane?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const run = async (stepId: StepId): Promise<StepInfo> => {
    const reply = await engine.connect(new RecordingClient()).request('steps:run', { stepId });
    if (!reply.ok) throw new Error(reply.error.message);
    return engine.steps.settled(stepId);
  };

  it('creates, then reuses the cluster only after the real API server answered /readyz', async () => {
    expect((await run('build')).outcome).toBe('success');
    const created = await run('cluster');
    expect(created.outcome, created.error?.message).toBe('success');
    const reused = await run('cluster');
    expect(reused.outcome, reused.error?.message).toBe('success');
    expect(reused.result?.kind === 'cluster' && reused.result.cluster.reused).toBe(true);
    const kubeconfig = reused.result?.kind === 'cluster' ? reused.result.cluster.kubeconfig : '';
    expect(reused.commands.map((c) => c.argv)).toContainEqual([plane.binaries.kubectl, '--kubeconfig', kubeconfig, '--request-timeout=10s', 'get', '--raw', '/readyz']);
    expect(reused.commands.every((c) => c.argv[1] !== 'create')).toBe(true);
  });

  it('the Shell tab gets KUBECONFIG for that cluster: kubectl there lists the real nodes', async () => {
    const client = new RecordingClient();
    const session = engine.connect(client);
    const opened = await session.request('shell:open', { cwd: dir, cols: 200, rows: 40 });
    if (!opened.ok) throw new Error(opened.error.message);
    const shell = opened.result as ShellSession;
    await session.request('output:attach', { streamId: shell.streamId });
    await session.request('shell:write', { sessionId: shell.sessionId, data: `${plane.binaries.kubectl} get nodes -o name; echo "KUBECONFIG=$KUBECONFIG"\r` });
    const text = (): string => client.payloads('output:data').map((b) => b.data).join('');
    // The KUBECONFIG line comes after the node names: wait for all of it, then assert on what was waited for.
    const kubeconfigLine = /KUBECONFIG=.*clusters\/e2e\/kubeconfig/;
    const seen = await waitForText(text, [...simulatedNodes.map((node) => `node/${node.name}`), kubeconfigLine], 'kubectl in the Shell tab to list the nodes, then the KUBECONFIG line', 120_000);
    for (const node of simulatedNodes) expect(seen).toContain(`node/${node.name}`);
    expect(seen).toMatch(kubeconfigLine);
    await session.request('shell:close', { sessionId: shell.sessionId });
  });
});
