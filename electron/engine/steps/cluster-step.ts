import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { ClusterFacts } from '../../../shared/cluster/cluster-facts.js';
import { currentContext } from '../../../shared/cluster/kubeconfig-context.js';
import { AppError } from '../../../shared/errors/app-error.js';
import { validateKindConfig } from '../../../shared/kind-config/validate-kind-config.js';
import { BuildRecords } from '../build/build-records.js';
import { readJournal, swapScheduler } from '../kind/scheduler-hot-swap.js';
import { hotSwapRecord } from './build-step.js';
import { locateCheckout } from '../source/locate-checkout.js';
import { writeTextAtomic } from '../store/json-file.js';
import { writeCurrentCluster } from '../store/current-cluster.js';
import type { Step, StepContext } from './step.js';
import type { RemoteSession } from '../remote/remote-session.js';
import { remoteFiles } from '../remote/remote-files.js';
import { stepRemoteIo } from '../remote/step-kubectl.js';
import { localSchedulerBinary, schedulerVersion } from '../remote/local-scheduler-binary.js';

/** Where the app keeps a kind cluster's config, kubeconfig and exported logs. */
export function clusterDir(dataDir: string, name: string): string {
  return path.join(dataDir, 'clusters', name);
}

/** The cluster name a kind config gives (kind's default is "kind"). */
export function kindClusterName(config: string): string {
  try {
    const name = (parse(config) as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name ? name : 'kind';
  } catch {
    return 'kind';
  }
}

/**
 * Step 7 in kind mode: a cluster from the node image the Build step made, with the config from the
 * form, checked before kind runs. An existing cluster of the same name and image that answers is
 * reused. On failure kind's logs are exported. Done means: kind lists it and its kubeconfig has a
 * current context, so nothing later can trip over an empty kubeconfig.
 */
export class ClusterStep implements Step {
  readonly id = 'cluster';
  readonly title = 'Cluster';
  readonly summary = 'Create or reuse the kind cluster from your node image, with a config checked before kind runs.';

  constructor(private readonly remote: RemoteSession) {}

  async execute(context: StepContext): Promise<void> {
    if (context.settings.mode === 'remote') {
      await this.swapRemote(context);
      return;
    }
    const config = context.settings.kindConfig;
    const problems = validateKindConfig(config);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new AppError(`The kind config has ${errors.length} problem${errors.length > 1 ? 's' : ''}: ${errors.map((p) => `line ${p.line}: ${p.message}`).join('; ')}. Nothing was created.`);
    for (const warning of problems) context.print(`\x1b[33mwarning: line ${warning.line}: ${warning.message}\x1b[0m`);

    const name = kindClusterName(config);
    const { dir: checkout } = await locateCheckout(context);
    const { records } = await BuildRecords.open(context.dataDir, checkout);
    const image = records.get('node-image')?.image;
    if (!image) throw new AppError(`No node image has been built from ${checkout} yet: run the Build step in kind mode first.`);

    const dir = clusterDir(context.dataDir, name);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const configPath = path.join(dir, 'kind-config.yaml');
    const kubeconfig = path.join(dir, 'kubeconfig');
    const facts: ClusterFacts = { mode: 'kind', name, context: `kind-${name}`, kubeconfig, image, configPath, reused: false };

    if ((await this.clusters(context)).includes(name)) {
      await this.reuse(context, facts);
      context.setResult({ kind: 'cluster', cluster: { ...facts, reused: true } });
      context.print(`Reusing the kind cluster ${name}: it runs ${image} and answers.`);
      await writeCurrentCluster(context.dataDir, await this.hotSwap(context, { ...facts, reused: true }, checkout, records));
      return;
    }

    await writeTextAtomic(configPath, config);
    try {
      await context.run({ argv: ['kind', 'create', 'cluster', '--name', name, '--image', image, '--config', configPath, '--kubeconfig', kubeconfig, '--retain', '--wait', '5m'] });
    } catch (error) {
      if (context.signal.aborted) throw error;
      const logsDir = path.join(dir, `logs-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      await context.run({ argv: ['kind', 'export', 'logs', logsDir, '--name', name] }, { terminal: 'pipe', acceptExitCodes: [0, 1] });
      const logFiles = await listFiles(logsDir);
      context.setResult({ kind: 'cluster', cluster: { ...facts, logsDir, logFiles } });
      context.print(`kind's logs are in ${logsDir} (${logFiles.length} files).`);
      throw error;
    }
    await this.verify(context, facts);
    context.setResult({ kind: 'cluster', cluster: facts });
    await writeCurrentCluster(context.dataDir, await this.hotSwap(context, facts, checkout, records));
  }

  /**
   * Remote mode: the chosen context through the private copy, the preflight, then the swap of the
   * in-cluster scheduler for the local build (journal first). Done means the local scheduler is healthy.
   */
  private async swapRemote(context: StepContext): Promise<void> {
    const target = await this.remote.prepare(context.settings.remote);
    const kubeconfig = remoteFiles(context.dataDir).kubeconfig;
    const io = stepRemoteIo(context, kubeconfig, target.context);
    const binary = await localSchedulerBinary(context.settings, context.dataDir);
    const pre = await this.remote.preflight(io, target, await schedulerVersion(context, binary));
    const facts: ClusterFacts = { mode: 'remote', name: target.context, context: target.context, kubeconfig, reused: false };
    context.setResult({ kind: 'cluster', cluster: facts });
    await this.remote.swap(io, pre, binary, context.settings.remote.schedulerConfigExtra);
    const swapped = { ...facts, schedulerSwapped: true };
    context.setResult({ kind: 'cluster', cluster: swapped });
    await writeCurrentCluster(context.dataDir, swapped);
  }

  /** When the Build step made a kube-scheduler to swap in for this image, swap it into the control plane. */
  private async hotSwap(context: StepContext, facts: ClusterFacts, checkout: string, records: BuildRecords): Promise<ClusterFacts> {
    const swap = records.get(hotSwapRecord);
    const binary = swap?.outputs[0]?.path;
    if (!swap || !binary || swap.image !== facts.image) return facts;
    const dir = clusterDir(context.dataDir, facts.name);
    const journal = await readJournal(dir);
    if (journal?.state === 'swapped' && journal.binary === path.join(checkout, binary) && journal.at >= swap.builtAt) {
      context.print('The swapped-in kube-scheduler is already running.');
    } else {
      context.print(`Swapping the kube-scheduler built from your change into ${facts.name}-control-plane.`);
      await swapScheduler(context, { clusterDir: dir, node: `${facts.name}-control-plane`, binary: path.join(checkout, binary), kubeconfig: facts.kubeconfig });
    }
    const swapped = { ...facts, schedulerSwapped: true };
    context.setResult({ kind: 'cluster', cluster: swapped });
    return swapped;
  }

  private async clusters(context: StepContext): Promise<string[]> {
    const out = await context.run({ argv: ['kind', 'get', 'clusters'] }, { terminal: 'pipe' });
    return out.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
  }

  /** An existing cluster is used only when it runs the same image and its API server answers. */
  private async reuse(context: StepContext, facts: ClusterFacts): Promise<void> {
    const inspect = await context.run({ argv: ['docker', 'inspect', '--format', '{{.Config.Image}}', `${facts.name}-control-plane`] }, { terminal: 'pipe', acceptExitCodes: [0, 1] });
    const running = inspect.stdout.trim();
    if (running !== facts.image) {
      throw new AppError(`A kind cluster named ${facts.name} already exists, running ${running || 'an unknown image'}, not ${facts.image}. Delete it with the Teardown step (delete), or change name: in the config.`);
    }
    const text = await readFile(facts.kubeconfig, 'utf8').catch(() => '');
    const current = currentContext(text);
    if (!current) {
      throw new AppError(`A kind cluster named ${facts.name} exists, but the app has no kubeconfig for it (${facts.kubeconfig}). Delete it with the Teardown step and create it again.`);
    }
    facts.context = current;
    const ready = await context.run({ argv: ['kubectl', '--kubeconfig', facts.kubeconfig, '--request-timeout=10s', 'get', '--raw', '/readyz'] }, { terminal: 'pipe', acceptExitCodes: [0, 1] });
    if (ready.exitCode !== 0) throw new AppError(`The kind cluster ${facts.name} exists but its API server does not answer (${ready.stderr.trim().split('\n')[0] ?? ''}). Delete it with the Teardown step and create it again.`);
  }

  /** kind said yes; make sure: it lists the cluster, and the kubeconfig it wrote has a current context. */
  private async verify(context: StepContext, facts: ClusterFacts): Promise<void> {
    if (!(await this.clusters(context)).includes(facts.name)) {
      throw new AppError(`kind finished, but does not list a cluster named ${facts.name}: the cluster was never created.`);
    }
    const text = await readFile(facts.kubeconfig, 'utf8').catch(() => '');
    const current = currentContext(text);
    if (!current) {
      throw new AppError(`The cluster was never set up for kubectl: ${facts.kubeconfig} has no current context. (This is what later shows up as kubectl's "jsonpath … @.name == """ error.)`);
    }
    facts.context = current;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}
