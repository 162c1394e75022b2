import { copyFile, chmod, rm } from 'node:fs/promises';
import type { StepId } from '../../../shared/steps/step-id.js';
import { AppError } from '../../../shared/errors/app-error.js';
import type { RemoteStatus, SwapProblemKind } from '../../../shared/remote/remote-facts.js';
import { featureGatesProblem, type FeatureGates } from '../../../shared/remote/feature-gates.js';
import { schedulerConfig } from '../../../shared/remote/scheduler-config.js';
import { byHandRestore, formatCommand, originalReplicasAnnotation, restoreCommands, salvageJournal, type JournalSalvage, type SwapJournal } from '../../../shared/remote/swap-journal.js';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings.js';
import type { OutputHub } from '../output/output-hub.js';
import { processesWhoseArgsContain } from '../exec/process-tree.js';
import { terminateTree } from '../exec/terminate-tree.js';
import { writeTextAtomic } from '../store/json-file.js';
import { freePort } from '../net/free-port.js';
import { faultPoint } from './fault-point.js';
import { LocalScheduler } from './local-scheduler.js';
import { mustKubectl, mustReadDeployment, readDeployment, schedulerLease, type Kubectl, type Preflight, type RemoteIo } from './remote-preflight.js';
import { clearJournal, ensureRemoteDir, readJournal, remoteFiles, writeJournal } from './remote-files.js';
import { watchForRivals, type Rival } from './rival-watch.js';

/** What the guard knows about the remote swap: nothing outstanding, a journal, or a journal it cannot read. */
type SwapState =
  | { kind: 'none' }
  | { kind: 'journal'; journal: SwapJournal; interrupted: boolean }
  | { kind: 'corrupt'; reason: string; known: JournalSalvage };

interface Problem {
  kind: SwapProblemKind;
  /** The first line: what a refusal says. */
  summary: string;
  /** The whole of it, with the details (last lines, commands). */
  message: string;
}

function problemOf(kind: SwapProblemKind, summary: string, details?: string): Problem {
  return { kind, summary, message: details ? `${summary}\n${details}` : summary };
}

export interface SwapGuardOptions {
  dataDir: string;
  hub: OutputHub;
  /** A kubectl the engine runs itself, for restores outside a step (start-up, quit, a cancelled step). */
  kubectlFor: (kubeconfig: string, context: string) => Kubectl;
  /** Every change of what `status()` says. */
  onChange: () => void;
  /** Something went wrong while swapped (said once per problem, as an error notice). */
  onProblem: (message: string) => void;
}

/**
 * The one owner of the remote scheduler swap: its journal on disk (read here and nowhere else),
 * the local kube-scheduler, recovery of an earlier session's swap at start-up, the restore (from a
 * step, at quit, after a crash), what the UI is told, and which steps may start meanwhile. Every
 * start path of every step asks `refusal` (StepRunner does), so none can go around it.
 */
export class SwapGuard {
  private state: SwapState = { kind: 'none' };
  private scheduler: LocalScheduler | undefined;
  private leftover = false;
  private problem: Problem | undefined;
  private rivals: Rival[] = [];
  private watch: { stop(): void } | undefined;
  private restoring: Promise<'restored' | 'nothing'> | undefined;
  private streamCounter = 0;

  private constructor(private readonly options: SwapGuardOptions) {}

  /** Reads what an earlier session left: a journal means a swap it did not give back. */
  static async open(options: SwapGuardOptions): Promise<SwapGuard> {
    const guard = new SwapGuard(options);
    const read = await readJournal(options.dataDir);
    if (read.kind === 'ok') {
      guard.state = { kind: 'journal', journal: read.journal, interrupted: true };
      guard.leftover = (await processesWhoseArgsContain(`--config=${read.journal.scheduler.config}`)).length > 0;
    } else if (read.kind === 'corrupt') {
      const known = salvageJournal(read.text);
      guard.state = { kind: 'corrupt', reason: read.reason, known };
      guard.problem = guard.corruptProblem(read.reason, known);
    }
    return guard;
  }

  /** A swap is outstanding: the cluster's own scheduler is (or may be) scaled down. */
  get outstanding(): boolean {
    return this.state.kind !== 'none';
  }

