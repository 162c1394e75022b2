import os from 'node:os';
import { AppError, toErrorInfo } from '../../../shared/errors/app-error.js';
import { tailLines } from '../../../shared/output/tail-lines.js';
import { formatArgv } from '../../../shared/commands/format-argv.js';
import type { CommandRecord, StepInfo } from '../../../shared/steps/step-info.js';
import type { StepDefinition } from '../../../shared/steps/step-catalog.js';
import type { StepId } from '../../../shared/steps/step-id.js';
import { diagnose } from '../../../shared/diagnosis/diagnose.js';
import type { Settings } from '../../../shared/settings/settings.js';
import type { FixPlatform } from '../../../shared/toolchain/fix-command.js';
import path from 'node:path';
import type { CommandSpec, RunningCommand } from '../exec/command.js';
import { startPipeCommand } from '../exec/pipe-command.js';
import { startPtyCommand } from '../exec/pty-command.js';
import type { TerminateGrace } from '../exec/terminate-tree.js';
import { ByteTail } from '../output/byte-tail.js';
import type { OutputHub } from '../output/output-hub.js';
import type { OutputStream } from '../output/output-stream.js';
import { showAnswer, terminalCommandLine } from './show-answer.js';
import type { CommandOptions, CommandOutcome, Step, StepContext } from './step.js';

/** Tools that start `docker` themselves, from PATH (kind: every provider call). */
const toolsThatRunDocker = new Set(['kind']);

export interface StepRunnerOptions {
  hub: OutputHub;
  dataDir: string;
  binDir: string;
  /** The search path for every command (app bin folder first); read when a step starts. */
  searchPath: () => readonly string[];
  settings: () => Settings;
  /** The platform fix commands are written for, in diagnoses. */
  platform: FixPlatform;
  electronTranslated?: boolean;
  /** The wizard in order; entries without an implementation are listed as not available. */
  catalog: readonly StepDefinition<StepId>[];
  steps: readonly Step[];
  /** Every change of any step is reported here. */
  onUpdate: (info: StepInfo) => void;
  /**
   * Asked before any step starts, whoever starts it (a click, a rerun, anything added later): a
   * reason means the step does not start, and the reason is the error the caller gets.
   */
  gate?: (stepId: StepId) => string | undefined;
  grace?: TerminateGrace;
}

const ptySize = { cols: 160, rows: 40 };

/**
 * Runs steps one at a time each, with status bracketed so that failure is the default:
 * a step is marked success only when it returns, and anything else that ends it is failure
 * or, when the user asked, cancelled.
 */
export class StepRunner {
  private readonly infos = new Map<StepId, StepInfo>();
  private readonly impls = new Map<StepId, Step>();
  private readonly controllers = new Map<StepId, AbortController>();
  private readonly finishing = new Map<StepId, Promise<void>>();
  private runCounter = 0;

  constructor(private readonly options: StepRunnerOptions) {
    for (const step of options.steps) this.impls.set(step.id, step);
    const extras = options.steps.filter((step) => !options.catalog.some((entry) => entry.id === step.id));
    const listed: StepDefinition<StepId>[] = [...options.catalog, ...extras.map((step) => ({ id: step.id, title: step.title ?? step.id, summary: step.summary ?? '' }))];
    for (const entry of listed) {
      const available = this.impls.has(entry.id);
      this.infos.set(entry.id, {
        id: entry.id,
        title: entry.title,
        summary: entry.summary,
        available,
        unavailableReason: available ? undefined : 'Not part of this build yet.',
        state: 'pending',
        commands: [],
      });
    }
  }

  list(): StepInfo[] {
    return [...this.infos.values()].map((info) => structuredClone(info));
  }

  get(stepId: StepId): StepInfo {
    const info = this.infos.get(stepId);
    if (!info) throw new AppError(`There is no step named "${stepId}".`);
    return structuredClone(info);
  }

  /** Why the step may not start now (the gate's answer), or undefined. */
  refusal(stepId: StepId): string | undefined {
    return this.options.gate?.(stepId);
  }

