import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { AppError } from '../../../shared/errors/app-error.js';
import { explainKubectlFailure } from '../../../shared/remote/kubectl-failure.js';
import { listContexts, pinnedKubeconfig } from '../../../shared/remote/kubeconfig-contexts.js';
import { schedulerConfig } from '../../../shared/remote/scheduler-config.js';
import { leaseHolder, schedulerPlacement, type SchedulerPlacement } from '../../../shared/remote/scheduler-placement.js';
import { formatCommand, restoreCommands, type SwapJournal } from '../../../shared/remote/swap-journal.js';
import { skewWarning } from '../../../shared/remote/version-skew.js';
import { summarizeNodes, type NodeSummary } from '../../../shared/cluster/node-summary.js';
import type { RemoteSettings } from '../../../shared/settings/settings.js';
import type { OutputHub } from '../output/output-hub.js';
import { processesWhoseArgsContain } from '../exec/process-tree.js';
import { terminateTree } from '../exec/terminate-tree.js';
import { writeTextAtomic } from '../store/json-file.js';
import { faultPoint } from './fault-point.js';
import { freePort } from '../net/free-port.js';
import { LocalScheduler } from './local-scheduler.js';
import { clearJournal, ensureRemoteDir, readJournal, remoteFiles, writeJournal } from './remote-files.js';

/** Runs kubectl with the given arguments (after --kubeconfig/--context); exit codes other than 0 are answered, not thrown. */
export type Kubectl = (args: string[]) => Promise<{ exitCode: number; stdout: string; stderr: string }>;

/** What swap and restore need from whoever drives them: a step (commands recorded) or the engine at start or quit. */
export interface RemoteIo {
  kubectl: Kubectl;
  print(line: string): void;
  signal?: AbortSignal;
}

export interface RemoteTarget {
  /** The user's kubeconfig file the context comes from. */
  source: string;
  context: string;
  server: string;
  local: boolean;
}

export interface Preflight {
  target: RemoteTarget;
  serverVersion: string;
  skew?: string;
  nodes: NodeSummary;
  placement: SchedulerPlacement;
  lease: { holder?: string; renewTime?: string };
}

/** The kubeconfig remote mode reads: the one chosen, else the first of $KUBECONFIG, else ~/.kube/config. */
export function sourceKubeconfig(settings: RemoteSettings): string {
  if (settings.kubeconfig.trim()) return path.resolve(settings.kubeconfig.trim().replace(/^~(?=$|\/)/, os.homedir()));
  const fromEnv = (process.env.KUBECONFIG ?? '').split(path.delimiter).find(Boolean);
  return fromEnv ?? path.join(os.homedir(), '.kube', 'config');
}

/**
 * Remote mode's hold on a cluster: the private kubeconfig, the preflight, the swap of the
 * in-cluster scheduler for the local one (journal first, every time), and the restore.
 */
export class RemoteSession {
  private scheduler: LocalScheduler | undefined;
  private streamCounter = 0;
  /** Set when the local scheduler died on its own while swapped in. */
  problem: string | undefined;

  constructor(
    private readonly options: {
      dataDir: string;
      hub: OutputHub;
      onChange: () => void;
      /** Something went wrong while swapped in (the local scheduler died, another one races it). */
      onProblem: (message: string) => void;
      /** A kubectl the engine runs itself, for a restore that must go on after the step was cancelled. */
      kubectlFor: (kubeconfig: string, context: string) => Kubectl;
    },
  ) {}

  get schedulerStreamId(): string | undefined {
    return this.scheduler?.stream.id;
  }

  get schedulerRunning(): boolean {
    return this.scheduler?.running ?? false;
  }

