import { rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import { clusterDir, kindClusterName } from './cluster-step.js';
import { hotSwapJournal, restoreScheduler } from '../kind/scheduler-hot-swap.js';
import { forgetCurrentCluster } from '../store/current-cluster.js';
import type { Step, StepContext } from './step.js';

/** Step 9 in kind mode: keep the cluster for the next run, or delete it and the app's kubeconfig for it. */
export class TeardownStep implements Step {
  readonly id = 'teardown';
  readonly title = 'Teardown';
  readonly summary = 'Keep or delete the kind cluster.';

  async execute(context: StepContext): Promise<void> {
    if (context.settings.mode !== 'kind') throw new AppError('Teardown for remote mode is not part of this build yet.');
    const name = kindClusterName(context.settings.kindConfig);
    const listed = (await context.run({ argv: ['kind', 'get', 'clusters'] }, { terminal: 'pipe' })).stdout.split('\n').map((l) => l.trim());
    if (!listed.includes(name)) {
      context.print(`There is no kind cluster named ${name}; nothing to do.`);
      context.setResult({ kind: 'teardown', action: 'nothing', name });
      return;
    }
    const dir = clusterDir(context.dataDir, name);
    if (context.settings.keepCluster) {
      // A kept cluster goes back to the scheduler of its image; the next run swaps again if it needs to.
      if (await restoreScheduler(context, { clusterDir: dir, kubeconfig: path.join(dir, 'kubeconfig') })) context.print('Put the original kube-scheduler back.');
      context.print(`Keeping the kind cluster ${name} for the next run.`);
      context.setResult({ kind: 'teardown', action: 'kept', name });
      return;
    }
    await context.run({ argv: ['kind', 'delete', 'cluster', '--name', name] });
    const still = (await context.run({ argv: ['kind', 'get', 'clusters'] }, { terminal: 'pipe' })).stdout.split('\n').map((l) => l.trim());
    if (still.includes(name)) throw new AppError(`kind delete cluster finished, but kind still lists ${name}.`);
    await rm(path.join(dir, 'kubeconfig'), { force: true });
    await rm(hotSwapJournal(dir), { force: true });
    await forgetCurrentCluster(context.dataDir);
    context.setResult({ kind: 'teardown', action: 'deleted', name });
  }
}
