import { execFile } from 'node:child_process';
import type { StepId } from '../../shared/steps/step-id.js';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Engine } from '../../electron/engine/engine.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { RecordingClient } from '../support/recording-client.js';
import type { ControlPlane } from './control-plane.js';
import { schedulerDeployment } from './scheduler-deployment.js';

const execFileAsync = promisify(execFile);

/** The context of the harness's kubeconfig. */
export const planeContext = 'k8s-e2e-studio-real';

/**
 * An engine in remote mode against the real control plane, for the remote-mode tests: data
 * folders with settings pointing at the plane, the engine (one at a time), requests and steps
 * through it, and kubectl on the plane to look at what the app did. `where` is read when called,
 * so a suite can create the plane and its folder in beforeAll.
 */
export function remoteEngineFixture(where: () => { plane: ControlPlane; dir: string }, options: { shellHome?: boolean } = {}) {
  let engine: Engine | undefined;
  const client = new RecordingClient();
  const settingsFor = (remote: Record<string, unknown>): Record<string, unknown> => {
    const { plane } = where();
    return {
      mode: 'remote',
      remote: { kubeconfig: plane.kubeconfig, context: planeContext, ...remote },
      toolPaths: { kubectl: plane.binaries.kubectl, 'kube-scheduler': plane.binaries.kubeScheduler, 'e2e-test': plane.binaries.e2eTest },
    };
  };
  const kubectl = async (...args: string[]): Promise<string> => {
    const { plane } = where();
    return (await execFileAsync(plane.binaries.kubectl, ['--kubeconfig', plane.kubeconfig, ...args])).stdout;
  };
  const request = async <T>(channel: string, input: unknown): Promise<T> => {
    const reply = await (engine as Engine).connect(client).request(channel, input);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.result as T;
  };
  return {
    client,
    settingsFor,
    kubectl,
    request,
    /** The engine now running (the last one `open` started). */
    engine: (): Engine => engine as Engine,
    /** A data folder whose settings point at the plane, with `remote` merged into them. */
    freshData: async (name: string, remote: Record<string, unknown> = {}): Promise<string> => {
      const dataDir = path.join(where().dir, name);
      await mkdir(dataDir, { recursive: true });
      await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settingsFor(remote)));
      return dataDir;
    },
    /** Quits the running engine (which restores what it swapped), then starts one on `dataDir`. */
    open: async (dataDir: string): Promise<Engine> => {
      await engine?.shutdown();
      engine = await Engine.start({ dataDir, shell: 'browser', version: 'test', skipLoginShell: true, ...(options.shellHome ? { shellEnv: { HOME: where().dir } } : {}) });
      return engine;
    },
    /** Quits the running engine (with `say` for its lines), if any. */
    shutdown: async (say?: (line: string) => void): Promise<void> => {
      const running = engine;
      engine = undefined;
      await running?.shutdown(say);
    },
    /** Leaves the running engine as a crash would: no quit, so nothing is restored. */
    abandon: (): void => {
      engine = undefined;
    },
    step: async (stepId: StepId): Promise<StepInfo> => {
      await request('steps:run', { stepId });
      return (engine as Engine).steps.settled(stepId);
    },
    /** The harness's scheduler Deployment: what it asks for and how many are ready. */
    replicas: async (): Promise<{ spec: number; ready: number }> => {
      const deployment = JSON.parse(await kubectl('-n', schedulerDeployment.namespace, 'get', `deployment/${schedulerDeployment.name}`, '-o', 'json'));
      return { spec: deployment.spec.replicas, ready: deployment.status.readyReplicas ?? 0 };
    },
  };
}
