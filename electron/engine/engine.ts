import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../shared/ipc/envelope.js';
import { normalizeArch } from '../../shared/host/normalize-arch.js';
import { wizardSteps } from '../../shared/steps/step-catalog.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { Broadcaster } from './broadcaster.js';
import type { ClientConnection } from './client-connection.js';
import type { ClusterTargets } from './cluster/cluster-target.js';
import { dispatch, type Handlers } from './dispatcher.js';
import type { EngineParts } from './engine-parts.js';
import type { TerminateGrace } from './exec/terminate-tree.js';
import { findOnPath } from './exec/find-on-path.js';
import { appHandlers } from './handlers/app-handlers.js';
import { outputHandlers } from './handlers/output-handlers.js';
import { remoteHandlers } from './handlers/remote-handlers.js';
import { runHandlers } from './handlers/run-handlers.js';
import { settingsHandlers } from './handlers/settings-handlers.js';
import { shellHandlers } from './handlers/shell-handlers.js';
import { sourceHandlers } from './handlers/source-handlers.js';
import { stepHandlers } from './handlers/step-handlers.js';
import { KindTarget } from './kind/kind-target.js';
import { Notices } from './notices.js';
import { OutputHub } from './output/output-hub.js';
import { ownKubectl } from './remote/own-kubectl.js';
import { RemoteTarget } from './remote/remote-target.js';
import { SwapGuard } from './remote/swap-guard.js';
import { ShellSessions } from './shell/shell-sessions.js';
import { addStartupNotices } from './startup-notices.js';
import type { CommandStepDefinition } from './steps/command-step.js';
import { StepRunner } from './steps/step-runner.js';
import { wizardStepsFor } from './steps/wizard-steps.js';
import { trackCurrentCluster } from './store/current-cluster.js';
import { HistoryStore } from './store/history-store.js';
import { SettingsStore } from './store/settings-store.js';
import { TestRunStore } from './store/test-run-store.js';
import { linuxDistro } from './tools/linux-distro.js';
import { loginShellPath } from './tools/login-shell-path.js';
import { engineSearchPath } from './tools/search-path.js';

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

/**
 * The app without its window: steps, processes, output, persistence. Electron and browser mode
 * both wrap it. This is the composition root: it builds the parts and wires them, nothing more.
 */
export class Engine {
  private readonly handlers: Handlers;

  private constructor(private readonly parts: EngineParts) {
    this.handlers = {
      ...appHandlers(parts),
      ...stepHandlers(parts),
      ...outputHandlers(parts),
      ...shellHandlers(parts),
      ...sourceHandlers(),
      ...runHandlers(parts),
      ...remoteHandlers(parts),
      ...settingsHandlers(parts),
    };
  }

  get steps(): StepRunner {
    return this.parts.steps;
  }

  get logDir(): string {
    return this.parts.info.logDir;
  }