  /** What the first window must be told at start-up about a swap an earlier session left, if anything. */
  startupNotice(): string | undefined {
    if (this.state.kind === 'corrupt') return this.problem?.message;
    if (this.state.kind !== 'journal' || !this.state.interrupted) return undefined;
    const { journal } = this.state;
    const scheduler = this.leftover ? 'a local kube-scheduler that session started still runs for it, and the next restore stops it' : 'no local kube-scheduler of that session runs: the cluster has no scheduler now';
    return `A scheduler swap on ${journal.context} was interrupted (${journal.state}): ${journal.deployment.namespace}/${journal.deployment.name} may still be at 0 replicas (it had ${journal.deployment.originalReplicas}), and ${scheduler}. Restore it (the Teardown step) before anything else runs.`;
  }

  /** Why a step may not start now, or undefined when it may. */
  refusal(stepId: StepId): string | undefined {
    if (stepId === 'teardown' || this.state.kind === 'none') return undefined;
    if (this.state.kind === 'corrupt') return `${this.problem?.summary ?? 'The swap journal cannot be read.'} Only Teardown can run until the cluster is restored.`;
    const { journal, interrupted } = this.state;
    if (interrupted) return `The scheduler swap on ${journal.context} from an earlier session is not restored yet: run the Teardown step first.`;
    if (stepId === 'test' && this.problem) return this.problem.summary;
    return undefined;
  }

  /** Changing the target while a swap is outstanding would lose the way back: refused with the reason. */
  settingsRefusal(current: Settings, patch: SettingsPatch): string | undefined {
    if (this.state.kind === 'none') return undefined;
    const context = this.state.kind === 'journal' ? this.state.journal.context : (this.state.known.context ?? 'the remote cluster');
    const changes: string[] = [];
    if (patch.mode !== undefined && patch.mode !== current.mode) changes.push('the mode');
    if (patch.remote?.kubeconfig !== undefined && patch.remote.kubeconfig !== current.remote.kubeconfig) changes.push('the kubeconfig');
    if (patch.remote?.context !== undefined && patch.remote.context !== current.remote.context) changes.push('the context');
    if (changes.length === 0) return undefined;
    return `Not changed: the scheduler of ${context} is swapped out, and ${changes.join(' and ')} must stay as they are until Teardown gives it back.`;
  }

  /** The cluster an outstanding swap was made on, as the journal keeps it (for a restore driven by a step). */
  swappedOn(): { kubeconfig: string; context: string } | undefined {
    if (this.state.kind === 'journal') return { kubeconfig: this.state.journal.kubeconfig, context: this.state.journal.context };
    if (this.state.kind === 'corrupt' && this.state.known.kubeconfig && this.state.known.context) return { kubeconfig: this.state.known.kubeconfig, context: this.state.known.context };
    return undefined;
  }

  /**
   * Whether another scheduler raced ours since `since`: the watcher's sightings, plus one look now,
   * so a rival that appeared just before the end of a run is not missed between two polls.
   */
  async rivalsDuring(since: number): Promise<string | undefined> {
    if (this.watch && this.state.kind === 'journal') {
      const { journal } = this.state;
      const { namespace, name } = journal.deployment;
      const replicas = (await readDeployment(this.options.kubectlFor(journal.kubeconfig, journal.context), journal.deployment)).state?.wanted ?? 0;
      if (replicas > 0) this.sawRival({ kind: 'scaled-up', replicas, at: Date.now() }, namespace, name);
    }
    return this.rivalSince(since);
  }

  /** The rival schedulers seen since `since` (ms since the epoch), in words; undefined when none. */
  rivalSince(since: number): string | undefined {
    const seen = this.rivals.filter((rival) => rival.at >= since);
    if (seen.length === 0) return undefined;
    const first = seen[0] as Rival;
    return first.kind === 'scaled-up' ? `the in-cluster scheduler was scaled back to ${first.replicas} during the run` : `${first.holder ?? 'another scheduler'} renewed the kube-scheduler lease during the run`;
  }

