import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../shared/diagnosis/diagnose.js';

const mac = { os: 'darwin', arch: 'arm64' };

describe('diagnose', () => {
  it.each([
    ['zsh: exec format error: ./kind', 'exec-format-error'],
    ['fork/exec /usr/local/bin/kind: exec format error', 'exec-format-error'],
    ['zsh: bad CPU type in executable: ./kind', 'bad-cpu-type'],
    ['bash: ./kind: cannot execute binary file: Exec format error', 'cannot-execute-binary'],
    ['ERROR: failed to create cluster: failed to get docker info: Cannot connect to the Docker daemon at unix:///Users/me/.colima/default/docker.sock. Is the docker daemon running?', 'docker-not-running'],
    ["The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested", 'docker-default-platform'],
    ['qemu: uncaught target signal 11 (Segmentation fault) - core dumped', 'emulated-node'],
  ])('%s', (text, id) => {
    const found = diagnose(text, mac);
    expect(found.map((d) => d.id)).toContain(id);
    expect(found[0]?.explanation.length).toBeGreaterThan(20);
  });

  it('says nothing about ordinary output', () => {
    expect(diagnose('Creating cluster "kind" ...\n ✓ Ensuring node image', mac)).toEqual([]);
  });

  it('gives the start command for the platform', () => {
    const [linux] = diagnose('Is the docker daemon running?', { os: 'linux', arch: 'arm64' });
    expect(linux?.fix).toMatch(/systemctl start docker/);
  });
});
