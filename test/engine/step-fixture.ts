import path from 'node:path';
import { defaultSettings } from '../../shared/settings/settings.js';
import { OutputHub } from '../../electron/engine/output/output-hub.js';
import { CommandStep, type CommandStepDefinition } from '../../electron/engine/steps/command-step.js';
import { StepRunner } from '../../electron/engine/steps/step-runner.js';
import type { StepInfo } from '../../shared/steps/step-info.js';

/** A real StepRunner over real command steps, logging into `dir`, with short cancel grace periods. */
export function commandRunner(dir: string, steps: Array<Omit<CommandStepDefinition, 'title' | 'summary'>>): { runner: StepRunner; hub: OutputHub; updates: StepInfo[] } {
  const hub = new OutputHub(dir);
  const updates: StepInfo[] = [];
  const runner = new StepRunner({
    hub,
    dataDir: dir,
    binDir: dir,
    searchPath: () => (process.env.PATH ?? '').split(path.delimiter),
    settings: () => defaultSettings,
    platform: { os: process.platform, arch: 'amd64' },
    catalog: [],
    steps: steps.map((step) => new CommandStep({ title: step.id, summary: '', ...step })),
    onUpdate: (info) => updates.push(info),
    grace: { interruptMs: 500, terminateMs: 500 },
  });
  return { runner, hub, updates };
}