  status(): RemoteStatus {
    const base = {
      interrupted: this.state.kind === 'journal' && this.state.interrupted,
      leftoverScheduler: this.leftover || undefined,
      schedulerRunning: this.scheduler?.running ?? false,
      schedulerStreamId: this.scheduler?.stream.id,
      problemKind: this.problem?.kind,
      problem: this.problem?.message,
      restoring: this.restoring !== undefined || undefined,
    };
    if (this.state.kind === 'journal') {
      const { journal } = this.state;
      return {
        ...base,
        journal: { state: journal.state, context: journal.context, deployment: `${journal.deployment.namespace}/${journal.deployment.name}`, originalReplicas: journal.deployment.originalReplicas, at: journal.at },
        byHand: this.problem?.kind === 'restore-failed' ? restoreCommands(journal).map(formatCommand) : undefined,
      };
    }
    if (this.state.kind === 'corrupt') {
      const { known, reason } = this.state;
      return {
        ...base,
        corrupt: { file: remoteFiles(this.options.dataDir).journal, reason, context: known.context, deployment: known.name ? `${known.namespace ?? 'kube-system'}/${known.name}` : undefined, originalReplicas: known.originalReplicas },
        byHand: byHandRestore(known, remoteFiles(this.options.dataDir).journal).map(formatCommand),
      };
    }
    return base;
  }

  /**
   * The swap. The journal is written before each change: planned (original replicas, and its own
   * copy of the kubeconfig), the Deployment annotated with its replica count, the scale to 0,
   * scaled-down, the local scheduler, scheduler-started. Anything that goes wrong on the way gives
   * the cluster back before the error is reported.
   */
  async swap(io: RemoteIo, pre: Preflight, binary: string, extraConfig: string, featureGates: FeatureGates = {}): Promise<{ kubeconfig: string }> {
    const dataDir = this.options.dataDir;
    const files = remoteFiles(dataDir);
    if (this.state.kind === 'journal') {
      const { journal } = this.state;
      if (journal.state === 'scheduler-started' && this.scheduler?.running && journal.context === pre.target.context) {
        io.print(`Your kube-scheduler already runs against ${journal.context} (pid ${this.scheduler.pid}).`);
        return { kubeconfig: journal.kubeconfig };
      }
      throw new AppError(`An earlier swap on ${journal.context} was not restored (${journal.state}): run Teardown to restore it first.`);
    }
    if (this.state.kind === 'corrupt') throw new AppError(this.refusal('cluster') ?? 'The swap journal cannot be read.');
    if (pre.placement.kind === 'not-visible') {
      throw new AppError('No kube-scheduler Deployment found in kube-system, and no static pod either: the control plane is managed (or hidden), so its scheduler cannot be swapped. Nothing was changed.');
    }
    if (pre.placement.kind === 'static-pod') {
      throw new AppError(`The scheduler runs as a static pod (${pre.placement.pods.join(', ')}) on ${pre.placement.nodes.join(', ')}; the app can only move a static pod's manifest on nodes it can reach (kind mode). Nothing was changed.`);
    }
    // Gates go on kube-scheduler's command line (its config has no field for them): checked before anything changes.
    const gatesProblem = featureGatesProblem(featureGates);
    if (gatesProblem) throw new AppError(`The feature gates cannot be used: ${gatesProblem} Nothing was changed.`);
    const { namespace, name, replicas } = pre.placement;
    await ensureRemoteDir(dataDir);
    // The journal's own kubeconfig: a later Mode step rewrites the private copy, never this one.
    await copyFile(files.kubeconfig, files.swapKubeconfig);
    await chmod(files.swapKubeconfig, 0o600);
    const port = await freePort();
    const journal: SwapJournal = {
      version: 1,
      state: 'planned',
      at: Date.now(),
      context: pre.target.context,
      server: pre.target.server,
      kubeconfig: files.swapKubeconfig,
      deployment: { namespace, name, originalReplicas: replicas },
      scheduler: { binary, config: files.schedulerConfig, port },
    };
    await writeTextAtomic(files.schedulerConfig, schedulerConfig({ kubeconfig: files.swapKubeconfig, extraYaml: extraConfig }));
    await this.record(journal, false);
    faultPoint('journal-planned');
    const ours = this.options.kubectlFor(journal.kubeconfig, journal.context);
    try {
      const annotated = await io.kubectl(['-n', namespace, 'annotate', '--overwrite', `deployment/${name}`, `${originalReplicasAnnotation}=${replicas}`]);
      if (annotated.exitCode !== 0) io.print(`\x1b[33mCould not annotate ${namespace}/${name} with its replica count (the journal still keeps it): ${annotated.stderr.trim().split('\n')[0] ?? ''}\x1b[0m`);
      io.print(`Scaling ${namespace}/${name} from ${replicas} to 0 replicas (the journal keeps ${replicas}).`);
      await mustKubectl(io, ['-n', namespace, 'scale', `deployment/${name}`, '--replicas=0'], `scale ${namespace}/${name} to 0`);
      faultPoint('scaled-down');
      await this.record({ ...journal, state: 'scaled-down', at: Date.now() }, false);
      faultPoint('journal-scaled-down');
      await waitSchedulerGone(io, namespace, name);

      const stream = this.options.hub.create(`kube-scheduler-${++this.streamCounter}`);
      this.scheduler = LocalScheduler.start({ binary, config: files.schedulerConfig, kubeconfig: files.swapKubeconfig, port, featureGates }, stream, (how, lastLines) => {
        this.raise(problemOf('scheduler-died', `The local kube-scheduler died (it ${how}) while swapped in: the cluster has no scheduler now. Run Teardown to give it its own back.`, `Its last lines:\n${lastLines}`));
      });
      this.problem = undefined;
      faultPoint('scheduler-started');
      await this.record({ ...journal, state: 'scheduler-started', at: Date.now(), scheduler: { ...journal.scheduler, pid: this.scheduler.pid } }, false);
      faultPoint('journal-scheduler-started');
      io.print(`Started the local kube-scheduler (pid ${this.scheduler.pid}, https://127.0.0.1:${port}); waiting for /healthz.`);
      const health = await this.scheduler.waitHealthy(60_000, io.signal);
      if (health !== 'healthy') {
        throw new AppError(health === 'exited' ? `The local kube-scheduler exited before it was healthy. Its last lines:\n${this.scheduler.tail.snapshot().text.split('\n').slice(-15).join('\n')}` : 'The local kube-scheduler did not answer /healthz within 60 s.');
      }
      io.print('The local kube-scheduler is healthy and schedules for the cluster.');
      this.rivals = [];
      this.watch = watchForRivals(ours, { namespace, name }, (rival) => this.sawRival(rival, namespace, name));
      faultPoint('swapped');
      return { kubeconfig: journal.kubeconfig };
    } catch (error) {
      io.print(`\x1b[33mThe swap did not complete; giving the cluster its scheduler back.\x1b[0m`);
      await this.restore({ kubectl: ours, print: io.print }).catch((restoreError: Error) => io.print(`\x1b[31m${restoreError.message}\x1b[0m`));
      throw error;
    }
  }