  /**
   * Checks the chosen kubeconfig and context and writes the private copy (0600) pinned to that
   * context. A context that is not a local cluster must have been typed to confirm.
   */
  async prepare(settings: RemoteSettings): Promise<RemoteTarget> {
    const source = sourceKubeconfig(settings);
    let text: string;
    try {
      text = await readFile(source, 'utf8');
    } catch {
      throw new AppError(`There is no kubeconfig at ${source}: choose the file in the Mode step.`);
    }
    let contexts;
    try {
      contexts = listContexts(text);
    } catch (error) {
      throw new AppError(`${source} is not a kubeconfig the app can read: ${(error as Error).message}`);
    }
    if (!settings.context) throw new AppError(`Choose a context of ${source} in the Mode step; the app never uses the current context silently.`);
    const context = contexts.contexts.find((c) => c.name === settings.context);
    if (!context) throw new AppError(`${source} has no context named "${settings.context}" (it has: ${contexts.contexts.map((c) => c.name).join(', ') || 'none'}).`);
    if (!context.local && settings.confirmedContext !== context.name) {
      throw new AppError(`"${context.name}" is not a local cluster: type its name in the Mode step to confirm that the app may scale its scheduler down.`);
    }
    await ensureRemoteDir(this.options.dataDir);
    await writeTextAtomic(remoteFiles(this.options.dataDir).kubeconfig, pinnedKubeconfig(text, context.name, path.dirname(source)));
    return { source, context: context.name, server: context.server ?? '', local: context.local };
  }

  /** A kubectl bound to the private copy and its context, run by the engine itself (start-up and quit). */
  static ownKubectl(kubectlPath: string, kubeconfig: string, context: string, env: Record<string, string>): Kubectl {
    return async (args) => {
      const result = await execa(kubectlPath, ['--kubeconfig', kubeconfig, '--context', context, '--request-timeout=20s', ...args], { reject: false, env, stdin: 'ignore', timeout: 60_000 });
      return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
    };
  }

  /** Reachability, versions, nodes, and where the in-cluster scheduler runs. Changes nothing. */
  async preflight(io: RemoteIo, target: RemoteTarget, localVersion?: string): Promise<Preflight> {
    const version = await io.kubectl(['version', '-o', 'json']);
    const server = parseServerVersion(version.stdout);
    if (!server) throw new AppError(`The cluster at ${target.server || target.context} does not answer: ${explainKubectlFailure(version.stderr).message}`);
    io.print(`API server ${server}${localVersion ? `, local build ${localVersion}` : ''}.`);
    const skew = localVersion ? skewWarning(server, localVersion) : undefined;
    if (skew) io.print(`\x1b[33mwarning: ${skew}\x1b[0m`);
    const nodes = summarizeNodes(await this.must(io, ['get', 'nodes', '-o', 'json'], 'list the nodes'));
    io.print(`${nodes.total} nodes, ${nodes.schedulable} schedulable, ${nodes.osArch}.`);
    const placement = schedulerPlacement(await this.must(io, ['get', 'deployments', '-n', 'kube-system', '-o', 'json'], 'list the Deployments in kube-system'), await this.must(io, ['get', 'pods', '-n', 'kube-system', '-o', 'json'], 'list the pods in kube-system'));
    const lease = await schedulerLease(io.kubectl);
    io.print(`Scheduler lease kube-system/kube-scheduler: ${lease.holder ? `held by ${lease.holder}` : 'not held'}.`);
    if (placement.kind === 'deployment') await this.mayScale(io, placement.namespace, placement.name);
    return { target, serverVersion: server, skew, nodes, placement, lease };
  }