  static async start(options: EngineOptions): Promise<Engine> {
    const { dataDir } = options;
    const logDir = path.join(dataDir, 'logs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
    await mkdir(logDir, { recursive: true, mode: 0o700 });
    const binDir = path.join(dataDir, 'bin');
    await mkdir(binDir, { recursive: true, mode: 0o755 });
    const broadcaster = new Broadcaster();
    const notices = new Notices(broadcaster);
    const settings = await SettingsStore.open(dataDir);
    settings.store.onChange = (saved) => broadcaster.send('settings:changed', saved);
    const history = await HistoryStore.open(dataDir);
    const hub = new OutputHub(logDir);
    const searchPath = engineSearchPath(binDir, options.skipLoginShell ? undefined : loginShellPath);
    const env = (): Record<string, string> => ({ PATH: searchPath().join(path.delimiter) });
    const kubectlFor = (kubeconfig: string, context: string) => ownKubectl(settings.store.get().toolPaths.kubectl || findOnPath('kubectl', searchPath()) || 'kubectl', kubeconfig, context, env());
    const remoteStatusChanged = (): void => {
      const status = guard.status();
      if (!status.journal && !status.corrupt) notices.clear('remote-swap');
      broadcaster.send('remote:updated', status);
    };
    const guard: SwapGuard = await SwapGuard.open({ dataDir, hub, kubectlFor, onChange: () => remoteStatusChanged(), onProblem: (message) => notices.add('error', message, 'remote-swap') });
    const targets: ClusterTargets = { kind: new KindTarget(), remote: new RemoteTarget(guard) };
    const currentCluster = await trackCurrentCluster(dataDir);
    const runs = new TestRunStore(dataDir);
    const hardwareArch = options.electronTranslated ? 'arm64' : normalizeArch(os.machine());
    const steps = new StepRunner({
      hub,
      dataDir,
      binDir,
      searchPath,
      settings: () => settings.store.get(),
      platform: { os: process.platform, arch: hardwareArch, distro: process.platform === 'linux' ? await linuxDistro() : undefined },
      electronTranslated: options.electronTranslated,
      catalog: wizardSteps,
      steps: wizardStepsFor({ targets, guard, downloadStallMs: options.downloadStallMs, extraSteps: options.extraSteps }),
      gate: (stepId) => guard.refusal(stepId),
      onUpdate: (info) => {
        currentCluster.stepChanged(info);
        stepChanged(info);
      },
      grace: options.grace,
    });
    const stepChanged = (info: StepInfo): void => {
      broadcaster.send('steps:updated', info);
      if (info.state !== 'done') return;
      history.store.record(info).catch((error: Error) => notices.add('error', `Could not save the run history: ${error.message}`));
      if (info.id === 'test') void runs.latest().then((latest) => broadcaster.send('runs:changed', { latest }), () => undefined);
    };
    const shells = new ShellSessions({
      hub,
      // The Shell tab opens where the user said, else in the checkout, else at home.
      defaultCwd: () => settings.store.get().shellCwd || settings.store.get().sourceDir,
      // The Shell tab talks to the cluster the Cluster step set up, through the app's own kubeconfig.
      env: () => {
        const kubeconfig = currentCluster.get()?.kubeconfig;
        return { ...options.shellEnv, ...env(), ...(kubeconfig ? { KUBECONFIG: kubeconfig } : {}) };
      },
    });
    const info = { version: options.version, shell: options.shell, dataDir, logDir };
    const engine = new Engine({ info, settings: settings.store, history: history.store, hub, steps, shells, runs, guard, notices, broadcaster, searchPath });
    await addStartupNotices(notices, { dataDir, guard, problems: [settings.problem, history.problem] });
    return engine;
  }

  connect(client: ClientConnection): EngineSession {
    this.parts.broadcaster.clients.add(client);
    return {
      request: (channel, input) => dispatch(this.handlers, channel, input, client),
      close: () => {
        this.parts.broadcaster.clients.delete(client);
        this.parts.hub.disconnect(client);
      },
    };
  }

  /**
   * The machine is about to sleep: steps stop, and a remote cluster gets its own scheduler back
   * (the app keeps running; the Cluster step swaps again afterwards).
   */
  async giveBackCluster(say: (line: string) => void = () => undefined): Promise<void> {
    await this.parts.steps.shutdown();
    if (this.parts.guard.outstanding) this.parts.notices.add('info', 'The computer is going to sleep: giving the remote cluster its scheduler back. Run the Cluster step again afterwards.');
    await this.parts.guard.restoreOnQuit(say);
  }

  /**
   * Stops every step and shell and waits for their processes to end; then, if a remote cluster's
   * scheduler is swapped out, gives it back before the app exits (`say` shows how it goes).
   */
  async shutdown(say: (line: string) => void = () => undefined): Promise<void> {
    await Promise.all([this.parts.steps.shutdown(), this.parts.shells.closeAll()]);
    if (this.parts.guard.outstanding) this.parts.notices.add('info', 'Restoring the remote cluster\'s scheduler before quitting…');
    await this.parts.guard.restoreOnQuit(say);
    await this.parts.history.flushed();
  }
}