  /**
   * Puts back what the journal recorded: scale the Deployment back to its replicas and wait until
   * they are Ready, and only then stop the local scheduler (this session's, or one an earlier
   * session left, found by its config file), so the cluster is never without a scheduler. The
   * journal is cleared last. `io` defaults to the engine's own kubectl on the journal's kubeconfig.
   */
  restore(io?: RemoteIo): Promise<'restored' | 'nothing'> {
    this.restoring ??= this.restoreOnce(io).finally(() => {
      this.restoring = undefined;
      this.options.onChange();
    });
    return this.restoring;
  }

  /** At quit: stop watching, give the cluster back, and say how it went. */
  async restoreOnQuit(say: (line: string) => void): Promise<void> {
    if (this.state.kind === 'none') return;
    const context = this.state.kind === 'journal' ? this.state.journal.context : (this.state.known.context ?? 'the remote cluster');
    say(`Restoring the scheduler of ${context} before quitting…`);
    try {
      const on = this.swappedOn();
      await this.restore(on && this.ownIo(on, say));
    } catch (error) {
      say((error as Error).message);
    }
  }

  private async restoreOnce(given: RemoteIo | undefined): Promise<'restored' | 'nothing'> {
    const state = this.state;
    if (state.kind === 'none') return 'nothing';
    if (state.kind === 'corrupt') return this.restoreFromSalvage(given, state.known);
    const { journal } = state;
    const io = given ?? this.ownIo(journal, () => undefined);
    const before = journal;
    await this.record({ ...journal, state: 'restoring', at: Date.now() }, state.interrupted);
    const { namespace, name, originalReplicas } = journal.deployment;
    try {
      this.stopWatching();
      await scaleBack(io, journal.deployment, originalReplicas);
      io.print(`${namespace}/${name} runs ${originalReplicas} ready replica${originalReplicas === 1 ? '' : 's'} again.`);
    } catch (error) {
      // Nothing of ours was stopped: the local scheduler (if it ran) still schedules, and the
      // journal is back as it was, so what the UI says stays true.
      await this.record(before, state.interrupted);
      const byHand = restoreCommands(journal).map(formatCommand).join('\n');
      this.problem = problemOf(
        'restore-failed',
        `The restore did not finish: ${(error as Error).message}`,
        `${this.scheduler?.running ? 'Your local kube-scheduler keeps scheduling for' : 'There may be no scheduler running for'} ${journal.context} (${namespace}/${name} wants ${originalReplicas} replicas). The journal is kept and the next start offers the restore again. To finish by hand:\n${byHand}`,
      );
      throw new AppError(this.problem.message);
    }
    await this.finishRestore(io, journal.deployment, journal.scheduler.config);
    io.print(`The journal is cleared: ${journal.context} runs its own scheduler again.`);
    return 'restored';
  }

