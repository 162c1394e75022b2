import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { orphanReaper } from './orphan-reaper.js';

/**
 * One long-running server the harness started: its own process group, stdout and stderr
 * appended to a log file. stop() sends SIGTERM to the group, SIGKILL after a grace period, and
 * returns once the process is gone. Every live one is listed in `running`, so an exit handler
 * can still kill them synchronously when the harness exits abruptly, and each group is reported
 * to the orphan reaper, which kills it if the harness is killed outright.
 */
export class ManagedProcess {
  static readonly running = new Set<ManagedProcess>();

  readonly pid: number;
  private readonly exited: Promise<void>;
  private exitDescription: string | undefined;

  private constructor(
    readonly name: string,
    readonly argv: readonly string[],
    readonly logFile: string,
    private readonly child: ChildProcess,
  ) {
    if (child.pid === undefined) throw new Error(`${name} did not start`);
    this.pid = child.pid;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitDescription = signal ? `killed by ${signal}` : `exited with code ${code}`;
        ManagedProcess.running.delete(this);
        orphanReaper.forget(this.pid);
        resolve();
      });
    });
    ManagedProcess.running.add(this);
    orphanReaper.watch(this.pid);
  }

  static async start(name: string, argv: readonly string[], logFile: string, env: NodeJS.ProcessEnv = process.env): Promise<ManagedProcess> {
    const [command, ...args] = argv;
    if (!command) throw new Error(`${name}: empty argv`);
    const log = createWriteStream(logFile, { flags: 'a' });
    await new Promise<void>((resolve, reject) => {
      log.once('open', () => resolve());
      log.once('error', reject);
    });
    log.write(`# ${JSON.stringify(argv)}\n`);
    // detached: a group of its own, so a signal for the group reaches anything it forks too.
    const child = spawn(command, args, { detached: true, stdio: ['ignore', log, log], env });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    log.close();
    return new ManagedProcess(name, argv, logFile, child);
  }

  /** Undefined while the process runs; afterwards how it ended. */
  get exit(): string | undefined {
    return this.exitDescription;
  }

  async stop(graceMs = 10_000): Promise<void> {
    if (this.exitDescription !== undefined) return;
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    // Anything the process left in its group goes too.
    this.signal('SIGKILL');
  }

  /** Synchronous last resort for process 'exit' handlers. */
  killNow(): void {
    this.signal('SIGKILL');
  }

  async logTail(lines = 40): Promise<string> {
    const text = await readFile(this.logFile, 'utf8').catch(() => '');
    return text.split('\n').slice(-lines).join('\n');
  }

  private signal(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.pid, signal);
    } catch {
      // the group is already gone
    }
  }
}