  /**
   * The swap. The journal is written before each change: planned (original replicas), then the
   * scale to 0, then scaled-down, then the local scheduler, then scheduler-started. Anything that
   * goes wrong on the way gives the cluster back before the error is reported.
   */
  async swap(io: RemoteIo, pre: Preflight, binary: string, extraConfig: string): Promise<void> {
    const dataDir = this.options.dataDir;
    const existing = await readJournal(dataDir);
    if (existing) {
      if (existing.state === 'scheduler-started' && this.scheduler?.running && existing.context === pre.target.context) {
        io.print(`Your kube-scheduler already runs against ${existing.context} (pid ${this.scheduler.pid}).`);
        return;
      }
      throw new AppError(`An earlier swap on ${existing.context} was not restored (${existing.state}): run Teardown to restore it first.`);
    }
    if (pre.placement.kind === 'not-visible') {
      throw new AppError('No kube-scheduler Deployment found in kube-system, and no static pod either: the control plane is managed (or hidden), so its scheduler cannot be swapped. Nothing was changed.');
    }
    if (pre.placement.kind === 'static-pod') {
      throw new AppError(`The scheduler runs as a static pod (${pre.placement.pods.join(', ')}) on ${pre.placement.nodes.join(', ')}; the app can only move a static pod's manifest on nodes it can reach (kind mode). Nothing was changed.`);
    }
    const { namespace, name, replicas } = pre.placement;
    const files = remoteFiles(dataDir);
    const config = schedulerConfig({ kubeconfig: files.kubeconfig, extraYaml: extraConfig });
    const port = await freePort();
    const journal: SwapJournal = {
      version: 1,
      state: 'planned',
      at: Date.now(),
      context: pre.target.context,
      server: pre.target.server,
      kubeconfig: files.kubeconfig,
      deployment: { namespace, name, originalReplicas: replicas },
      scheduler: { binary, config: files.schedulerConfig, port },
    };
    await writeTextAtomic(files.schedulerConfig, config);
    await writeJournal(dataDir, journal);
    faultPoint('journal-planned');
    this.options.onChange();
    try {
      io.print(`Scaling ${namespace}/${name} from ${replicas} to 0 replicas (the journal keeps ${replicas}).`);
      await this.must(io, ['-n', namespace, 'scale', `deployment/${name}`, '--replicas=0'], `scale ${namespace}/${name} to 0`);
      faultPoint('scaled-down');
      await writeJournal(dataDir, { ...journal, state: 'scaled-down', at: Date.now() });
      faultPoint('journal-scaled-down');
      await this.waitSchedulerGone(io, namespace, name);

      const stream = this.options.hub.create(`kube-scheduler-${++this.streamCounter}`);
      this.scheduler = LocalScheduler.start({ binary, config: files.schedulerConfig, kubeconfig: files.kubeconfig, port }, stream, (how, lastLines) => {
        this.problem = `The local kube-scheduler died (it ${how}) while swapped in: the cluster has no scheduler now. Run Teardown to give it its own back. Its last lines:\n${lastLines}`;
        this.options.onProblem(this.problem);
        this.options.onChange();
      });
      this.problem = undefined;
      faultPoint('scheduler-started');
      await writeJournal(dataDir, { ...journal, state: 'scheduler-started', at: Date.now(), scheduler: { ...journal.scheduler, pid: this.scheduler.pid } });
      faultPoint('journal-scheduler-started');
      this.options.onChange();
      io.print(`Started the local kube-scheduler (pid ${this.scheduler.pid}, https://127.0.0.1:${port}); waiting for /healthz.`);
      const health = await this.scheduler.waitHealthy(60_000, io.signal);
      if (health !== 'healthy') {
        throw new AppError(health === 'exited' ? `The local kube-scheduler exited before it was healthy. Its last lines:\n${this.scheduler.tail.snapshot().text.split('\n').slice(-15).join('\n')}` : 'The local kube-scheduler did not answer /healthz within 60 s.');
      }
      io.print('The local kube-scheduler is healthy and schedules for the cluster.');
      this.watchForRivals(this.options.kubectlFor(files.kubeconfig, pre.target.context), namespace, name);
      faultPoint('swapped');
    } catch (error) {
      io.print(`\x1b[33mThe swap did not complete; giving the cluster its scheduler back.\x1b[0m`);
      await this.restore({ kubectl: this.options.kubectlFor(journal.kubeconfig, journal.context), print: io.print }).catch((restoreError: Error) => io.print(`\x1b[31m${restoreError.message}\x1b[0m`));
      throw error;
    }
  }

