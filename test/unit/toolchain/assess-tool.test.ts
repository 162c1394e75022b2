import { describe, expect, it } from 'vitest';
import type { BinaryHeader } from '../../../shared/binary/binary-header.js';
import { assessDocker } from '../../../shared/toolchain/assess-docker.js';
import { assessTool } from '../../../shared/toolchain/assess-tool.js';

const mac = { os: 'darwin', arch: 'arm64' };
const debian = { os: 'linux', arch: 'arm64', distro: 'debian' as const };
const elf = (arch: string): BinaryHeader => ({ kind: 'executable', format: 'elf', os: 'linux', arch, bits: 64 });
const macho = (arch: string): BinaryHeader => ({ kind: 'executable', format: 'macho', os: 'darwin', arch, bits: 64 });

describe('assessTool', () => {
  it('a missing tool gets the install command for the platform', () => {
    expect(assessTool({ name: 'kubectl' }, mac)).toMatchObject({ verdict: 'missing', fix: 'brew install kubectl' });
    expect(assessTool({ name: 'git' }, debian)).toMatchObject({ verdict: 'missing', fix: 'sudo apt-get install -y git' });
    expect(assessTool({ name: 'kind' }, debian).fix).toMatch(/Native kind step/);
  });

  it('a native, recent tool is ok', () => {
    const report = assessTool({ name: 'kind', path: '/opt/homebrew/bin/kind', header: macho('arm64'), versionOutput: 'kind v0.32.0 go1.26.8 darwin/arm64' }, mac);
    expect(report).toMatchObject({ verdict: 'ok', version: 'v0.32.0', binary: 'darwin/arm64 (Mach-O)' });
  });

  it('a Linux kind on a Mac is a problem that names the exec format error', () => {
    const report = assessTool({ name: 'kind', path: '/usr/local/bin/kind', header: elf('arm64'), versionOutput: '', versionExitCode: 126 }, mac);
    expect(report.verdict).toBe('problem');
    expect(report.messages.join(' ')).toMatch(/exec format error/);
  });

  it('an amd64 go under Rosetta is a problem: it builds for amd64', () => {
    const report = assessTool({ name: 'go', path: '/usr/local/go/bin/go', header: macho('amd64'), versionOutput: 'go version go1.26.8 darwin/amd64' }, mac);
    expect(report.verdict).toBe('problem');
    expect(report.messages.join(' ')).toMatch(/darwin\/amd64/);
    expect(report.fix).toBe('brew install go');
  });

  it('non-GNU make, old bash and old kind are problems', () => {
    expect(assessTool({ name: 'make', path: '/usr/bin/make', versionOutput: 'bmake 20240711' }, mac).verdict).toBe('problem');
    expect(assessTool({ name: 'bash', path: '/bin/bash', versionOutput: 'GNU bash, version 3.2.57(1)-release' }, mac)).toMatchObject({ verdict: 'problem', fix: 'brew install bash' });
    expect(assessTool({ name: 'kind', path: '/x/kind', versionOutput: 'kind v0.20.0 go1.20 darwin/arm64' }, mac).verdict).toBe('problem');
  });

  it('an unreadable version is a warning, not a problem', () => {
    expect(assessTool({ name: 'git', path: '/usr/bin/git', versionOutput: 'garbage', versionExitCode: 1 }, debian).verdict).toBe('warning');
  });
});

describe('assessDocker', () => {
  const client = assessTool({ name: 'docker', path: '/usr/bin/docker', versionOutput: '{"Client":{"Version":"28.2.2","Os":"linux","Arch":"arm64"}}' }, debian);

  it('a daemon that does not answer is a problem, with the start command', () => {
    const report = assessDocker(client, { reachable: false }, debian, 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.');
    expect(report).toMatchObject({ verdict: 'problem', fix: expect.stringMatching(/systemctl start docker/) });
    expect(assessDocker(client, { reachable: false }, mac).fix).toMatch(/colima start/);
  });

  it('a client that printed no error says why in the JSON: that reason is shown; its stderr wins when both are there', () => {
    const server = { reachable: false, error: 'Cannot connect to the Docker daemon at unix:///tmp/nope.sock. Is the docker daemon running?' };
    expect(assessDocker(client, server, debian).messages[0]).toBe('The Docker daemon does not answer: Cannot connect to the Docker daemon at unix:///tmp/nope.sock. Is the docker daemon running. kind needs a running Docker engine.');
    expect(assessDocker(client, server, debian, 'permission denied while trying to connect').messages[0]).toMatch(/does not answer: permission denied while trying to connect\./);
  });

  it('a foreign daemon, a foreign DOCKER_DEFAULT_PLATFORM and a small VM are flagged', () => {
    expect(assessDocker(client, { reachable: true, os: 'linux', arch: 'amd64', engine: 'Docker Desktop' }, mac).verdict).toBe('problem');
    const platform = assessDocker(client, { reachable: true, os: 'linux', arch: 'arm64', defaultPlatform: 'linux/amd64' }, mac);
    expect(platform).toMatchObject({ verdict: 'problem', fix: 'unset DOCKER_DEFAULT_PLATFORM' });
    const small = assessDocker(client, { reachable: true, os: 'linux', arch: 'arm64', engine: 'colima', memoryBytes: 2 * 1024 ** 3 }, mac);
    expect(small).toMatchObject({ verdict: 'warning', fix: 'colima stop && colima start --cpu 4 --memory 8' });
  });

  it('a healthy daemon is ok and described', () => {
    const report = assessDocker(client, { reachable: true, os: 'linux', arch: 'arm64', engine: 'OrbStack', serverVersion: '28.1.1', memoryBytes: 16 * 1024 ** 3 }, mac);
    expect(report.verdict).toBe('ok');
    expect(report.messages.join(' ')).toContain('OrbStack 28.1.1, linux/arm64, 16.0 GiB');
  });
});
