import { execFile } from 'node:child_process';
import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import { normalizeArch } from '../../shared/host/normalize-arch.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { goBinaries } from '../support/go-binaries.js';
import { startKindReleaseServer, type KindReleaseServer, type Scenario } from '../support/kind-release-server.js';
import { realKind, testKindVersion } from '../support/real-kind.js';
import { RecordingClient } from '../support/recording-client.js';
import { useTempDir } from '../support/use-temp-dir.js';

const run = promisify(execFile);
const hostArch = normalizeArch(os.machine());
const asset = `kind-${process.platform}-${hostArch}`;
/** A stand-in for an older kind already installed: a script that answers `kind version` like kind v0.30.0. */
const previousKind = `#!/bin/sh\necho "kind v0.30.0 go1.24.6 ${process.platform}/${hostArch}"\n`;

describe('the Native kind step', () => {
  const temp = useTempDir('native-kind');
  let server: KindReleaseServer;

  beforeAll(async () => {
    const binaries = await goBinaries();
    const wrongArch = hostArch === 'arm64' ? binaries['linux-amd64'] : binaries['linux-arm64'];
    server = await startKindReleaseServer({ version: testKindVersion, asset, binary: await realKind(), wrongBinary: wrongArch });
  }, 15 * 60_000);
  afterAll(async () => server?.close());

  async function runKindStep(scenario: Scenario, options: { fallback?: boolean; previous?: boolean } = {}): Promise<{ info: StepInfo; binDir: string }> {
    const binDir = path.join(temp.dir, 'bin');
    await mkdir(binDir, { recursive: true });
    const target = path.join(binDir, 'kind');
    if (options.previous !== false) {
      await writeFile(target, previousKind);
      await chmod(target, 0o755);
    }
    await writeFile(
      path.join(temp.dir, 'settings.json'),
      JSON.stringify({ kindVersion: testKindVersion, kindDownloadBase: server.base(scenario), kindBuildFallback: options.fallback ?? false, toolPaths: { kind: target } }),
    );
    const engine = await Engine.start({ dataDir: temp.dir, shell: 'browser', version: 'test', skipLoginShell: true, downloadStallMs: 1500 });
    const reply = await engine.connect(new RecordingClient()).request('steps:run', { stepId: 'kind' });
    expect(reply.ok).toBe(true);
    const info = await engine.steps.settled('kind');
    await engine.shutdown();
    return { info, binDir };
  }

  const kindVersion = async (binDir: string): Promise<string> => (await run(path.join(binDir, 'kind'), ['version'])).stdout.trim();
  const leftovers = async (binDir: string): Promise<string[]> => (await readdir(binDir)).filter((name) => name !== 'kind');

  it('downloads the release for this hardware through the redirect, verifies it, and installs it', async () => {
    const { info, binDir } = await runKindStep('ok');
    expect(info.outcome, info.error?.message).toBe('success');
    expect(info.result).toMatchObject({ kind: 'kind-install', install: { action: 'downloaded', version: testKindVersion, path: path.join(binDir, 'kind'), binary: `${process.platform}/${hostArch} (ELF)` } });
    expect(await kindVersion(binDir)).toMatch(new RegExp(`^kind ${testKindVersion} `));
    expect(server.requests).toContain(`/ok/releases/download/${testKindVersion}/${asset}`);
    expect(await leftovers(binDir)).toEqual([]);
  });

  it('keeps a kind that is already native and the wanted version', async () => {
    await runKindStep('ok');
    const again = await runKindStep('missing', { previous: false });
    expect(again.info.outcome).toBe('success');
    expect(again.info.result).toMatchObject({ install: { action: 'kept', version: testKindVersion } });
  });

  it.each([
    ['bad-checksum', /checksum of kind-.* does not match/],
    ['wrong-binary', /not a linux\/\w+ executable/],
    ['html', /not an executable \(html\)/],
    ['truncated', /ended after \d+ of \d+ bytes|failed after \d+ bytes/],
    ['missing', /HTTP 404/],
    ['stall', /stalled: no data for 2 s/],
  ] as const)('refuses a %s download and leaves the previous kind working', async (scenario, message) => {
    const { info, binDir } = await runKindStep(scenario);
    expect(info.outcome).toBe('failure');
    expect(info.error?.message).toMatch(message);
    expect(await kindVersion(binDir)).toBe(`kind v0.30.0 go1.24.6 ${process.platform}/${hostArch}`);
    expect(await leftovers(binDir)).toEqual([]);
  });

  it('builds kind with go install when the download fails, for real', async () => {
    const { info, binDir } = await runKindStep('missing', { fallback: true });
    expect(info.outcome, info.error?.message).toBe('success');
    expect(info.result).toMatchObject({ install: { action: 'built', source: `go install sigs.k8s.io/kind@${testKindVersion}`, downloadProblem: expect.stringMatching(/HTTP 404/) } });
    expect(info.commands.map((c) => c.argv.slice(0, 3))).toContainEqual(['go', 'install', `sigs.k8s.io/kind@${testKindVersion}`]);
    expect(await kindVersion(binDir)).toMatch(new RegExp(`^kind ${testKindVersion} `));
    expect(await leftovers(binDir)).toEqual([]);
  }, 10 * 60_000);

  it('refuses /dl/latest/ and versions that are not releases, where they are entered', async () => {
    const engine = await Engine.start({ dataDir: temp.dir, shell: 'browser', version: 'test', skipLoginShell: true });
    const session = engine.connect(new RecordingClient());
    const latest = await session.request('settings:update', { kindDownloadBase: 'https://kind.sigs.k8s.io/dl/latest' });
    expect(latest).toMatchObject({ ok: false, error: { message: expect.stringMatching(/CI-only builds/) } });
    const head = await session.request('settings:update', { kindVersion: 'latest' });
    expect(head).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a kind release version/) } });
    const old = await session.request('settings:update', { kindVersion: 'v0.20.0' });
    expect(old).toMatchObject({ ok: false, error: { message: expect.stringMatching(/older than v0\.30\.0/) } });
  });
});