  /** Starts a step and returns at once; progress arrives through onUpdate. */
  start(stepId: StepId, options: { force?: boolean } = {}): StepInfo {
    const info = this.infos.get(stepId);
    const step = this.impls.get(stepId);
    if (!info) throw new AppError(`There is no step named "${stepId}".`);
    if (!step) throw new AppError(`The ${info.title} step is not part of this build yet.`);
    if (info.state === 'running') throw new AppError(`The ${info.title} step is already running.`);
    const refusal = this.options.gate?.(stepId);
    if (refusal) throw new AppError(refusal);

    const controller = new AbortController();
    const stream = this.options.hub.create(`step-${stepId}-${++this.runCounter}`);
    Object.assign(info, {
      state: 'running',
      outcome: undefined,
      startedAt: Date.now(),
      endedAt: undefined,
      commands: [],
      error: undefined,
      result: undefined,
      progress: undefined,
      diagnoses: undefined,
      cancelRequested: undefined,
      streamId: stream.id,
      logPath: stream.logPath,
    } satisfies Partial<StepInfo>);
    this.controllers.set(stepId, controller);
    this.changed(info);
    const done = this.execute(step, info, stream, controller.signal, options.force ?? false).finally(() => {
      this.controllers.delete(stepId);
      this.finishing.delete(stepId);
    });
    this.finishing.set(stepId, done);
    return structuredClone(info);
  }

  /** Asks a running step to stop. Answers at once; the step ends as cancelled once its processes are gone. */
  cancel(stepId: StepId): StepInfo {
    const info = this.infos.get(stepId);
    if (!info) throw new AppError(`There is no step named "${stepId}".`);
    const controller = this.controllers.get(stepId);
    if (info.state === 'running' && controller && !controller.signal.aborted) {
      info.cancelRequested = true;
      this.changed(info);
      controller.abort();
    }
    return structuredClone(info);
  }

  /** Resolves when the step is no longer running. */
  async settled(stepId: StepId): Promise<StepInfo> {
    await this.finishing.get(stepId);
    return this.get(stepId);
  }

  /** Cancels every running step and waits for them (used when the app quits). */
  async shutdown(): Promise<void> {
    for (const stepId of this.controllers.keys()) this.cancel(stepId);
    await Promise.all([...this.finishing.values()]);
  }

  private async execute(step: Step, info: StepInfo, stream: OutputStream, signal: AbortSignal, force: boolean): Promise<void> {
    const searchPath = this.options.searchPath();
    const settings = this.options.settings();
    const context = this.contextFor(info, stream, signal, searchPath, settings, force);
    try {
      await step.execute(context);
      if (signal.aborted) throw new AppError('Cancelled.', 'cancelled');
      info.outcome = 'success';
    } catch (error) {
      const errorInfo = toErrorInfo(error);
      info.outcome = errorInfo.kind === 'cancelled' || signal.aborted ? 'cancelled' : 'failure';
      if (info.outcome === 'failure') {
        info.error = errorInfo;
        stream.note(`\r\n\x1b[31m${errorInfo.message}\x1b[0m\r\n`);
        stream.flush();
        const evidence = [errorInfo.message, errorInfo.stderrTail ?? '', stream.tail.snapshot().text.slice(-64 * 1024)].join('\n');
        const diagnoses = [...(info.diagnoses ?? []), ...diagnose(evidence, this.options.platform)];
        if (diagnoses.length > 0) info.diagnoses = diagnoses;
      } else {
        stream.note('\r\n\x1b[33mCancelled.\x1b[0m\r\n');
      }
    } finally {
      info.outcome ??= 'failure';
      info.progress = undefined;
      await stream.end({}).catch(() => undefined);
      info.state = 'done';
      info.endedAt = Date.now();
      this.changed(info);
    }
  }

  private contextFor(info: StepInfo, stream: OutputStream, signal: AbortSignal, searchPath: readonly string[], settings: Settings, force: boolean): StepContext {
    return {
      signal,
      force,
      logPath: stream.logPath,
      dataDir: this.options.dataDir,
      homeDir: os.homedir(),
      binDir: this.options.binDir,
      searchPath,
      settings,
      electronTranslated: this.options.electronTranslated,
      setProgress: (progress) => {
        info.progress = progress;
        this.changed(info);
      },
      print: (line) => stream.line(line),
      addDiagnoses: (diagnoses) => {
        info.diagnoses = [...(info.diagnoses ?? []), ...diagnoses.filter((d) => !info.diagnoses?.some((known) => known.id === d.id))];
        this.changed(info);
      },
      setResult: (result) => {
        info.result = result;
        this.changed(info);
      },
      run: (spec, options) => this.runCommand(info, stream, signal, this.withToolPath(spec, settings, searchPath), options),
    };
  }

