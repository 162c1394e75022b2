import type { ClusterTargets } from '../cluster/cluster-target.js';
import type { Step, StepContext } from './step.js';

/**
 * Step 7: a cluster ready for the tests, from the chosen mode's target: a kind cluster from your
 * node image, or the remote cluster with your kube-scheduler swapped in.
 */
export class ClusterStep implements Step {
  readonly id = 'cluster';

  constructor(private readonly targets: ClusterTargets) {}

  async execute(context: StepContext): Promise<void> {
    await this.targets[context.settings.mode].up(context);
  }
}
