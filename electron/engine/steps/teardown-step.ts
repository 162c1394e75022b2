import { rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import { clusterDir, kindClusterName } from './cluster-step.js';
import { hotSwapJournal, restoreScheduler } from '../kind/scheduler-hot-swap.js';
import { forgetCurrentCluster, readCurrentCluster } from '../store/current-cluster.js';
import { readJournal } from '../remote/remote-files.js';
import type { RemoteSession } from '../remote/remote-session.js';
import { stepRemoteIo } from '../remote/step-kubectl.js';
import type { Step, StepContext } from './step.js';

/** Step 9 in kind mode: keep the cluster for the next run, or delete it and the app's kubeconfig for it. */
export class TeardownStep implements Step {
  readonly id = 'teardown';
  readonly title = 'Teardown';
  readonly summary = 'Keep or delete the kind cluster.';

  constructor(private readonly remote: RemoteSession) {}

  async execute(context: StepContext): Promise<void> {
    // A swap that is not restored comes first, whatever the mode is now.
    const journal = await readJournal(context.dataDir);
    if (journal) {
      context.print(`Giving ${journal.context} its scheduler back (${journal.deployment.namespace}/${journal.deployment.name}, ${journal.deployment.originalReplicas} replicas).`);
      await this.remote.restore(stepRemoteIo(context, journal.kubeconfig, journal.context));
      const current = await readCurrentCluster(context.dataDir);
      if (current?.mode === 'remote') await forgetCurrentCluster(context.dataDir);
      context.setResult({ kind: 'teardown', action: 'restored', name: journal.context });
      return;
    }
    if (context.settings.mode === 'remote') {
      context.print('No swap to restore: the remote cluster runs its own scheduler.');
      context.setResult({ kind: 'teardown', action: 'nothing' });
      return;
    }
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
