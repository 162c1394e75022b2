import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ClusterFacts } from '../../../shared/cluster/cluster-facts.js';
import { currentContext } from '../../../shared/cluster/kubeconfig-context.js';
import { AppError } from '../../../shared/errors/app-error.js';
import { validateKindConfig } from '../../../shared/kind-config/validate-kind-config.js';
import { kindCreateArgv, kindDeleteArgv } from '../../../shared/kind/kind-argv.js';
import { controlPlaneInspectArgv } from '../../../shared/kind/kind-node-container.js';
import { parseToolVersion } from '../../../shared/toolchain/parse-tool-version.js';
import { BuildRecords, hotSwapRecord } from '../build/build-records.js';
import type { ClusterTarget } from '../cluster/cluster-target.js';
import { locateCheckout } from '../source/locate-checkout.js';
import { ToolVersionMemo } from '../tools/tool-version-memo.js';
import { forgetCurrentCluster, writeCurrentCluster } from '../store/current-cluster.js';
import { writeTextAtomic } from '../store/json-file.js';
import type { CommandOutcome, StepContext } from '../steps/step.js';
import { clusterDir, clusterKubeconfig, kindClusterName } from './kind-cluster-files.js';
import { hotSwapJournal, readJournal, restoreScheduler, swapScheduler } from './scheduler-hot-swap.js';

/**
 * kind mode: a local kind cluster from the node image the Build step made, with the config from
 * the form, checked before kind runs. Every kind command that writes or edits a kubeconfig gets
 * the app-owned file (`--kubeconfig`), so the user's ~/.kube/config is never touched.
 */
export class KindTarget implements ClusterTarget {
  readonly mode = 'kind' as const;
  private readonly kind = new ToolVersionMemo('kind', kindVersion);

  async describe(context: StepContext): Promise<void> {
    context.print('kind mode: the Cluster step creates a local kind cluster from the node image you build.');
    context.setResult({ kind: 'mode', mode: 'kind' });
  }

  async buildTools(context: StepContext): Promise<Record<string, string>> {
    return { kind: await this.kind.version(context) };
  }

