import path from 'node:path';
import { type ApiClient } from './api-client.js';
import { freePort } from '../../electron/engine/net/free-port.js';
import { ManagedProcess } from './managed-process.js';
import { schedulerDeploymentPath } from './scheduler-deployment.js';

interface DeploymentLike {
  spec?: { replicas?: number };
}

/**
 * Keeps a real kube-scheduler process in step with the kube-system/scheduler Deployment: running
 * while it asks for one or more replicas, stopped (SIGTERM, which makes it release its
 * kube-system/kube-scheduler lease) while it asks for none or is gone. It polls the Deployment
 * over the API twice a second; a scheduler that dies on its own while wanted is started again.
 */
export class SchedulerFollower {
  private process: ManagedProcess | undefined;
  private timer: NodeJS.Timeout | undefined;
  private busy: Promise<void> = Promise.resolve();
  private stopped = false;
  /** Every start, for tests and the log: the pid of each scheduler process in order. */
  readonly history: number[] = [];

  constructor(
    private readonly api: ApiClient,
    private readonly options: { binary: string; kubeconfig: string; logDir: string; log: (line: string) => void },
  ) {}

  /** The running scheduler's pid, if one runs. */
  get pid(): number | undefined {
    return this.process?.exit === undefined ? this.process?.pid : undefined;
  }

  /** Brings the process in line once, then keeps doing so in the background. */
  async start(): Promise<void> {
    await this.reconcile();
    this.timer = setInterval(() => {
      this.busy = this.busy.then(() => this.reconcile()).catch((error: unknown) => this.options.log(`scheduler follower: ${String(error)}`));
    }, 500);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.busy.catch(() => undefined);
    await this.process?.stop();
    this.process = undefined;
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    const deployment = await this.api.find<DeploymentLike>(schedulerDeploymentPath);
    const wanted = (deployment?.spec?.replicas ?? 0) > 0;
    const running = this.pid !== undefined;
    if (wanted && !running) {
      if (this.process) this.options.log(`kube-scheduler (pid ${this.process.pid}) ${this.process.exit}; starting it again`);
      await this.launch();
    } else if (!wanted && running && this.process) {
      this.options.log(`kube-system/scheduler scaled to 0: stopping kube-scheduler (pid ${this.process.pid})`);
      await this.process.stop();
      this.process = undefined;
    }
  }

  private async launch(): Promise<void> {
    const port = await freePort();
    const argv = [
      this.options.binary,
      `--kubeconfig=${this.options.kubeconfig}`,
      `--authentication-kubeconfig=${this.options.kubeconfig}`,
      `--authorization-kubeconfig=${this.options.kubeconfig}`,
      '--bind-address=127.0.0.1',
      `--secure-port=${port}`,
      '--leader-elect=true',
      '--leader-elect-resource-namespace=kube-system',
      '--leader-elect-resource-name=kube-scheduler',
      '--v=2',
    ];
    this.process = await ManagedProcess.start('kube-scheduler', argv, path.join(this.options.logDir, 'kube-scheduler.log'));
    this.history.push(this.process.pid);
    this.options.log(`kube-system/scheduler wants replicas: started kube-scheduler (pid ${this.process.pid})`);
  }
}
