import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busyboxImage } from '../support/busybox-image.js';
import { acquireDockerEngine, alive, destroyDockerEngineState, type DockerEngine, type DockerEngineLease } from '../support/docker-engine.js';
import { runtimeWithoutSysResource } from '../support/oci-runtime-without-sys-resource.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait-for.js';

const capSysResource = 24n;
const capSysAdmin = 21n;

/** The capability bounding set a process reports in /proc/<pid>/status, as a bit mask. */
function boundingSet(status: string): bigint {
  const hex = /^CapBnd:\s*([0-9a-f]+)$/m.exec(status)?.[1];
  if (!hex) throw new Error(`no CapBnd line in:\n${status}`);
  return BigInt(`0x${hex}`);
}
const has = (mask: bigint, bit: bigint): boolean => ((mask >> bit) & 1n) === 1n;
const hostBounding = boundingSet(readFileSync('/proc/self/status', 'utf8'));

describe("the tests' own Docker engine (Debian's docker.io)", () => {
  let lease: DockerEngineLease;
  let engine: DockerEngine;
  let image: string;
  const docker = (args: string[]) => execa(engine.client, args, { env: engine.env, reject: false });

  beforeAll(async () => {
    const started = Date.now();
    lease = await acquireDockerEngine();
    engine = lease.engine;
    const engineReady = Date.now();
    image = await busyboxImage(engine);
    console.log(`Docker engine ${engine.startedNow ? 'started' : 'joined'} in ${engineReady - started} ms, busybox image ready ${Date.now() - engineReady} ms later (${image})`);
  }, 20 * 60_000);
  afterAll(async () => {
    await lease?.release();
  }, 120_000);

  it('serves its own socket from its own data root, runs containers through the CAP_SYS_RESOURCE wrapper by default, and leaves the host network alone', async () => {
    const info = await docker(['info', '--format', '{{json .}}']);
    expect(info.exitCode, info.stderr).toBe(0);
    const facts = JSON.parse(info.stdout) as { DockerRootDir: string; Driver: string; DefaultRuntime: string; Runtimes: Record<string, { path: string }> };
    expect(facts).toMatchObject({ DockerRootDir: engine.dataRoot, Driver: 'overlay2', DefaultRuntime: runtimeWithoutSysResource });
    expect(facts.Runtimes[runtimeWithoutSysResource]?.path).toBe(engine.runtimePath);

    const argv = readFileSync(`/proc/${engine.pid}/cmdline`, 'utf8').split('\0');
    expect(argv).toEqual(expect.arrayContaining(['--host', engine.host, '--iptables=false', '--ip-forward=false', '--ip-masq=false']));
    expect(argv.join(' ')).not.toContain('/var/run/docker.sock');
    // --bridge none: no default bridge network (and so no docker0 on the host).
    const networks = await docker(['network', 'ls', '--format', '{{.Name}}']);
    expect(networks.stdout.split('\n')).not.toContain('bridge');
  });

  it('starts a --privileged container through the wrapper, with every capability it grants but CAP_SYS_RESOURCE', async () => {
    const privileged = await docker(['run', '--rm', '--privileged', '--network', 'none', image, 'cat', '/proc/self/status']);
    expect(privileged.exitCode, privileged.stderr).toBe(0);
    const granted = boundingSet(privileged.stdout);
    expect(has(granted, capSysResource)).toBe(false);
    expect(has(granted, capSysAdmin)).toBe(true);
    expect(granted & ~hostBounding).toBe(0n);

    // An ordinary container gets Docker's short default list, without CAP_SYS_ADMIN.
    const plain = await docker(['run', '--rm', '--network', 'none', image, 'cat', '/proc/self/status']);
    expect(plain.exitCode, plain.stderr).toBe(0);
    expect(has(boundingSet(plain.stdout), capSysAdmin)).toBe(false);
  });

  it('shows why the wrapper exists: plain runc cannot start a privileged container on a machine that withholds CAP_SYS_RESOURCE', async () => {
    const direct = await docker(['run', '--rm', '--runtime', 'runc', '--privileged', '--network', 'none', image, 'true']);
    if (has(hostBounding, capSysResource)) {
      expect(direct.exitCode, `this machine grants CAP_SYS_RESOURCE, so runc should manage alone: ${direct.stderr}`).toBe(0);
    } else {
      expect(direct.exitCode).not.toBe(0);
      expect(direct.stderr).toMatch(/unable to apply caps: operation not permitted/);
    }
  });

  it('docker exec --privileged and docker cp (what the hot-swap does) work in a running privileged container', async () => {
    const name = `studio-engine-probe-${process.pid}`;
    const run = await docker(['run', '-d', '--name', name, '--privileged', '--network', 'none', image, 'sleep', '600']);
    expect(run.exitCode, run.stderr).toBe(0);
    const work = await tempDir('docker-cp');
    try {
      const exec = await docker(['exec', '--privileged', name, 'cat', '/proc/self/status']);
      expect(exec.exitCode, exec.stderr).toBe(0);
      expect(has(boundingSet(exec.stdout), capSysResource)).toBe(false);
      expect(has(boundingSet(exec.stdout), capSysAdmin)).toBe(true);

      const payload = `copied at ${new Date().toISOString()}\n`;
      await writeFile(path.join(work.dir, 'payload'), payload);
      const copyIn = await docker(['cp', path.join(work.dir, 'payload'), `${name}:/tmp/payload`]);
      expect(copyIn.exitCode, copyIn.stderr).toBe(0);
      expect((await docker(['exec', name, 'cat', '/tmp/payload'])).stdout).toBe(payload.trimEnd());
      const copyOut = await docker(['cp', `${name}:/tmp/payload`, path.join(work.dir, 'back')]);
      expect(copyOut.exitCode, copyOut.stderr).toBe(0);
      expect(await readFile(path.join(work.dir, 'back'), 'utf8')).toBe(payload);
    } finally {
      await docker(['rm', '-f', name]);
      await work.remove();
    }
  });
});

