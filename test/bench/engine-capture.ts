import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { formatArgv } from '../../shared/commands/format-argv.js';
import { defaultSettings } from '../../shared/settings/settings.js';
import { OutputHub } from '../../electron/engine/output/output-hub.js';
import { CommandStep } from '../../electron/engine/steps/command-step.js';
import { StepRunner } from '../../electron/engine/steps/step-runner.js';
import { benchPaths } from './bench-paths.js';
import type { CaptureResult } from './capture-result.js';
import { firstDifference, sha256 } from './flood-pattern.js';

/**
 * The app's own capture path: a CommandStep run by the StepRunner, its output through the
 * OutputHub's stream into the step's log file. The log holds the runner's "$ argv" line first,
 * then the command's bytes; the bytes after that line must equal the flood exactly.
 */
export async function captureWithEngine(terminal: 'pty' | 'pipe', expected: Buffer, expectedSha: string): Promise<CaptureResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'studio-bench-capture-'));
  try {
    const argv = [process.execPath, benchPaths.floodChild, String(expected.length)];
    const runner = new StepRunner({
      hub: new OutputHub(dataDir),
      dataDir,
      binDir: dataDir,
      searchPath: () => (process.env.PATH ?? '').split(path.delimiter),
      settings: () => defaultSettings,
      platform: { os: process.platform, arch: process.arch },
      catalog: [],
      steps: [new CommandStep({ id: 'script-flood', title: 'Flood', summary: '', argv, cwd: benchPaths.root, terminal })],
      onUpdate: () => undefined,
    });
    const started = performance.now();
    runner.start('script-flood');
    const info = await runner.settled('script-flood');
    const seconds = (performance.now() - started) / 1000;
    if (!info.logPath) throw new Error('The step finished without a log file.');

    const log = await readFile(info.logPath);
    const header = Buffer.from(`\x1b[1;36m$ ${formatArgv(argv)}\x1b[0m\r\n`);
    const problems: string[] = [];
    if (info.outcome !== 'success') problems.push(`step ended as ${info.outcome ?? 'unknown'}${info.error ? `: ${info.error.message}` : ''}`);
    const headerEnd = log.indexOf('\r\n');
    if (!log.subarray(0, header.length).equals(header)) problems.push('the log does not start with the runner\'s "$ argv" line');
    const flood = headerEnd < 0 ? Buffer.alloc(0) : log.subarray(headerEnd + 2);
    const intact = flood.length === expected.length && sha256(flood) === expectedSha;
    if (!intact) {
      const at = firstDifference(flood, expected);
      problems.push(
        at === undefined
          ? `the captured bytes are a prefix of the flood: ${flood.length} of ${expected.length}`
          : `the capture differs from the flood from byte ${at} on (got ${JSON.stringify(flood.subarray(at, at + 24).toString('latin1'))})`,
      );
    }
    return {
      expectedBytes: expected.length,
      capturedBytes: flood.length,
      lostBytes: Math.max(0, expected.length - flood.length),
      intact,
      seconds,
      problem: problems.length > 0 ? problems.join('; ') : undefined,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