  /**
   * A journal that cannot be read: restore from what could still be read of it, taking the replica
   * count from the journal's text or, failing that, from the annotation the swap put on the
   * Deployment. Where too little is known, the error says exactly what to run by hand.
   */
  private async restoreFromSalvage(given: RemoteIo | undefined, known: JournalSalvage): Promise<'restored' | 'nothing'> {
    const file = remoteFiles(this.options.dataDir).journal;
    const byHand = byHandRestore(known, file).map(formatCommand).join('\n');
    if (!known.kubeconfig || !known.context || !known.name) {
      this.problem = problemOf('corrupt-journal', `The swap journal ${file} cannot be read, and it no longer says which cluster and Deployment to restore.`, `To finish by hand:\n${byHand}`);
      throw new AppError(this.problem.message);
    }
    const io = given ?? this.ownIo({ kubeconfig: known.kubeconfig, context: known.context }, () => undefined);
    const namespace = known.namespace ?? 'kube-system';
    const deployment = { namespace, name: known.name };
    try {
      let replicas = known.originalReplicas;
      if (replicas === undefined) {
        const annotation = (await mustReadDeployment(io, deployment)).annotations[originalReplicasAnnotation];
        if (annotation === undefined || !/^\d+$/.test(annotation)) throw new AppError(`${namespace}/${known.name} does not carry ${originalReplicasAnnotation}, so its original replica count is unknown`);
        replicas = Number(annotation);
        io.print(`${namespace}/${known.name} says it had ${replicas} replica${replicas === 1 ? '' : 's'} (${originalReplicasAnnotation}).`);
      }
      await scaleBack(io, deployment, replicas);
    } catch (error) {
      this.problem = problemOf('corrupt-journal', `The restore did not finish: ${(error as Error).message}`, `The swap journal ${file} cannot be read. To finish by hand:\n${byHand}`);
      throw new AppError(this.problem.message);
    }
    await this.finishRestore(io, deployment, known.schedulerConfig ?? remoteFiles(this.options.dataDir).schedulerConfig);
    io.print(`The unreadable journal is cleared: ${known.context} runs its own scheduler again.`);
    return 'restored';
  }

  /** The engine's own kubectl on the cluster the swap was made on, for restores no step drives. */
  private ownIo(on: { kubeconfig: string; context: string }, print: (line: string) => void): RemoteIo {
    return { kubectl: this.options.kubectlFor(on.kubeconfig, on.context), print };
  }

  /**
   * The in-cluster scheduler is back and Ready: now stop ours (and any an earlier session left),
   * take the annotation off and forget the swap.
   */
  private async finishRestore(io: RemoteIo, deployment: { namespace: string; name: string }, config: string): Promise<void> {
    await this.stopOurScheduler(io, config);
    const unannotated = await io.kubectl(['-n', deployment.namespace, 'annotate', `deployment/${deployment.name}`, `${originalReplicasAnnotation}-`]);
    if (unannotated.exitCode !== 0) io.print(`\x1b[33mCould not remove the annotation ${originalReplicasAnnotation} from ${deployment.namespace}/${deployment.name}; it is harmless.\x1b[0m`);
    await this.forget();
  }

