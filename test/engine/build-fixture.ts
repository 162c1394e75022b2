import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Engine } from '../../electron/engine/engine.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { fixture } from '../support/fixtures.js';
import { RecordingClient } from '../support/recording-client.js';

export const standin = (name: 'kind' | 'docker'): string => path.join(path.dirname(fixture('x')), '..', 'standins', name);

/** Runs one step of a fresh engine over `dataDir` with these settings; the engine is shut down after. */
export async function runStep(dataDir: string, stepId: Parameters<Engine['steps']['settled']>[0], settings: Record<string, unknown>, options: { force?: boolean; onStarted?: (engine: Engine) => Promise<void>; client?: RecordingClient } = {}): Promise<StepInfo> {
  await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings));
  const engine = await Engine.start({ dataDir, shell: 'browser', version: 'test', skipLoginShell: true, grace: { interruptMs: 1000, terminateMs: 1000 } });
  const reply = await engine.connect(options.client ?? new RecordingClient()).request('steps:run', { stepId, force: options.force });
  if (!reply.ok) throw new Error(reply.error.message);
  await options.onStarted?.(engine);
  const info = await engine.steps.settled(stepId);
  await engine.shutdown();
  return info;
}

/** The build commands a Build step ran (make and kind build), as argv. */
export const buildCommands = (info: StepInfo): string[][] => info.commands.map((c) => c.argv).filter((argv) => argv[0] === 'make' || (argv[1] === 'build' && argv[2] === 'node-image'));

