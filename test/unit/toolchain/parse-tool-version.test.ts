import { describe, expect, it } from 'vitest';
import { parseToolVersion } from '../../../shared/toolchain/parse-tool-version.js';

// Outputs recorded from the real tools (macOS and Linux).
describe('parseToolVersion', () => {
  it('go, with the platform it was built for', () => {
    expect(parseToolVersion('go', 'go version go1.26.8 linux/amd64\n')).toEqual({ version: 'go1.26.8', platform: 'linux/amd64' });
    expect(parseToolVersion('go', 'go version go1.25.1 darwin/amd64\n')?.platform).toBe('darwin/amd64');
  });
  it('kind', () => {
    expect(parseToolVersion('kind', 'kind v0.32.0 go1.26.8 linux/amd64\n')).toEqual({ version: 'v0.32.0', platform: 'linux/amd64' });
    expect(parseToolVersion('kind', 'kind v0.11.1 go1.16.4 darwin/arm64\n')?.version).toBe('v0.11.1');
  });
  it('GNU make and BSD/other make', () => {
    expect(parseToolVersion('make', 'GNU Make 4.3\nBuilt for x86_64-pc-linux-gnu\n')).toEqual({ version: '4.3', gnu: true });
    expect(parseToolVersion('make', 'bmake 20240711\n')).toEqual({ version: 'bmake 20240711', gnu: false });
  });
  it('bash, git', () => {
    expect(parseToolVersion('bash', 'GNU bash, version 3.2.57(1)-release (arm64-apple-darwin23)\n')?.version).toBe('3.2.57');
    expect(parseToolVersion('git', 'git version 2.39.5\n')?.version).toBe('2.39.5');
  });
  it('kubectl client JSON', () => {
    const json = JSON.stringify({ clientVersion: { gitVersion: 'v1.34.1', platform: 'darwin/arm64' }, kustomizeVersion: 'v5.7.1' });
    expect(parseToolVersion('kubectl', json)).toEqual({ version: 'v1.34.1', platform: 'darwin/arm64' });
    expect(parseToolVersion('kubectl', 'error: unknown flag')).toBeUndefined();
  });
  it('docker client, also when the daemon is down', () => {
    const down = '{"Client":{"Version":"28.2.2","Os":"linux","Arch":"amd64"},"Server":null}\nCannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n';
    expect(parseToolVersion('docker', down)).toEqual({ version: '28.2.2', platform: 'linux/amd64' });
  });
});
