import { mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EventChannel, EventPayload } from '../../shared/ipc/contract.js';
import type { Notice } from '../../shared/ipc/app-channels.js';
import type { Envelope } from '../../shared/ipc/envelope.js';
import { wizardSteps } from '../../shared/steps/step-catalog.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import type { ClientConnection } from './client-connection.js';
import { dispatch, type Handlers } from './dispatcher.js';
import type { TerminateGrace } from './exec/terminate-tree.js';
import { OutputHub } from './output/output-hub.js';
import { ShellSessions } from './shell/shell-sessions.js';
import { CommandStep, type CommandStepDefinition } from './steps/command-step.js';
import { BuildStep } from './steps/build-step.js';
import { ClusterStep } from './steps/cluster-step.js';
import { TeardownStep } from './steps/teardown-step.js';
import { HostStep } from './steps/host-step.js';
import { SourceStep } from './steps/source-step.js';
import { NativeKindStep } from './steps/native-kind-step.js';
import { ToolchainStep } from './steps/toolchain-step.js';
import { loginShellPath } from './tools/login-shell-path.js';
import { composeSearchPath, wellKnownToolFolders } from './tools/search-path.js';
import { linuxDistro } from './tools/linux-distro.js';
import { normalizeArch } from '../../shared/host/normalize-arch.js';
import { StepRunner } from './steps/step-runner.js';
import { HistoryStore } from './store/history-store.js';
import { checkoutProblem } from './source/locate-checkout.js';
import { previewSpecs } from './e2e/preview-specs.js';
import { locateTestBinaries } from './e2e/test-binaries.js';
import { startRerun } from './e2e/rerun-last-focus.js';
import { specLogExcerpt } from './e2e/spec-log-excerpt.js';
import { TestStep } from './steps/test-step.js';
import { ModeStep } from './steps/mode-step.js';
import { RemoteSession, sourceKubeconfig, type Kubectl } from './remote/remote-session.js';
import { readJournal, remoteFiles } from './remote/remote-files.js';
import { findOnPath } from './exec/find-on-path.js';
import { listContexts } from '../../shared/remote/kubeconfig-contexts.js';
import type { RemoteStatus } from '../../shared/remote/remote-facts.js';
import { TestRunStore } from './store/test-run-store.js';
import { readCurrentCluster } from './store/current-cluster.js';
import { compareRuns } from '../../shared/e2e/compare-runs.js';
import { runScript } from '../../shared/e2e/run-script.js';
import { interruptedHotSwaps } from './kind/interrupted-hot-swaps.js';
import { isExecutableFile } from './exec/is-executable-file.js';
import { AppError } from '../../shared/errors/app-error.js';
import { summaryOf } from '../../shared/e2e/test-run.js';
import { SettingsStore } from './store/settings-store.js';

export interface EngineOptions {
  dataDir: string;
  shell: 'electron' | 'browser';
  version: string;
  /** Extra command steps appended to the wizard (scripted setups and tests). */
  extraSteps?: CommandStepDefinition[];
  electronTranslated?: boolean;
  grace?: TerminateGrace;
  /** Abort a download after this long without data (tests shorten it). */
  downloadStallMs?: number;
  /** Skip asking the login shell for its PATH (tests that control PATH themselves). */
  skipLoginShell?: boolean;
  /** Extra environment for Shell tab sessions (tests give them a HOME of their own). */
  shellEnv?: Record<string, string>;
}

export interface EngineSession {
  request(channel: unknown, input: unknown): Promise<Envelope<unknown>>;
  close(): void;
}

/** The app without its window: steps, processes, output, persistence. Electron and browser mode both wrap it. */
export class Engine {
  private readonly clients = new Set<ClientConnection>();
  private notices: Notice[] = [];
  private readonly handlers: Handlers;

  private constructor(
    private readonly options: EngineOptions,
    readonly logDir: string,
    private readonly settings: SettingsStore,
    private readonly history: HistoryStore,
    private readonly hub: OutputHub,
    readonly steps: StepRunner,
    private readonly shells: ShellSessions,
    private readonly searchPathRef: { current: string[] },
    private readonly runs: TestRunStore,
    private readonly remote: RemoteSession,
    private readonly kubectlFor: (kubeconfig: string, context: string) => Kubectl,
    /** The journal of a swap an earlier session left (crash, kill, power loss), until it is restored. */
    private interruptedSwap: boolean,
  ) {
    this.handlers = this.createHandlers();
  }