  private async runCommand(
    info: StepInfo,
    stream: OutputStream,
    signal: AbortSignal,
    spec: CommandSpec,
    options: CommandOptions = {},
  ): Promise<CommandOutcome> {
    if (signal.aborted) throw new AppError('Cancelled.', 'cancelled');
    const terminal = options.terminal ?? 'pty';
    const fullSpec = spec;
    const record: CommandRecord = { argv: [...spec.argv], cwd: spec.cwd, startedAt: Date.now() };
    info.commands.push(record);
    this.changed(info);
    const header = `\x1b[1;36m$ ${terminalCommandLine(spec.argv)}\x1b[0m`;
    // A command run together with others is shown as one block when it ends: no interleaving.
    const together = terminal === 'pipe' && options.together === true;
    const held: Buffer[] = [];
    const show = (chunk: Buffer): void => {
      if (together) held.push(chunk);
      else stream.write(chunk);
    };
    if (!together) stream.line(header);

    const errTail = new ByteTail(16_000);
    const decoder = options.onOutput ? new TextDecoder() : undefined;
    const observe = (chunk: Buffer): void => {
      if (decoder && options.onOutput) options.onOutput(decoder.decode(chunk, { stream: true }));
    };
    const grace = options.grace ?? this.options.grace;
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const summarised = terminal === 'pipe' && options.shows === 'summary';
    const keep = options.readsOutput !== false;
    let command: RunningCommand;
    try {
      command =
        terminal === 'pty'
          ? startPtyCommand(fullSpec, (chunk) => {
              stream.write(chunk);
              errTail.append(chunk);
              observe(chunk);
            }, ptySize, grace)
          : startPipeCommand(fullSpec, (chunk, source) => {
              if (!summarised || source !== 'stdout') show(chunk);
              observe(chunk);
              if (source === 'stdout') {
                if (keep) stdout.push(chunk);
              } else {
                if (keep) stderr.push(chunk);
                errTail.append(chunk);
              }
            }, grace);
    } catch (error) {
      record.endedAt = Date.now();
      this.changed(info);
      if (together) stream.line(header);
      throw error;
    }

    let cancelling: Promise<void> | undefined;
    const onAbort = (): void => {
      cancelling = command.cancel();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    // The log file sets the pace when the disk is slower than the command (output-stream.ts).
    const unpace = stream.onLogPressure((behind) => (behind ? command.pause() : command.resume()));
    const exit = await command.finished;
    unpace();
    signal.removeEventListener('abort', onAbort);
    await cancelling;

    Object.assign(record, { endedAt: Date.now(), exitCode: exit.exitCode, signal: exit.signal });
    this.changed(info);
    if (together) {
      stream.line(header);
      for (const chunk of held) stream.write(chunk);
    }
    if (summarised) await showAnswer(stream, spec.argv, Buffer.concat(stdout));
    if (signal.aborted) throw new AppError('Cancelled.', 'cancelled');
    const exitCode = exit.exitCode ?? -1;
    const accepted = options.acceptExitCodes ?? [0];
    if (!accepted.includes(exitCode)) {
      const how = exit.signal ? `was killed by ${exit.signal}` : `failed with exit code ${exitCode}`;
      throw new AppError(`Command ${how}: ${formatArgv(spec.argv)}`, 'expected', {
        command: [...spec.argv],
        exitCode: exit.exitCode,
        signal: exit.signal,
        stderrTail: tailLines(errTail.text(), 20),
      });
    }
    // Joined and decoded only when a step reads them: a command step's 50 MiB flood never is.
    let text: { stdout: string; stderr: string } | undefined;
    const decoded = (): { stdout: string; stderr: string } => (text ??= { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    return {
      exitCode,
      get stdout() {
        return decoded().stdout;
      },
      get stderr() {
        return decoded().stderr;
      },
    };
  }

  /** Puts the search path in the command's environment and honours a tool path the user set. */
  private withToolPath(spec: CommandSpec, settings: Settings, searchPath: readonly string[]): CommandSpec {
    const [name = '', ...rest] = spec.argv;
    const explicit = name.includes('/') ? undefined : settings.toolPaths[name];
    // kind runs `docker` from PATH and has no flag naming it (kind v0.32.0,
    // pkg/cluster/internal/providers/docker: exec.Command("docker", …)), so the docker the settings
    // name comes first on PATH for kind: kind and the app then talk to the same engine.
    const runsDocker = [name, explicit].some((file) => file !== undefined && toolsThatRunDocker.has(path.basename(file)));
    const docker = runsDocker ? settings.toolPaths.docker : undefined;
    const folders = docker ? [path.dirname(docker), ...searchPath.filter((dir) => dir !== path.dirname(docker))] : searchPath;
    return {
      ...spec,
      argv: explicit ? [explicit, ...rest] : spec.argv,
      env: { PATH: folders.join(path.delimiter), ...spec.env },
    };
  }

  private changed(info: StepInfo): void {
    this.options.onUpdate(structuredClone(info));
  }
}
