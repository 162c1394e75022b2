import type { ClusterTargets } from '../cluster/cluster-target.js';
import { forgetCurrentCluster } from '../store/current-cluster.js';
import { stepRemoteIo } from '../remote/step-kubectl.js';
import type { SwapGuard } from '../remote/swap-guard.js';
import type { Step, StepContext } from './step.js';

/**
 * Step 9: a remote swap that is not restored comes first, whatever the mode is now; then the
 * chosen mode's target gives its cluster back (kind: kept or deleted).
 */
export class TeardownStep implements Step {
  readonly id = 'teardown';

  constructor(private readonly deps: { guard: SwapGuard; targets: ClusterTargets }) {}

  async execute(context: StepContext): Promise<void> {
    const { guard } = this.deps;
    if (guard.outstanding) {
      const on = guard.swappedOn();
      context.print(`Giving ${on?.context ?? 'the remote cluster'} its scheduler back.`);
      // Without a cluster to talk to (a journal that lost it), the guard says what to run by hand.
      await guard.restore(on && stepRemoteIo(context, on.kubeconfig, on.context));
      await forgetCurrentCluster(context.dataDir, { ifMode: 'remote' });
      context.setResult({ kind: 'teardown', action: 'restored', name: on?.context });
      return;
    }
    await this.deps.targets[context.settings.mode].down(context);
  }
}
