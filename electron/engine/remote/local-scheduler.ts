import { request } from 'node:https';
import { TailText } from '../../../shared/output/tail-text.js';
import type { RunningCommand } from '../exec/command.js';
import { startPipeCommand } from '../exec/pipe-command.js';
import { supervisedArgv } from '../exec/supervised-argv.js';
import type { OutputStream } from '../output/output-stream.js';
import { localSchedulerArgv, type LocalSchedulerSpec } from '../../../shared/remote/local-scheduler-argv.js';

export type { LocalSchedulerSpec };

/**
 * The locally built kube-scheduler as a supervised process: its output goes to a stream the
 * terminal shows, its /healthz can be asked, and an exit nobody asked for is reported at once.
 */
export class LocalScheduler {
  private stopping = false;
  private hasExited = false;
  readonly exited: Promise<{ exitCode?: number; signal?: string }>;

  private constructor(
    readonly spec: LocalSchedulerSpec,
    private readonly command: RunningCommand,
    readonly stream: OutputStream,
    /** The last of its output, for the message when it dies. */
    readonly tail: TailText,
    onUnexpectedExit: (how: string, lastLines: string) => void,
  ) {
    this.exited = command.finished.then((exit) => {
      this.hasExited = true;
      const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.exitCode ?? '?'}`;
      stream.note(`\r\n\x1b[33mThe local kube-scheduler ${how}.\x1b[0m\r\n`);
      void stream.end({}).catch(() => undefined);
      if (!this.stopping) onUnexpectedExit(how, this.tail.snapshot().text.split('\n').slice(-15).join('\n'));
      return exit;
    });
  }

  static start(spec: LocalSchedulerSpec, stream: OutputStream, onUnexpectedExit: (how: string, lastLines: string) => void): LocalScheduler {
    const argv = localSchedulerArgv(spec);
    stream.note(`\x1b[1;36m$ ${argv.join(' ')}\x1b[0m\r\n`);
    const tail = new TailText(16_000);
    // Under the supervisor, it ends when the app's process goes away, even by kill -9.
    const command = startPipeCommand({ argv: supervisedArgv(argv) }, (chunk) => {
      stream.write(chunk);
      tail.append(chunk.toString('utf8'));
    }, { interruptMs: 5_000, terminateMs: 5_000 }, { holdStdin: true });
    return new LocalScheduler(spec, command, stream, tail, onUnexpectedExit);
  }

  get pid(): number {
    return this.command.pid;
  }

  get running(): boolean {
    return this.command.pid > 0 && !this.hasExited;
  }

  /** Stops it on purpose (SIGINT, then harder); resolves once it is gone. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.command.cancel();
    await this.exited;
  }

  /** Waits until /healthz answers ok, the process dies, or the time runs out. */
  async waitHealthy(timeoutMs: number, signal?: AbortSignal): Promise<'healthy' | 'exited' | 'timeout'> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.hasExited) return 'exited';
      if (signal?.aborted) return 'timeout';
      if (await healthz(this.spec.port)) return 'healthy';
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return this.hasExited ? 'exited' : 'timeout';
  }
}

/** True when https://127.0.0.1:<port>/healthz answers 200 "ok" (its certificate is self-signed). */
export function healthz(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', method: 'GET', rejectUnauthorized: false, timeout: 2_000 }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(res.statusCode === 200 && body.trim() === 'ok'));
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}