  /** Stops this session's local scheduler and any an earlier session left behind (found by its config file). */
  private async stopOurScheduler(io: RemoteIo, config: string): Promise<void> {
    if (this.scheduler?.running) {
      io.print(`Stopping the local kube-scheduler (pid ${this.scheduler.pid}).`);
      await this.scheduler.stop();
    }
    for (const pid of await processesWhoseArgsContain(`--config=${config}`)) {
      io.print(`Stopping a local kube-scheduler left running by an earlier session (pid ${pid}).`);
      await terminateTree(pid, { interruptMs: 5_000, terminateMs: 5_000 });
    }
  }

  private async forget(): Promise<void> {
    await clearJournal(this.options.dataDir);
    await rm(remoteFiles(this.options.dataDir).swapKubeconfig, { force: true });
    this.state = { kind: 'none' };
    this.scheduler = undefined;
    this.leftover = false;
    this.problem = undefined;
    this.rivals = [];
    this.options.onChange();
  }

  private async record(journal: SwapJournal, interrupted: boolean): Promise<void> {
    await writeJournal(this.options.dataDir, journal);
    this.state = { kind: 'journal', journal, interrupted };
    this.options.onChange();
  }

  private raise(problem: Problem): void {
    const first = this.problem?.kind !== problem.kind;
    this.problem = problem;
    if (first) this.options.onProblem(problem.message);
    this.options.onChange();
  }

  private sawRival(rival: Rival, namespace: string, name: string): void {
    this.rivals.push(rival);
    if (this.problem?.kind === 'rival' || this.problem?.kind === 'scheduler-died') return;
    const what = rival.kind === 'scaled-up' ? `${namespace}/${name} was scaled back to ${rival.replicas} while your kube-scheduler runs` : `${rival.holder ?? 'someone'} renews the kube-system/kube-scheduler lease while your kube-scheduler runs`;
    this.raise(problemOf('rival', `Pods may be bound by another scheduler: ${what}. Results of this run are not only your scheduler's. Run Teardown, then the Cluster step again.`));
  }

  private stopWatching(): void {
    this.watch?.stop();
    this.watch = undefined;
  }

  private corruptProblem(reason: string, known: JournalSalvage): Problem {
    const file = remoteFiles(this.options.dataDir).journal;
    const what = known.context ? ` on ${known.context}${known.name ? ` (${known.namespace ?? 'kube-system'}/${known.name}${known.originalReplicas !== undefined ? `, ${known.originalReplicas} replicas` : ''})` : ''}` : '';
    return problemOf('corrupt-journal', `The scheduler swap journal ${file} cannot be read (${reason}): a swap${what} may not be restored. Run Teardown to restore from what can still be read, or finish by hand.`, byHandRestore(known, file).map(formatCommand).join('\n'));
  }
}

/** No pod of the Deployment runs, and the scheduler lease is released or no longer renewed. */
async function waitSchedulerGone(io: RemoteIo, namespace: string, name: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let lastRenew: string | undefined;
  let sameSince = Date.now();
  while (Date.now() < deadline) {
    if (io.signal?.aborted) throw new AppError('Cancelled.', 'cancelled');
    const podsLeft = (await mustReadDeployment(io, { namespace, name })).pods;
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

/** Scales the Deployment back to `replicas` and waits until it asks for exactly that many and they are Ready. */
async function scaleBack(io: RemoteIo, deployment: { namespace: string; name: string }, replicas: number): Promise<void> {
  const { namespace, name } = deployment;
  io.print(`Scaling ${namespace}/${name} back to ${replicas} replica${replicas === 1 ? '' : 's'}.`);
  await mustKubectl(io, ['-n', namespace, 'scale', `deployment/${name}`, `--replicas=${replicas}`], `scale ${namespace}/${name} back`);
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const state = await mustReadDeployment(io, deployment);
    if (state.wanted === replicas && state.ready >= replicas) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new AppError(`${namespace}/${name} did not get ${replicas} ready replica${replicas === 1 ? '' : 's'} within 180 s.`);
}