  /**
   * Puts back what the journal recorded: stop the local scheduler (this session's, or one a crashed
   * session left, found by its config file), scale back to the original replicas, wait until they
   * are ready, check, and only then clear the journal.
   */
  async restore(io: RemoteIo): Promise<'restored' | 'nothing'> {
    const dataDir = this.options.dataDir;
    const journal = await readJournal(dataDir);
    if (!journal) return 'nothing';
    await writeJournal(dataDir, { ...journal, state: 'restoring', at: Date.now() });
    this.options.onChange();
    const { namespace, name, originalReplicas } = journal.deployment;
    const byHand = restoreCommands(journal).map(formatCommand).join('\n');
    try {
      this.stopWatching();
      if (this.scheduler?.running) {
        io.print(`Stopping the local kube-scheduler (pid ${this.scheduler.pid}).`);
        await this.scheduler.stop();
      }
      await stopStrayScheduler(journal.scheduler.config, io.print);
      io.print(`Scaling ${namespace}/${name} back to ${originalReplicas} replica${originalReplicas === 1 ? '' : 's'}.`);
      await this.must(io, ['-n', namespace, 'scale', `deployment/${name}`, `--replicas=${originalReplicas}`], `scale ${namespace}/${name} back`);
      await this.waitReady(io, namespace, name, originalReplicas);
    } catch (error) {
      throw new AppError(
        `The restore did not finish: ${(error as Error).message}\nThe cluster ${journal.context} may still run without its scheduler (${namespace}/${name} wants ${originalReplicas} replicas). The journal is kept and the next start offers the restore again. To finish by hand:\n${byHand}`,
      );
    }
    await clearJournal(dataDir);
    this.scheduler = undefined;
    this.problem = undefined;
    this.options.onChange();
    io.print(`${namespace}/${name} runs ${originalReplicas} ready replica${originalReplicas === 1 ? '' : 's'} again; the journal is cleared.`);
    return 'restored';
  }

  /**
   * While the local scheduler runs, nothing else should schedule: the in-cluster Deployment stays at
   * 0 and nobody renews the scheduler lease (ours does not take it). Someone scaling it back up, or
   * a second scheduler holding the lease, means two schedulers race for the same pods; that is said
   * at once, once.
   */
  private watchForRivals(kubectl: Kubectl, namespace: string, name: string): void {
    this.stopWatching();
    let lastRenew: string | undefined;
    let first = true;
    let warned = false;
    const check = async (): Promise<void> => {
      const deployment = await kubectl(['-n', namespace, 'get', `deployment/${name}`, '-o', 'json']);
      const replicas = deployment.exitCode === 0 ? ((JSON.parse(deployment.stdout) as { spec?: { replicas?: number } }).spec?.replicas ?? 0) : 0;
      const lease = await schedulerLease(kubectl);
      const renewed = !first && lease.holder !== undefined && lease.holder !== '' && lease.renewTime !== lastRenew;
      first = false;
      lastRenew = lease.renewTime;
      if (warned || !(replicas > 0 || renewed)) return;
      warned = true;
      this.problem = `Pods may be bound by another scheduler: ${replicas > 0 ? `${namespace}/${name} was scaled back to ${replicas} while your kube-scheduler runs` : `${lease.holder ?? 'someone'} renews the kube-system/kube-scheduler lease while your kube-scheduler runs`}. Results of this run are not only your scheduler's. Run Teardown, then the Cluster step again.`;
      this.options.onProblem(this.problem);
      this.options.onChange();
    };
    const timer = setInterval(() => {
      if (this.watching === timer) void check().catch(() => undefined);
    }, 3_000);
    timer.unref();
    this.watching = timer;
  }

  private watching: NodeJS.Timeout | undefined;

  private stopWatching(): void {
    clearInterval(this.watching);
    this.watching = undefined;
  }

