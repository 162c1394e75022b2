import type { ClusterTargets } from '../cluster/cluster-target.js';
import type { Step, StepContext } from './step.js';

/** Step 5: what the chosen mode needs and what the cluster allows (the mode's target says); changes nothing. */
export class ModeStep implements Step {
  readonly id = 'mode';

  constructor(private readonly targets: ClusterTargets) {}

  async execute(context: StepContext): Promise<void> {
    await this.targets[context.settings.mode].describe(context);
  }
}
