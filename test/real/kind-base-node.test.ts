import { readFileSync } from 'node:fs';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busyboxImage } from '../support/busybox-image.js';
import { acquireDockerEngine, type DockerEngine, type DockerEngineLease } from '../support/docker-engine.js';
import { kindBaseImage } from '../support/kind-base-image.js';
import { testKindVersion } from '../support/real-kind.js';
import { waitFor } from '../support/wait-for.js';

// kind's node container, as kind v0.32.0 runs it (pkg/cluster/internal/providers/docker/provision.go,
// commonArgs and runArgsForNode), on the tests' own engine. Two differences, both of this machine:
// `--network none` instead of kind's "kind" bridge network, and no `--volume /lib/modules:...:ro`
// (this host has no /lib/modules, and docker would create that folder on the host).
const nodeRunArgs = (name: string): string[] => [
  'run', '--name', name, '--detach', '--tty',
  '--label', `io.x-k8s.kind.cluster=${name}`, '--label', 'io.x-k8s.kind.role=control-plane',
  '--network', 'none',
  '--restart=on-failure:1', '--init=false', '--cgroupns=private',
  '--hostname', name,
  '--privileged', '--security-opt', 'seccomp=unconfined', '--security-opt', 'apparmor=unconfined',
  '--tmpfs', '/tmp', '--tmpfs', '/run', '--volume', '/var',
];
// What kind waits for in the node's log before it goes on (pkg/cluster/internal/providers/common/cgroups.go).
const nodeReady = /Reached target .*Multi-User System.*|detected cgroup v1/;
const capSysAdmin = 21n;
const hostBounding = BigInt(`0x${/^CapBnd:\s*([0-9a-f]+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '0'}`);

describe(`a kind ${testKindVersion} base node, assembled offline, on the real Docker engine`, () => {
  let lease: DockerEngineLease;
  let engine: DockerEngine;
  let base: string;
  let busybox: string;
  const docker = (args: string[], input?: Uint8Array) => execa(engine.client, args, { env: engine.env, reject: false, input });

  beforeAll(async () => {
    lease = await acquireDockerEngine();
    engine = lease.engine;
    const started = Date.now();
    base = await kindBaseImage(engine);
    console.log(`kind base image ${base} ready in ${Date.now() - started} ms`);
    busybox = await busyboxImage(engine);
  }, 45 * 60_000);
  afterAll(async () => {
    await lease?.release();
  }, 120_000);

  it("boots systemd to the target kind waits for, runs kind's containerd, and starts a privileged container inside", async () => {
    const name = `studio-base-node-${process.pid}`;
    const run = await docker([...nodeRunArgs(name), base]);
    expect(run.exitCode, run.stderr).toBe(0);
    try {
      let log = '';
      await waitFor(async () => {
        log = (await docker(['logs', name])).stdout;
        return nodeReady.test(log);
      }, `the node's log to match ${nodeReady}`, 180_000).catch((error: Error) => {
        throw new Error(`${error.message}; the log ends:\n${log.split('\n').slice(-30).join('\n')}`);
      });

      let state = '';
      await waitFor(async () => {
        state = (await docker(['exec', name, 'systemctl', 'is-active', 'containerd'])).stdout.trim();
        return state === 'active';
      }, 'containerd to be active in the node', 60_000).catch((error: Error) => {
        throw new Error(`${error.message}; systemctl says ${state}`);
      });
      const host = /containerd \S+ (\S+)/.exec((await execa('/usr/bin/containerd', ['--version'])).stdout)?.[1];
      const version = await docker(['exec', name, 'ctr', 'version']);
      expect(version.exitCode, version.stderr).toBe(0);
      expect(/Server:\s*\n\s*Version:\s*(\S+)/.exec(version.stdout)?.[1]).toBe(host);

      // The node's containerd runs a privileged container of an image loaded the way kind loads them.
      const saved = await execa(engine.client, ['save', busybox], { env: engine.env, encoding: 'buffer' });
      const loaded = await docker(['exec', '-i', name, 'ctr', '--namespace=k8s.io', 'images', 'import', '-'], saved.stdout);
      expect(loaded.exitCode, loaded.stderr).toBe(0);
      const inner = await docker(['exec', name, 'ctr', '--namespace=k8s.io', 'run', '--rm', '--privileged', `docker.io/${busybox}`, 'probe', 'cat', '/proc/self/status']);
      expect(inner.exitCode, inner.stderr).toBe(0);
      const bounding = BigInt(`0x${/^CapBnd:\s*([0-9a-f]+)$/m.exec(inner.stdout)?.[1] ?? '0'}`);
      expect((bounding >> capSysAdmin) & 1n).toBe(1n);
      // Never more than this machine has: here that means without CAP_SYS_RESOURCE, as the node itself.
      expect(bounding & ~hostBounding).toBe(0n);
    } finally {
      await docker(['rm', '-f', '--volumes', name]);
    }
  }, 10 * 60_000);
});
