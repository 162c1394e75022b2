import type { ClusterTargets } from '../cluster/cluster-target.js';
import type { SwapGuard } from '../remote/swap-guard.js';
import { BuildStep } from './build-step.js';
import { ClusterStep } from './cluster-step.js';
import { CommandStep, type CommandStepDefinition } from './command-step.js';
import { HostStep } from './host-step.js';
import { ModeStep } from './mode-step.js';
import { NativeKindStep } from './native-kind-step.js';
import { SourceStep } from './source-step.js';
import type { Step } from './step.js';
import { TeardownStep } from './teardown-step.js';
import { TestStep } from './test-step.js';
import { ToolchainStep } from './toolchain-step.js';

/** The wizard's steps in order (as shared/steps/step-catalog.ts lists them), then any scripted extra steps. */
export function wizardStepsFor(parts: { targets: ClusterTargets; guard: SwapGuard; downloadStallMs?: number; extraSteps?: CommandStepDefinition[] }): Step[] {
  const { targets, guard } = parts;
  return [
    new HostStep(),
    new ToolchainStep(),
    new NativeKindStep({ stallMs: parts.downloadStallMs }),
    new SourceStep(),
    new ModeStep(targets),
    new BuildStep(targets),
    new ClusterStep(targets),
    new TestStep(guard),
    new TeardownStep({ guard, targets }),
    ...(parts.extraSteps ?? []).map((definition) => new CommandStep(definition)),
  ];
}