  /**
   * An existing cluster of the same name and image that answers is reused. On failure kind's logs
   * are exported. Done means: kind lists it and its kubeconfig has a current context, so nothing
   * later can trip over an empty kubeconfig.
   */
  async up(context: StepContext): Promise<void> {
    const config = context.settings.kindConfig;
    const { dir: checkout } = await locateCheckout(context);
    const { records } = await BuildRecords.open(context.dataDir, checkout);
    const nodeImage = records.get('node-image');
    const image = nodeImage?.image;
    if (!image) throw new AppError(`No node image has been built from ${checkout} yet: run the Build step in kind mode first.`);
    // Checked as the kind that will run it, for the Kubernetes version the image was built at.
    const problems = validateKindConfig(config, { kindVersion: await this.kind.version(context), kubernetesVersion: nodeImage.kubernetesVersion });
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new AppError(`The kind config has ${errors.length} problem${errors.length > 1 ? 's' : ''}: ${errors.map((p) => `line ${p.line}: ${p.message}`).join('; ')}. Nothing was created.`);
    for (const warning of problems) context.print(`\x1b[33mwarning: line ${warning.line}: ${warning.message}\x1b[0m`);

    const name = kindClusterName(config);

    const dir = clusterDir(context.dataDir, name);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const configPath = path.join(dir, 'kind-config.yaml');
    const kubeconfig = clusterKubeconfig(context.dataDir, name);
    const facts: ClusterFacts = { mode: 'kind', name, context: `kind-${name}`, kubeconfig, image, configPath, reused: false };

    // A kubeconfig with a context means the app made this cluster before: most likely a rerun, so
    // docker and the API server are asked at the same time, and kind only when docker's answer does
    // not settle whether kind lists the cluster.
    const known = currentContext(await readFile(kubeconfig, 'utf8').catch(() => ''));
    const asked = known ? await askTogether(context, facts, known) : undefined;
    if (asked?.listed || (await clusters(context)).includes(name)) {
      await reuse(facts, asked?.existing ?? (await askInTurn(context, facts, known)));
      context.setResult({ kind: 'cluster', cluster: { ...facts, reused: true } });
      context.print(`Reusing the kind cluster ${name}: it runs ${image} and answers.`);
      await writeCurrentCluster(context.dataDir, await hotSwap(context, { ...facts, reused: true }, checkout, records));
      return;
    }

    if (asked) context.print(`kind does not list a cluster named ${name} any more (deleted outside the app?); creating it.`);
    await writeTextAtomic(configPath, config);
    try {
      await context.run({ argv: kindCreateArgv({ name, image, config: configPath, kubeconfig, wait: '5m' }) });
    } catch (error) {
      if (context.signal.aborted) throw error;
      const logsDir = path.join(dir, `logs-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      await context.run({ argv: ['kind', 'export', 'logs', logsDir, '--name', name] }, { terminal: 'pipe', acceptExitCodes: [0, 1] });
      const logFiles = await listFiles(logsDir);
      context.setResult({ kind: 'cluster', cluster: { ...facts, logsDir, logFiles } });
      context.print(`kind's logs are in ${logsDir} (${logFiles.length} files).`);
      throw error;
    }
    await verify(context, facts);
    context.setResult({ kind: 'cluster', cluster: facts });
    await writeCurrentCluster(context.dataDir, await hotSwap(context, facts, checkout, records));
  }

  /** Keep the cluster for the next run (with the image's own scheduler back), or delete it and the app's kubeconfig for it. */
  async down(context: StepContext): Promise<void> {
    const name = kindClusterName(context.settings.kindConfig);
    if (!(await clusters(context)).includes(name)) {
      context.print(`There is no kind cluster named ${name}; nothing to do.`);
      context.setResult({ kind: 'teardown', action: 'nothing', name });
      return;
    }
    const dir = clusterDir(context.dataDir, name);
    const kubeconfig = clusterKubeconfig(context.dataDir, name);
    if (context.settings.keepCluster) {
      // A kept cluster goes back to the scheduler of its image; the next run swaps again if it needs to.
      if (await restoreScheduler(context, { clusterDir: dir, kubeconfig, node: `${name}-control-plane` })) context.print('Put the original kube-scheduler back.');
      context.print(`Keeping the kind cluster ${name} for the next run.`);
      context.setResult({ kind: 'teardown', action: 'kept', name });
      return;
    }
    // The app's kubeconfig: the user's ~/.kube/config keeps its own kind-<name> entry (see kind-argv.ts).
    await context.run({ argv: kindDeleteArgv({ name, kubeconfig }) });
    if ((await clusters(context)).includes(name)) throw new AppError(`kind delete cluster finished, but kind still lists ${name}.`);
    await rm(kubeconfig, { force: true });
    await rm(hotSwapJournal(dir), { force: true });
    await forgetCurrentCluster(context.dataDir);
    context.setResult({ kind: 'teardown', action: 'deleted', name });
  }
}

async function kindVersion(context: StepContext): Promise<string> {
  const out = await context.run({ argv: ['kind', 'version'] }, { terminal: 'pipe', acceptExitCodes: [0, 1] });
  const parsed = parseToolVersion('kind', out.stdout);
  if (!parsed) throw new AppError('kind mode needs kind: run the Native kind step first.');
  return parsed.version;
}

/** When the Build step made a kube-scheduler to swap in for this image, swap it into the control plane. */
async function hotSwap(context: StepContext, facts: ClusterFacts, checkout: string, records: BuildRecords): Promise<ClusterFacts> {
  const swap = records.get(hotSwapRecord);
  const binary = swap?.outputs[0]?.path;
  if (!swap || !binary || swap.image !== facts.image) return facts;
  const dir = clusterDir(context.dataDir, facts.name);
  const read = await readJournal(dir);
  if (read.kind === 'corrupt') context.print(`\x1b[33mThe hot-swap journal of ${facts.name} could not be read (${read.reason}); swapping again.\x1b[0m`);
  if (read.kind === 'ok' && read.journal.state === 'swapped' && read.journal.binary === path.join(checkout, binary) && read.journal.at >= swap.builtAt) {
    context.print('The swapped-in kube-scheduler is already running.');
  } else {
    context.print(`Swapping the kube-scheduler built from your change into ${facts.name}-control-plane.`);
    await swapScheduler(context, { clusterDir: dir, node: `${facts.name}-control-plane`, binary: path.join(checkout, binary), kubeconfig: facts.kubeconfig });
  }
  const swapped: ClusterFacts = { ...facts, schedulerSwapped: true, schedulerBinary: { path: path.join(checkout, binary), from: 'build' } };
  context.setResult({ kind: 'cluster', cluster: swapped });
  return swapped;
}

async function clusters(context: StepContext): Promise<string[]> {
  const out = await context.run({ argv: ['kind', 'get', 'clusters'] }, { terminal: 'pipe' });
  return out.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** What decides whether an existing cluster of the right name can be used. */
interface ExistingCluster {
  /** The image its control-plane container runs ('' when docker knows no such container). */
  image: string;
  /** The current context of the app's kubeconfig for it. */
  context: string | undefined;
  /** `kubectl get --raw /readyz` against it. */
  ready: () => Promise<CommandOutcome>;
}

/** What docker says of the control-plane container: its image ('' when there is none) and whether kind counts it as the cluster's. */
async function controlPlane(context: StepContext, facts: ClusterFacts, together = false): Promise<{ image: string; labelled: boolean }> {
  const out = await context.run({ argv: controlPlaneInspectArgv(facts.name) }, { terminal: 'pipe', acceptExitCodes: [0, 1], together });
  if (out.exitCode !== 0) return { image: '', labelled: false };
  const [image = '', label = ''] = out.stdout.trim().split(/ (.*)/s);
  return { image, labelled: label === facts.name };
}

function readyz(context: StepContext, facts: ClusterFacts, together = false): Promise<CommandOutcome> {
  const argv = ['kubectl', '--kubeconfig', facts.kubeconfig, '--request-timeout=10s', 'get', '--raw', '/readyz'];
  return context.run({ argv }, { terminal: 'pipe', acceptExitCodes: [0, 1], together });
}

/**
 * docker and the API server at once. A control-plane container with kind's label for this name is
 * a cluster kind lists (see kindClusterLabel), so `kind get clusters` is not asked; without one
 * (deleted, or made by something else) `listed` is false and the caller asks kind.
 */
async function askTogether(context: StepContext, facts: ClusterFacts, known: string): Promise<{ listed: boolean; existing: ExistingCluster }> {
  const [node, ready] = await Promise.all([controlPlane(context, facts, true), readyz(context, facts, true)]);
  return { listed: node.labelled, existing: { image: node.image, context: known, ready: () => Promise.resolve(ready) } };
}

/** docker only: without a kubeconfig context the cluster cannot be reused, whatever the API server says. */
async function askInTurn(context: StepContext, facts: ClusterFacts, known: string | undefined): Promise<ExistingCluster> {
  return { image: (await controlPlane(context, facts)).image, context: known, ready: () => readyz(context, facts) };
}

/** An existing cluster is used only when it runs the same image and its API server answers. */
async function reuse(facts: ClusterFacts, existing: ExistingCluster): Promise<void> {
  if (existing.image !== facts.image) {
    throw new AppError(`A kind cluster named ${facts.name} already exists, running ${existing.image || 'an unknown image'}, not ${facts.image}. Delete it with the Teardown step (delete), or change name: in the config.`);
  }
  if (!existing.context) {
    throw new AppError(`A kind cluster named ${facts.name} exists, but the app has no kubeconfig for it (${facts.kubeconfig}). Delete it with the Teardown step and create it again.`);
  }
  facts.context = existing.context;
  const ready = await existing.ready();
  if (ready.exitCode !== 0) throw new AppError(`The kind cluster ${facts.name} exists but its API server does not answer (${ready.stderr.trim().split('\n')[0] ?? ''}). Delete it with the Teardown step and create it again.`);
}

/** kind said yes; make sure: it lists the cluster, and the kubeconfig it wrote has a current context. */
async function verify(context: StepContext, facts: ClusterFacts): Promise<void> {
  if (!(await clusters(context)).includes(facts.name)) {
    throw new AppError(`kind finished, but does not list a cluster named ${facts.name}: the cluster was never created.`);
  }
  const text = await readFile(facts.kubeconfig, 'utf8').catch(() => '');
  const current = currentContext(text);
  if (!current) {
    throw new AppError(`The cluster was never set up for kubectl: ${facts.kubeconfig} has no current context. (This is what later shows up as kubectl's "jsonpath … @.name == """ error.)`);
  }
  facts.context = current;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}