  /** The swap scales the Deployment (kubectl scale patches its scale subresource); ask before touching anything. */
  private async mayScale(io: RemoteIo, namespace: string, name: string): Promise<void> {
    for (const [verb, resource] of [['patch', 'deployments/scale'], ['get', 'deployments']] as const) {
      const answer = await io.kubectl(['auth', 'can-i', verb, `${resource}/${name}`, '-n', namespace]);
      if (answer.stdout.trim() !== 'yes') {
        const user = await io.kubectl(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}']);
        const who = user.exitCode === 0 && user.stdout.trim() ? `User "${user.stdout.trim()}"` : 'This user';
        throw new AppError(`Forbidden: ${who} cannot ${verb} resource "${resource}" in API group "apps" in the namespace "${namespace}" (Deployment ${name}), which the swap needs. Nothing was changed.`);
      }
    }
  }

  private async must(io: RemoteIo, args: string[], what: string): Promise<string> {
    const answer = await io.kubectl(args);
    if (answer.exitCode !== 0) throw new AppError(`Could not ${what}: ${explainKubectlFailure(answer.stderr).message}`);
    return answer.stdout;
  }

  /** No pod of the Deployment runs, and the scheduler lease is released or no longer renewed. */
  private async waitSchedulerGone(io: RemoteIo, namespace: string, name: string): Promise<void> {
    const deadline = Date.now() + 120_000;
    let lastRenew: string | undefined;
    let sameSince = Date.now();
    while (Date.now() < deadline) {
      if (io.signal?.aborted) throw new AppError('Cancelled.', 'cancelled');
      const deployment = JSON.parse(await this.must(io, ['-n', namespace, 'get', `deployment/${name}`, '-o', 'json'], `read ${namespace}/${name}`)) as { status?: { replicas?: number } };
      const podsLeft = deployment.status?.replicas ?? 0;
      const lease = await schedulerLease(io.kubectl);
      if (lease.renewTime !== lastRenew) {
        lastRenew = lease.renewTime;
        sameSince = Date.now();
      }
      const leaseFree = !lease.holder || Date.now() - sameSince > (lease.durationSeconds ?? 15) * 1000;
      if (podsLeft === 0 && leaseFree) {
        io.print(`No ${namespace}/${name} pod is left and the scheduler lease is ${lease.holder ? 'no longer renewed' : 'released'}.`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new AppError(`${namespace}/${name} still has pods, or its lease is still renewed, 120 s after the scale to 0.`);
  }

  private async waitReady(io: RemoteIo, namespace: string, name: string, replicas: number): Promise<void> {
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      const deployment = JSON.parse(await this.must(io, ['-n', namespace, 'get', `deployment/${name}`, '-o', 'json'], `read ${namespace}/${name}`)) as { spec?: { replicas?: number }; status?: { readyReplicas?: number } };
      if ((deployment.spec?.replicas ?? -1) === replicas && (deployment.status?.readyReplicas ?? 0) >= replicas) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new AppError(`${namespace}/${name} did not get ${replicas} ready replica${replicas === 1 ? '' : 's'} within 180 s.`);
  }
}

/** The kube-system/kube-scheduler lease's holder and last renewal; nothing when there is no lease (or it cannot be read). */
async function schedulerLease(kubectl: Kubectl): Promise<ReturnType<typeof leaseHolder>> {
  const answer = await kubectl(['get', 'lease', 'kube-scheduler', '-n', 'kube-system', '-o', 'json']);
  return answer.exitCode === 0 ? leaseHolder(answer.stdout) : {};
}

function parseServerVersion(json: string): string | undefined {
  try {
    const parsed = JSON.parse(json) as { serverVersion?: { gitVersion?: string } };
    return parsed.serverVersion?.gitVersion;
  } catch {
    return undefined;
  }
}

/**
 * A local kube-scheduler a crashed session left behind is found by the config file only the app's
 * scheduler uses, and stopped, so it cannot race the in-cluster scheduler once that is back.
 */
async function stopStrayScheduler(config: string, print: (line: string) => void): Promise<void> {
  for (const pid of await processesWhoseArgsContain(`--config=${config}`)) {
    print(`Stopping a local kube-scheduler left running by an earlier session (pid ${pid}).`);
    await terminateTree(pid, { interruptMs: 5_000, terminateMs: 5_000 });
  }
}
