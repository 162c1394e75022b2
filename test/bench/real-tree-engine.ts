import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Engine } from '../../electron/engine/engine.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { testCacheDir } from '../support/real-kind.js';
import { RecordingClient } from '../support/recording-client.js';
import { realKubernetesTree, realTreeRelease } from './real-kubernetes-tree.js';

export interface RealTreeEngine {
  checkout: string;
  /** Whether the tree was laid out by this call (else reused from the cache). */
  made: boolean;
  /** Runs the Build step to its end: what it did, and its wall time from request to settled. */
  build(): Promise<{ info: StepInfo; ms: number }>;
  shutdown(): Promise<void>;
}

/**
 * The app's engine in remote mode on the cached real-shaped Kubernetes tree. Its data folder is
 * cached with the tree, so the builds it recorded are what later runs check against.
 */
export async function openRealTreeEngine(log: (line: string) => void): Promise<RealTreeEngine> {
  const { checkout, made } = await realKubernetesTree(log);
  const dataDir = testCacheDir('real-tree', realTreeRelease.kubernetes, 'data');
  await mkdir(dataDir, { recursive: true });
  await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ sourceDir: checkout, mode: 'remote' }));
  const engine = await Engine.start({ dataDir, shell: 'browser', version: 'bench', skipLoginShell: true });
  const session = engine.connect(new RecordingClient());
  return {
    checkout,
    made,
    build: async () => {
      const started = performance.now();
      const reply = await session.request('steps:run', { stepId: 'build' });
      if (!reply.ok) throw new Error(reply.error.message);
      const info = await engine.steps.settled('build');
      const ms = performance.now() - started;
      if (info.outcome !== 'success') throw new Error(`the Build step ended ${info.outcome}: ${info.error?.message ?? ''} (log: ${info.logPath ?? '?'})`);
      return { info, ms };
    },
    shutdown: () => engine.shutdown(),
  };
}

/** The artefacts a Build step built (rather than found up to date). */
export const builtArtefacts = (info: StepInfo): string[] => (info.result?.kind === 'build' ? info.result.build.artefacts.filter((a) => a.state === 'built').map((a) => a.id) : []);
