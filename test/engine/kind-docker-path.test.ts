import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings/settings.js';
import { OutputHub } from '../../electron/engine/output/output-hub.js';
import { StepRunner } from '../../electron/engine/steps/step-runner.js';
import type { Step, StepContext } from '../../electron/engine/steps/step.js';
import { useTempDir } from '../support/use-temp-dir.js';

/** Runs `kind` and `git` the way steps do, and keeps the PATH each one was given. */
class PathsStep implements Step {
  readonly id = 'script-paths';
  readonly seen: Record<string, string> = {};

  async execute(context: StepContext): Promise<void> {
    for (const tool of ['kind', 'git']) this.seen[tool] = (await context.run({ argv: [tool] }, { terminal: 'pipe' })).stdout.trim();
  }
}

describe('the docker the settings name, for kind', () => {
  const temp = useTempDir('kind-docker');

  it("comes first on kind's PATH (kind runs docker from PATH), and changes no other command's", async () => {
    const printPath = path.join(temp.dir, 'print-path');
    await writeFile(printPath, '#!/bin/sh\necho "$PATH"\n');
    await chmod(printPath, 0o755);
    const docker = '/opt/my-docker/bin/docker';
    const step = new PathsStep();
    const searchPath = ['/data/bin', '/usr/bin', '/opt/my-docker/bin', '/bin'];
    const runner = new StepRunner({
      hub: new OutputHub(temp.dir),
      dataDir: temp.dir,
      binDir: temp.dir,
      searchPath: () => searchPath,
      settings: () => ({ ...defaultSettings, toolPaths: { kind: printPath, git: printPath, docker } }),
      platform: { os: process.platform, arch: 'amd64' },
      catalog: [],
      steps: [step],
      onUpdate: () => undefined,
    });
    runner.start('script-paths');
    expect((await runner.settled('script-paths')).outcome).toBe('success');
    expect(step.seen.kind).toBe(['/opt/my-docker/bin', '/data/bin', '/usr/bin', '/bin'].join(path.delimiter));
    expect(step.seen.git).toBe(searchPath.join(path.delimiter));
  });
});
