import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import { findTool } from '../../electron/engine/tools/find-tool.js';
import { wellKnownToolFolders } from '../../electron/engine/tools/search-path.js';
import { normalizeArch } from '../../shared/host/normalize-arch.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import type { ToolchainFacts } from '../../shared/toolchain/tool-report.js';
import { goBinaries } from '../support/go-binaries.js';
import { RecordingClient } from '../support/recording-client.js';
import { useTempDir } from '../support/use-temp-dir.js';

const hostArch = normalizeArch(os.machine());
const searchPath = [...(process.env.PATH ?? '').split(path.delimiter), ...wellKnownToolFolders()];

async function runToolchain(dataDir: string, settings: Record<string, unknown> = {}): Promise<{ info: StepInfo; facts: ToolchainFacts }> {
  await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings));
  const engine = await Engine.start({ dataDir, shell: 'browser', version: 'test', skipLoginShell: true });
  expect((await engine.connect(new RecordingClient()).request('steps:run', { stepId: 'toolchain' })).ok).toBe(true);
  const info = await engine.steps.settled('toolchain');
  await engine.shutdown();
  if (info.result?.kind !== 'toolchain') throw new Error(`no toolchain facts: ${info.error?.message}`);
  return { info, facts: info.result.facts };
}

describe('the Toolchain step on this machine', () => {
  const temp = useTempDir('toolchain');
  let foreign: string;
  beforeAll(async () => {
    const binaries = await goBinaries();
    foreign = hostArch === 'arm64' ? binaries['linux-amd64'] : binaries['linux-arm64'];
  }, 15 * 60_000);

  it('finds the real tools, reads their versions and headers, and says what is wrong with the fix', async () => {
    const { info, facts } = await runToolchain(temp.dir);
    expect(facts.hardware).toEqual({ os: process.platform, arch: hostArch });
    expect(facts.tools.map((t) => t.name)).toEqual(['docker', 'go', 'git', 'make', 'kubectl', 'kind']);

    for (const tool of facts.tools) {
      const expected = findTool(tool.name, [path.join(temp.dir, 'bin'), ...searchPath]).path;
      expect(tool.path, tool.name).toBe(expected);
      if (!expected) expect(tool).toMatchObject({ verdict: 'missing', fix: expect.any(String) });
    }
    const git = facts.tools.find((t) => t.name === 'git');
    expect(git).toMatchObject({ verdict: 'ok', binary: `linux/${hostArch} (ELF)` });
    expect(execFileSync('git', ['--version'], { encoding: 'utf8' })).toContain(git?.version ?? '?');
    const go = facts.tools.find((t) => t.name === 'go');
    if (go?.path) expect(go.version).toBe(/go version (go\S+)/.exec(execFileSync(go.path, ['version'], { encoding: 'utf8' }))?.[1]);

    // This machine has the docker client but no engine: the table must say so, with the start command.
    const docker = facts.tools.find((t) => t.name === 'docker');
    if (docker?.path && facts.docker?.reachable === false) {
      expect(docker.verdict).toBe('problem');
      expect(docker.messages.join(' ')).toMatch(/Docker daemon does not answer/);
      expect(docker.fix).toMatch(/systemctl start docker/);
    }
    expect(info.commands.map((c) => c.argv.slice(1).join(' '))).toEqual(expect.arrayContaining(['version', '--version', 'info --format {{json .}}']));
  });

  it('flags a tool built for another CPU, with the exec format error explained, and fails the step', async () => {
    const fakeDir = path.join(temp.dir, 'foreign');
    await mkdir(fakeDir);
    const kubectl = path.join(fakeDir, 'kubectl');
    await copyFile(foreign, kubectl);
    const { info, facts } = await runToolchain(temp.dir, { toolPaths: { kubectl } });
    const report = facts.tools.find((t) => t.name === 'kubectl');
    expect(report).toMatchObject({ path: kubectl, verdict: 'problem', binary: expect.stringMatching(/^linux\/(arm64|amd64) \(ELF\)$/) });
    expect(report?.messages.join(' ')).toMatch(/exec format error/);
    expect(report?.fix).toBeTruthy();
    expect(info.outcome).toBe('failure');
    expect(info.error?.message).toMatch(/kubectl \(problem\)/);
  });

  it('once a checkout is chosen, the go row says what its .go-version means here', async () => {
    const checkout = path.join(temp.dir, 'k8s');
    await mkdir(checkout);
    await writeFile(path.join(checkout, '.go-version'), '1.19.0\n');
    const { facts } = await runToolchain(temp.dir, { sourceDir: checkout });
    const go = facts.tools.find((t) => t.name === 'go');
    if (!go?.path) return;
    expect(go.messages.join(' ')).toMatch(new RegExp(`The checkout at ${checkout}: The tree asks for go1\\.19\\.0; the local go is go[\\d.]+, so Go will download go1\\.19\\.0`));
  });

  it('a tool path set to something that is not there is reported as missing', async () => {
    const { facts } = await runToolchain(temp.dir, { toolPaths: { git: '/nowhere/git' } });
    expect(facts.tools.find((t) => t.name === 'git')?.verdict).toBe('missing');
  });
});