  static async start(options: EngineOptions): Promise<Engine> {
    const logDir = path.join(options.dataDir, 'logs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
    await mkdir(logDir, { recursive: true, mode: 0o700 });
    const settings = await SettingsStore.open(options.dataDir);
    const history = await HistoryStore.open(options.dataDir);
    const hub = new OutputHub(logDir);
    const binDir = path.join(options.dataDir, 'bin');
    await mkdir(binDir, { recursive: true, mode: 0o755 });
    const searchPath = { current: composeSearchPath({ binDir, loginShell: [], inherited: process.env.PATH, extras: wellKnownToolFolders() }) };
    if (!options.skipLoginShell) {
      // The login shell can take a while to start; steps use the PATH known so far until it answers.
      void loginShellPath()
        .then((loginShell) => {
          searchPath.current = composeSearchPath({ binDir, loginShell, inherited: process.env.PATH, extras: wellKnownToolFolders() });
        })
        .catch(() => undefined);
    }
    const hardwareArch = options.electronTranslated ? 'arm64' : normalizeArch(os.machine());
    const platform = { os: process.platform, arch: hardwareArch, distro: process.platform === 'linux' ? await linuxDistro() : undefined };
    const engineRef: { current?: Engine } = {};
    // The cluster the Cluster step last made ready (also across restarts), for the Shell tab.
    const currentCluster = { current: await readCurrentCluster(options.dataDir).catch(() => undefined) };
    const kubectlFor = (kubeconfig: string, context: string) =>
      RemoteSession.ownKubectl(settings.store.get().toolPaths.kubectl || findOnPath('kubectl', searchPath.current) || 'kubectl', kubeconfig, context, { PATH: searchPath.current.join(path.delimiter) });
    const remote = new RemoteSession({
      dataDir: options.dataDir,
      hub,
      kubectlFor,
      onChange: () => void engineRef.current?.remoteChanged(),
      onProblem: (message) => engineRef.current?.addNotice('error', message),
    });
    const interruptedSwap = await readJournal(options.dataDir).catch((error: Error) => {
      throw new AppError(`The remote swap journal (${remoteFiles(options.dataDir).journal}) cannot be read: ${error.message}. Restore the cluster by hand, then remove that file.`);
    });
    const steps = new StepRunner({
      hub,
      dataDir: options.dataDir,
      binDir,
      searchPath: () => searchPath.current,
      settings: () => settings.store.get(),
      platform,
      electronTranslated: options.electronTranslated,
      catalog: wizardSteps,
      steps: [new HostStep(), new ToolchainStep(), new NativeKindStep({ stallMs: options.downloadStallMs }), new SourceStep(), new ModeStep(remote), new BuildStep(), new ClusterStep(remote), new TestStep(), new TeardownStep(remote), ...(options.extraSteps ?? []).map((d) => new CommandStep(d))],
      onUpdate: (info) => {
        // The same facts the steps write to cluster.json, kept here at once for the next shell.
        if (info.state === 'done' && info.outcome === 'success' && info.result?.kind === 'cluster') currentCluster.current = info.result.cluster;
        if (info.state === 'done' && info.result?.kind === 'teardown') {
          if (info.result.action === 'deleted' || (info.result.action === 'restored' && currentCluster.current?.mode === 'remote')) currentCluster.current = undefined;
        }
        engineRef.current?.stepChanged(info);
      },
      grace: options.grace,
    });
    const shells = new ShellSessions({
      hub,
      // The Shell tab opens where the user said, else in the checkout, else at home.
      defaultCwd: () => settings.store.get().shellCwd || settings.store.get().sourceDir,
      // The Shell tab talks to the cluster the Cluster step set up, through the app's own kubeconfig.
      env: () => {
        const kubeconfig = currentCluster.current?.kubeconfig;
        return { ...options.shellEnv, PATH: searchPath.current.join(path.delimiter), ...(kubeconfig ? { KUBECONFIG: kubeconfig } : {}) };
      },
    });
    const engine = new Engine(options, logDir, settings.store, history.store, hub, steps, shells, searchPath, new TestRunStore(options.dataDir), remote, kubectlFor, interruptedSwap !== undefined);
    engineRef.current = engine;
    for (const problem of [settings.problem, history.problem]) if (problem) engine.addNotice('warning', problem);
    if (interruptedSwap) {
      engine.addNotice(
        'error',
        `A scheduler swap on ${interruptedSwap.context} was interrupted (${interruptedSwap.state}): ${interruptedSwap.deployment.namespace}/${interruptedSwap.deployment.name} may still be at 0 replicas. Restore it (the Teardown step) before anything else runs.`,
      );
    }
    for (const interrupted of await interruptedHotSwaps(options.dataDir)) {
      engine.addNotice('warning', `A kube-scheduler hot-swap on the kind cluster ${interrupted.cluster} was interrupted (${interrupted.state}). Run the Teardown step with "keep" to put the original scheduler back, or delete the cluster.`);
    }
    return engine;
  }

  connect(client: ClientConnection): EngineSession {
    this.clients.add(client);
    return {
      request: (channel, input) => dispatch(this.handlers, channel, input, client),
      close: () => {
        this.clients.delete(client);
        this.hub.disconnect(client);
      },
    };
  }

  /**
   * Stops every step and shell and waits for their processes to end; then, if a remote cluster's
   * scheduler is swapped out, gives it back before the app exits (`say` shows how it goes).
   */
  async shutdown(say: (line: string) => void = () => undefined): Promise<void> {
    await Promise.all([this.steps.shutdown(), this.shells.closeAll()]);
    const journal = await readJournal(this.options.dataDir).catch(() => undefined);
    if (journal) {
      say(`Restoring the scheduler of ${journal.context} before quitting…`);
      this.addNotice('info', `Restoring the scheduler of ${journal.context} before quitting…`);
      try {
        await this.remote.restore({ kubectl: this.kubectlFor(journal.kubeconfig, journal.context), print: say });
      } catch (error) {
        say((error as Error).message);
      }
    }
    await this.history.flushed();
  }

  /** Tells every window what remote mode holds now. */
  private remoteChanged(): void {
    void this.remoteStatus().then((status) => this.broadcast('remote:updated', status), () => undefined);
  }

  private async remoteStatus(): Promise<RemoteStatus> {
    const journal = await readJournal(this.options.dataDir).catch(() => undefined);
    if (!journal) this.interruptedSwap = false;
    return {
      journal: journal && { state: journal.state, context: journal.context, deployment: `${journal.deployment.namespace}/${journal.deployment.name}`, originalReplicas: journal.deployment.originalReplicas, at: journal.at },
      interrupted: this.interruptedSwap,
      schedulerRunning: this.remote.schedulerRunning,
      schedulerStreamId: this.remote.schedulerStreamId,
      problem: this.remote.problem,
    };
  }

  private broadcast<E extends EventChannel>(event: E, payload: EventPayload<E>): void {
    for (const client of this.clients) client.send(event, payload);
  }

  private addNotice(level: Notice['level'], message: string): void {
    const notice = { id: `notice-${this.notices.length + 1}`, level, message };
    this.notices.push(notice);
    this.broadcast('app:notice', notice);
  }

  private stepChanged(info: StepInfo): void {
    this.broadcast('steps:updated', info);
    if (info.state === 'done') {
      this.history.record(info).catch((error: Error) => this.addNotice('error', `Could not save the run history: ${error.message}`));
      if (info.id === 'test') {
        void this.runs.latest().then((latest) => this.broadcast('runs:changed', { latest }), () => undefined);
      }
    }
  }

  private createHandlers(): Handlers {
    return {
      'app:info': () => ({
        version: this.options.version,
        shell: this.options.shell,
        platform: process.platform,
        dataDir: this.options.dataDir,
        logDir: this.logDir,
        homeDir: os.homedir(),
        notices: this.notices,
      }),
      'app:dismissNotice': ({ id }) => {
        this.notices = this.notices.filter((notice) => notice.id !== id);
        return null;
      },
      'steps:list': () => this.steps.list(),
      'steps:run': async ({ stepId, force }) => {
        await this.refuseWhileUnrestored(stepId);
        return this.steps.start(stepId, { force });
      },
      'steps:cancel': ({ stepId }) => this.steps.cancel(stepId),
      'output:attach': ({ streamId }, client) => this.hub.attach(client, streamId, this.logPathOf(streamId)),
      'output:detach': ({ streamId }, client) => {
        this.hub.detach(client, streamId);
        return null;
      },
      'output:ack': ({ streamId, chars }, client) => {
        this.hub.ack(client, streamId, chars);
        return null;
      },
      'shell:open': (request) => this.shells.open(request),
      'shell:write': ({ sessionId, data }) => {
        this.shells.write(sessionId, data);
        return null;
      },
      'shell:resize': ({ sessionId, cols, rows }) => {
        this.shells.resize(sessionId, cols, rows);
        return null;
      },
      'shell:close': async ({ sessionId }) => {
        await this.shells.close(sessionId);
        return null;
      },
      'source:check': async ({ dir }) => {
        const resolved = path.resolve(dir.replace(/^~(?=$|\/)/, os.homedir()));
        return { dir: resolved, problem: await checkoutProblem(resolved) };
      },
      'tests:preview': async (filters) => {
        const { e2eTest } = await locateTestBinaries(this.settings.get(), this.options.dataDir);
        return previewSpecs(e2eTest, filters, { PATH: this.searchPathNow().join(path.delimiter) });
      },
      'runs:list': () => this.runs.list(),
      'runs:get': ({ id }) => this.runs.get(id),
      'runs:delete': async ({ id }) => {
        await this.runs.delete(id);
        this.broadcast('runs:changed', { latest: await this.runs.latest() });
        return null;
      },
      'runs:compare': async ({ before, after }) => {
        const [a, b] = await Promise.all([this.runs.get(before), this.runs.get(after)]);
        return { before: summaryOf(a), after: summaryOf(b), comparison: compareRuns(a.specs, b.specs) };
      },
      'runs:script': async ({ id }) => {
        const run = await this.runs.get(id);
        const title = `k8s e2e studio run ${run.id}: ${run.filters.focus ? `focus ${run.filters.focus}` : 'no focus'} on ${run.cluster.context} (${run.mode} mode)`;
        return { fileName: `e2e-run-${run.id}.sh`, script: runScript({ title, commands: run.commands }) };
      },
      'runs:logExcerpt': async ({ id, spec }) => {
        const run = await this.runs.get(id);
        if (!run.logPath) throw new AppError(`Run ${id} has no log.`);
        return { logPath: run.logPath, ...(await specLogExcerpt(run.logPath, spec)) };
      },
      'remote:status': () => this.remoteStatus(),
      'remote:contexts': async ({ kubeconfig }) => {
        const file = sourceKubeconfig({ ...this.settings.get().remote, kubeconfig });
        const text = await readFile(file, 'utf8').catch(() => undefined);
        if (text === undefined) return { file, contexts: [], problem: `There is no kubeconfig at ${file}.` };
        try {
          const listed = listContexts(text);
          return { file, contexts: listed.contexts.map(({ name, server, user, local }) => ({ name, server, user, local })), current: listed.current };
        } catch (error) {
          return { file, contexts: [], problem: `${file} is not a kubeconfig the app can read: ${(error as Error).message}` };
        }
      },
      'runs:rerun': async ({ id }) => {
        await this.refuseWhileUnrestored('build');
        const from = id ? summaryOf(await this.runs.get(id)) : await this.runs.latest();
        if (!from) throw new AppError('There is no earlier run to repeat yet: run the Test step once.');
        return startRerun({ steps: this.steps, updateSettings: (patch) => this.settings.update(patch), report: (state) => this.broadcast('runs:rerun', state) }, from);
      },
      'settings:get': () => this.settings.get(),
      'settings:update': (patch) => {
        for (const [tool, file] of Object.entries(patch.toolPaths ?? {})) {
          if (!path.isAbsolute(file) || !isExecutableFile(file)) throw new AppError(`The path for ${tool} must be an executable file; ${file} is not.`);
        }
        return this.settings.update(patch);
      },
    };
  }

  /**
   * A swap an earlier session left must be restored before anything else runs, and nothing but
   * Teardown runs on a cluster whose local scheduler died.
   */
  private async refuseWhileUnrestored(stepId: string): Promise<void> {
    if (stepId === 'teardown') return;
    const journal = this.interruptedSwap ? await readJournal(this.options.dataDir).catch(() => undefined) : undefined;
    if (journal) throw new AppError(`The scheduler swap on ${journal.context} from an earlier session is not restored yet: run the Teardown step first.`);
    this.interruptedSwap = false;
    if (this.remote.problem && stepId === 'test') throw new AppError(`${this.remote.problem.split('\n')[0]}`);
  }

  private searchPathNow(): string[] {
    return this.searchPathRef.current;
  }

  /** A finished step's log file, found through the step that wrote it (also after a restart, via history). */
  private logPathOf(streamId: string): string | undefined {
    const step = [...this.steps.list(), ...this.history.runs()].find((info) => info.streamId === streamId);
    return step?.logPath;
  }
}
