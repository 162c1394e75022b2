import { describe, expect, it } from 'vitest';
import { parseDockerInfo } from '../../../shared/toolchain/parse-docker-info.js';

const info = (fields: Record<string, unknown>): string => JSON.stringify({ ServerVersion: '28.1.1', OSType: 'linux', Architecture: 'aarch64', MemTotal: 8_221_000_000, NCPU: 8, ...fields });

describe('parseDockerInfo', () => {
  it('recognises the engines', () => {
    expect(parseDockerInfo(info({ OperatingSystem: 'Docker Desktop', Name: 'docker-desktop' }), 0).engine).toBe('Docker Desktop');
    expect(parseDockerInfo(info({ OperatingSystem: 'OrbStack', Name: 'orbstack' }), 0).engine).toBe('OrbStack');
    expect(parseDockerInfo(info({ OperatingSystem: 'Ubuntu 24.04 LTS', Name: 'colima' }), 0).engine).toBe('colima');
    expect(parseDockerInfo(info({ OperatingSystem: 'fedora', Name: 'podman-machine-default' }), 0).engine).toBe('podman');
    expect(parseDockerInfo(info({ OperatingSystem: 'Debian GNU/Linux 12 (bookworm)', Name: 'build-box' }), 0).engine).toBe('Docker Engine');
  });
  it('reads the server platform and memory, arch in Go names', () => {
    expect(parseDockerInfo(info({ OperatingSystem: 'Docker Desktop' }), 0)).toMatchObject({ reachable: true, os: 'linux', arch: 'arm64', memoryBytes: 8_221_000_000, cpus: 8 });
  });
  it('an unreachable daemon', () => {
    expect(parseDockerInfo('', 1)).toEqual({ reachable: false });
    expect(parseDockerInfo('{"ServerErrors":["Cannot connect to the Docker daemon"],"ClientInfo":{}}', 1)).toEqual({ reachable: false, error: 'Cannot connect to the Docker daemon' });
  });
  it("keeps the reason from the JSON: Debian's 20.10 client exits 0 and prints it nowhere else (captured from it)", () => {
    const output = '{"ServerErrors":["Cannot connect to the Docker daemon at unix:///tmp/nope.sock. Is the docker daemon running?"],"ClientInfo":{"Debug":false,"Context":"default","Plugins":[],"Warnings":null}}\n';
    expect(parseDockerInfo(output, 0)).toEqual({ reachable: false, error: 'Cannot connect to the Docker daemon at unix:///tmp/nope.sock. Is the docker daemon running?' });
    expect(parseDockerInfo(info({ ServerErrors: [''] }), 0)).toEqual({ reachable: false });
  });
});