describe('the Docker engine life cycle (an engine of its own, with a fresh data root)', () => {
  it('a second acquire joins the running daemon; only the last release stops it', async () => {
    const state = await tempDir('docker-state');
    try {
      const coldStart = Date.now();
      const first = await acquireDockerEngine({ stateDir: state.dir });
      const coldMs = Date.now() - coldStart;
      const warmStart = Date.now();
      const second = await acquireDockerEngine({ stateDir: state.dir });
      console.log(`fresh data root: dockerd up in ${coldMs} ms; joining it took ${Date.now() - warmStart} ms`);
      expect(first.engine.startedNow).toBe(true);
      expect(second.engine).toMatchObject({ startedNow: false, pid: first.engine.pid, socket: first.engine.socket });
      expect(first.engine.dataRoot.startsWith(state.dir)).toBe(true);

      await first.release();
      expect(alive(first.engine.pid)).toBe(true);
      const ping = await execa(second.engine.client, ['version', '--format', '{{.Server.Version}}'], { env: second.engine.env, reject: false });
      expect(ping.exitCode, ping.stderr).toBe(0);

      await second.release();
      expect(alive(first.engine.pid)).toBe(false);
      const after = await execa(second.engine.client, ['version', '--format', '{{.Server.Version}}'], { env: second.engine.env, reject: false });
      expect(after.exitCode).not.toBe(0);
      expect(after.stderr).toMatch(/Cannot connect to the Docker daemon/);

      // Released is released: a second call does nothing, and a new acquire starts a new daemon.
      await second.release();
      const again = await acquireDockerEngine({ stateDir: state.dir });
      expect(again.engine.startedNow).toBe(true);
      expect(again.engine.pid).not.toBe(first.engine.pid);
      await again.release();
      expect(alive(again.engine.pid)).toBe(false);
    } finally {
      await destroyDockerEngineState(state.dir);
    }
  }, 5 * 60_000);

  it('the keeper stops the daemon once its only user was killed outright (SIGKILL, no release)', async () => {
    const state = await tempDir('docker-state');
    // One process (node with tsx's loader, not the tsx wrapper, which would leave its child running).
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('test', 'real', 'docker-engine-child.ts'), state.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    try {
      const line = await waitFor(() => out.includes('\n') && out, 'the child to report its engine', 3 * 60_000).catch((error: Error) => {
        throw new Error(`${error.message}; child stderr: ${err}`);
      });
      const { pid } = JSON.parse(line) as { pid: number };
      expect(alive(pid)).toBe(true);
      child.kill('SIGKILL');
      // The keeper checks once a second and wants two idle checks in a row; dockerd then stops in well under 30 s.
      await waitFor(() => !alive(pid), `dockerd ${pid} to be stopped by the keeper after its user died`, 60_000);
    } finally {
      child.kill('SIGKILL');
      await destroyDockerEngineState(state.dir);
    }
  }, 5 * 60_000);
});
