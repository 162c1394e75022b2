import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings/settings.js';
import { OutputHub } from '../../electron/engine/output/output-hub.js';
import { answersPath } from '../../electron/engine/steps/show-answer.js';
import { StepRunner } from '../../electron/engine/steps/step-runner.js';
import type { Step, StepContext } from '../../electron/engine/steps/step.js';
import { useTempDir } from '../support/use-temp-dir.js';

/** A step that runs what the app runs to read an answer: a long one, a short one, and one with many paths. */
class ReadingStep implements Step {
  readonly id = 'script-reading';
  readonly title = 'Reading';
  readonly answers: string[] = [];

  async execute(context: StepContext): Promise<void> {
    const long = await context.run({ argv: [process.execPath, '-e', 'for (let i = 1; i <= 5000; i++) console.log(`{"line": ${i}}`)'] }, { terminal: 'pipe', shows: 'summary' });
    const short = await context.run({ argv: [process.execPath, '-e', 'console.log("deployment.apps/scheduler scaled")'] }, { terminal: 'pipe', shows: 'summary' });
    const paths = Array.from({ length: 2000 }, (_, i) => `pkg/p${i}/`);
    await context.run({ argv: [process.execPath, '-e', 'process.stderr.write("warning: said on stderr\\n")', '--', ...paths] }, { terminal: 'pipe', shows: 'summary' });
    this.answers.push(long.stdout, short.stdout);
  }
}

describe("the app's own reading commands in the step's terminal", () => {
  const temp = useTempDir('answers');

  it('show a short answer as is, keep a long one in the answers file with one line about it, and shorten a command naming thousands of paths', async () => {
    const step = new ReadingStep();
    const runner = new StepRunner({
      hub: new OutputHub(temp.dir),
      dataDir: temp.dir,
      binDir: temp.dir,
      searchPath: () => (process.env.PATH ?? '').split(path.delimiter),
      settings: () => defaultSettings,
      platform: { os: process.platform, arch: 'amd64' },
      catalog: [],
      steps: [step],
      onUpdate: () => undefined,
    });
    runner.start('script-reading');
    const info = await runner.settled('script-reading');
    expect(info.outcome).toBe('success');
    const log = await readFile(info.logPath ?? '', 'utf8');
    // The step still reads every byte of its answer.
    expect(step.answers[0]?.split('\n').filter(Boolean)).toHaveLength(5000);
    expect(log).not.toContain('{"line": 1}');
    const bytes = Array.from({ length: 5000 }, (_, i) => `{"line": ${i + 1}}\n`).join('').length;
    expect(log).toContain(`(5,000 lines the app reads, ${bytes.toLocaleString('en')} bytes: kept in ${answersPath(info.logPath ?? '')})`);
    const answers = await readFile(answersPath(info.logPath ?? ''), 'utf8');
    expect(answers.split('\n').filter((line) => line.startsWith('{"line"'))).toHaveLength(5000);
    expect(log).toContain('deployment.apps/scheduler scaled');
    expect(log).toContain('warning: said on stderr');
    expect(log).toContain('-- … (2,000 paths; the full command is in the step\'s Commands list)');
    expect(log).not.toContain('pkg/p1999/');
    // The Commands list keeps the whole argv.
    expect(info.commands[2]?.argv).toHaveLength(2004);
  });
});
