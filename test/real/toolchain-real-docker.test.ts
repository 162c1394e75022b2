import { realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import { findOnPath } from '../../electron/engine/exec/find-on-path.js';
import { readBinaryHeader } from '../../electron/engine/tools/read-binary-header.js';
import { normalizeArch } from '../../shared/host/normalize-arch.js';
import { assessDocker } from '../../shared/toolchain/assess-docker.js';
import { assessTool } from '../../shared/toolchain/assess-tool.js';
import type { FixPlatform } from '../../shared/toolchain/fix-command.js';
import { parseDockerInfo } from '../../shared/toolchain/parse-docker-info.js';
import { parseToolVersion, versionArgv } from '../../shared/toolchain/parse-tool-version.js';
import type { ToolchainFacts } from '../../shared/toolchain/tool-report.js';
import { acquireDockerEngine, type DockerEngine, type DockerEngineLease } from '../support/docker-engine.js';
import { RecordingClient } from '../support/recording-client.js';
import { tempDir } from '../support/temp-dir.js';

// The Toolchain step (electron/engine/steps/toolchain-step.ts) asks the client `docker version
// --format '{{json .}}'` (versionArgv) and the daemon `docker info --format '{{json .}}'`. Here both go
// to a real dockerd (Debian's docker.io 20.10) and the app's own parsers read what it answered.

const hostArch = normalizeArch(os.machine());
const platform: FixPlatform = { os: 'linux', arch: hostArch, distro: 'debian' };
const infoArgs = ['info', '--format', '{{json .}}'];

/**
 * Every distinct docker client here: Debian's, which matches the daemon, and whichever is first on
 * PATH when that is another binary (this machine has a newer one in /usr/local/bin: the API version
 * is negotiated down, and the app must read both the same).
 */
function clients(debian: string): string[] {
  const onPath = findOnPath('docker', (process.env.PATH ?? '').split(path.delimiter));
  const list = [debian];
  if (onPath && realpathSync(onPath) !== realpathSync(debian)) list.push(onPath);
  return list;
}

describe('the Toolchain step reads a real Docker engine', () => {
  let lease: DockerEngineLease;
  let engine: DockerEngine;
  let serverVersion: string;

  beforeAll(async () => {
    lease = await acquireDockerEngine();
    engine = lease.engine;
    // What the daemon binary itself says it is: "Docker version 20.10.24+dfsg1, build 5d6db84".
    const dockerd = await execa('/usr/sbin/dockerd', ['--version']);
    serverVersion = /^Docker version ([^,\s]+)/.exec(dockerd.stdout)?.[1] ?? '';
    expect(serverVersion, dockerd.stdout).not.toBe('');
  }, 20 * 60_000);
  afterAll(async () => {
    await lease?.release();
  }, 120_000);

  it('the pure parsers read the real `docker version` and `docker info` JSON of every client here', async () => {
    const expectedMemory = os.totalmem();
    for (const client of clients(engine.client)) {
      const version = await execa(client, versionArgv.docker.slice(1), { env: engine.env, reject: false });
      expect(version.exitCode, `${client}: ${version.stderr}`).toBe(0);
      const plain = /^Docker version ([^,\s]+)/.exec((await execa(client, ['--version'])).stdout)?.[1];
      expect(parseToolVersion('docker', `${version.stdout}\n${version.stderr}`), client).toEqual({ version: plain, platform: `linux/${hostArch}` });
      expect((JSON.parse(version.stdout) as { Server?: { Version?: string } }).Server?.Version, client).toBe(serverVersion);

      const info = await execa(client, infoArgs, { env: engine.env, reject: false });
      const server = parseDockerInfo(info.stdout, info.exitCode ?? -1);
      expect(server, client).toMatchObject({ reachable: true, engine: 'Docker Engine', os: 'linux', arch: hostArch, serverVersion, cpus: os.cpus().length });
      // dockerd reads /proc/meminfo, Node sysinfo(2): the same memory, give or take rounding.
      expect(Math.abs((server.memoryBytes ?? 0) - expectedMemory) / expectedMemory, `${client}: ${server.memoryBytes} vs ${expectedMemory}`).toBeLessThan(0.01);

      const report = assessDocker(
        assessTool({ name: 'docker', path: client, header: await readBinaryHeader(client), versionOutput: version.stdout, versionExitCode: 0 }, platform),
        server,
        platform,
      );
      expect(report, client).toMatchObject({ verdict: 'ok', version: plain, binary: `linux/${hostArch} (ELF)` });
      expect(report.messages, client).toContain(`Server: Docker Engine ${serverVersion}, linux/${hostArch}, ${((server.memoryBytes ?? 0) / 1024 ** 3).toFixed(1)} GiB memory.`);
    }
  });

  it('the Toolchain step, run by the engine with DOCKER_HOST set, reports the server and passes docker', async () => {
    for (const client of clients(engine.client)) {
      const { facts, commands } = await runToolchainStep({ DOCKER_HOST: engine.host }, client);
      expect(facts.docker, client).toMatchObject({ reachable: true, engine: 'Docker Engine', os: 'linux', arch: hostArch, serverVersion });
      const docker = facts.tools.find((tool) => tool.name === 'docker');
      expect(docker, client).toMatchObject({ path: client, verdict: 'ok' });
      expect(docker?.messages.join(' '), client).toContain(`Server: Docker Engine ${serverVersion}, linux/${hostArch}`);
      expect(commands, client).toEqual(expect.arrayContaining([[client, ...versionArgv.docker.slice(1)], [client, ...infoArgs]]));
    }
  });

  it('a DOCKER_HOST where no daemon listens: every client is reported as not answering, with the client\'s own words', async () => {
    const nowhere = await tempDir('no-docker');
    try {
      const host = `unix://${path.join(nowhere.dir, 'docker.sock')}`;
      for (const client of clients(engine.client)) {
        const { facts } = await runToolchainStep({ DOCKER_HOST: host }, client);
        expect(facts.docker, client).toMatchObject({ reachable: false });
        const docker = facts.tools.find((tool) => tool.name === 'docker');
        expect(docker, client).toMatchObject({ verdict: 'problem', fix: expect.stringMatching(/systemctl start docker/) });
        expect(docker?.messages.join(' '), client).toMatch(new RegExp(`The Docker daemon does not answer: Cannot connect to the Docker daemon at ${host.replace(/[.+]/g, '\\$&')}`));
      }
    } finally {
      await nowhere.remove();
    }
  });
});

/** Runs the real Toolchain step in an Engine whose process environment has `env` and whose docker is `client`. */
async function runToolchainStep(env: Record<string, string>, client: string): Promise<{ facts: ToolchainFacts; commands: string[][] }> {
  const data = await tempDir('toolchain-docker');
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    await writeFile(path.join(data.dir, 'settings.json'), JSON.stringify({ toolPaths: { docker: client } }));
    const studio = await Engine.start({ dataDir: data.dir, shell: 'browser', version: 'test', skipLoginShell: true });
    try {
      expect((await studio.connect(new RecordingClient()).request('steps:run', { stepId: 'toolchain' })).ok).toBe(true);
      const info = await studio.steps.settled('toolchain');
      if (info.result?.kind !== 'toolchain') throw new Error(`no toolchain facts: ${info.error?.message}`);
      return { facts: info.result.facts, commands: info.commands.map((command) => [...command.argv]) };
    } finally {
      await studio.shutdown();
    }
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await data.remove();
  }
}
