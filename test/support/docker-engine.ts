import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { debianDocker } from './debian-docker.js';
import { ociRuntimeWithoutSysResource, runtimeWithoutSysResource } from './oci-runtime-without-sys-resource.js';
import { testCacheDir } from './real-kind.js';

/** A running dockerd of the tests' own, and how to talk to it. */
export interface DockerEngine {
  /** DOCKER_HOST for it: unix://<socket>. */
  host: string;
  socket: string;
  dataRoot: string;
  /** Debian's docker client, the daemon's own release. */
  client: string;
  /** The OCI runtime wrapper dockerd runs every container with. */
  runtimePath: string;
  pid: number;
  /** The log dockerd writes (from its latest start). */
  logFile: string;
  /** process.env with DOCKER_HOST set, other engine selectors removed, and Debian's client first on PATH. */
  env: Record<string, string>;
  /** Whether this acquire started the daemon (false: it was already running and is shared). */
  startedNow: boolean;
}

export interface DockerEngineLease {
  engine: DockerEngine;
  /** Gives the lease back; the last holder stops the daemon and waits until it is gone. */
  release: () => Promise<void>;
}

export interface DockerEngineOptions {
  /** Where the data root lives, kept across runs (images stay). Default: the test cache. */
  stateDir?: string;
}

const keeperScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'docker-engine-keeper.mjs');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Layout {
  stateDir: string;
  dataRoot: string;
  runDir: string;
  execRoot: string;
  socket: string;
  pidFile: string;
  logFile: string;
  configFile: string;
  argvFile: string;
  leases: string;
  lock: string;
  clientBin: string;
}

/**
 * The run folder holds the sockets (dockerd's, and containerd's under the exec root). A unix socket
 * path has a limit of about 108 bytes, so a long cache path moves it to the temp folder, under a name
 * made from the state folder so every test process finds the same one.
 */
function layout(stateDir: string): Layout {
  const inCache = path.join(stateDir, 'run');
  const longest = path.join(inCache, 'exec', 'containerd', 'containerd-debug.sock');
  const runDir = longest.length < 100 ? inCache : path.join(os.tmpdir(), `k8s-e2e-studio-docker-${createHash('sha256').update(stateDir).digest('hex').slice(0, 10)}`);
  return {
    stateDir,
    dataRoot: path.join(stateDir, 'data'),
    runDir,
    execRoot: path.join(runDir, 'exec'),
    socket: path.join(runDir, 'docker.sock'),
    pidFile: path.join(runDir, 'dockerd.pid'),
    logFile: path.join(runDir, 'dockerd.log'),
    configFile: path.join(runDir, 'daemon.json'),
    argvFile: path.join(runDir, 'dockerd.argv.json'),
    leases: path.join(runDir, 'leases'),
    lock: path.join(runDir, 'lock'),
    clientBin: path.join(runDir, 'client-bin'),
  };
}

/**
 * Starts the tests' own Docker engine, or joins the one already running, and holds a lease on it.
 *
 * dockerd runs from Debian's docker.io package (installed where missing) with everything of its own:
 * a data root in the test cache (images survive between runs), an exec root, pidfile and socket in
 * a run folder, an empty daemon.json (so /etc/docker/daemon.json never applies), and no change to
 * the host's network: no iptables rules, no IP forwarding or masquerading, no default bridge.
 * Containers run through the OCI runtime that drops CAP_SYS_RESOURCE (see
 * oci-runtime-without-sys-resource/main.go), so `--privileged` works on this machine. The default
 * /var/run/docker.sock and any engine the machine had before are never touched.
 *
 * Every test process that uses the engine holds a lease; the last release stops the daemon. A
 * keeper process stops it too when every lease holder died without releasing.
 */
export async function acquireDockerEngine(options: DockerEngineOptions = {}): Promise<DockerEngineLease> {
  const paths = layout(options.stateDir ?? testCacheDir('docker-engine'));
  await mkdir(paths.leases, { recursive: true });
  const lease = path.join(paths.leases, `${process.pid}-${randomBytes(4).toString('hex')}`);
  const engine = await withLock(paths, async () => {
    const docker = await debianDocker();
    const runtimePath = await ociRuntimeWithoutSysResource(docker.runc);
    await pruneLeases(paths);
    const others = (await readdir(paths.leases)).length;
    await writeFile(lease, '');
    const argv = dockerdArgv(docker.dockerd, paths, runtimePath);
    let pid = await runningDaemon(paths);
    let startedNow = false;
    // A daemon started with other flags (an older wrapper, say) is restarted unless someone still uses it.
    if (pid !== undefined && others === 0 && (await readFile(paths.argvFile, 'utf8').catch(() => '')) !== JSON.stringify(argv)) {
      await stopDaemon(paths, pid);
      pid = undefined;
    }
    if (pid === undefined) {
      pid = await startDaemon(paths, argv);
      startedNow = true;
    }
    await mkdir(paths.clientBin, { recursive: true });
    await symlink(docker.client, path.join(paths.clientBin, 'docker')).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    return { host: `unix://${paths.socket}`, socket: paths.socket, dataRoot: paths.dataRoot, client: docker.client, runtimePath, pid, logFile: paths.logFile, env: clientEnv(paths), startedNow };
  }).catch(async (error: unknown) => {
    await rm(lease, { force: true });
    throw error;
  });
  let released = false;
  return {
    engine,
    release: async () => {
      if (released) return;
      released = true;
      await withLock(paths, async () => {
        await rm(lease, { force: true });
        await pruneLeases(paths);
        if ((await readdir(paths.leases)).length > 0) return;
        const pid = await runningDaemon(paths);
        if (pid !== undefined) await stopDaemon(paths, pid);
      });
    },
  };
}

/**
 * Stops the daemon of a state folder whoever holds leases on it, unmounts what it left mounted
 * (dockerd bind-mounts its data root), and removes the folder and its run folder. For tests that
 * made an engine of their own in a temp folder.
 */
export async function destroyDockerEngineState(stateDir: string): Promise<void> {
  const paths = layout(stateDir);
  await withLock(paths, async () => {
    const pid = Number(await readFile(paths.pidFile, 'utf8').catch(() => ''));
    if (pid > 0 && alive(pid) && commandLine(pid).includes(paths.dataRoot)) await stopDaemon(paths, pid);
    const mounts = readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((line) => line.split(' ')[4] ?? '')
      .filter((point) => [paths.stateDir, paths.runDir].some((dir) => point === dir || point.startsWith(`${dir}/`)))
      .sort((a, b) => b.length - a.length);
    for (const point of mounts) await execa('umount', [point]);
  });
  await rm(paths.runDir, { recursive: true, force: true });
  await rm(stateDir, { recursive: true, force: true });
}

function dockerdArgv(dockerd: string, paths: Layout, runtimePath: string): string[] {
  return [
    dockerd,
    '--config-file', paths.configFile,
    '--data-root', paths.dataRoot,
    '--exec-root', paths.execRoot,
    '--pidfile', paths.pidFile,
    '--host', `unix://${paths.socket}`,
    '--storage-driver', 'overlay2',
    '--iptables=false',
    '--ip-forward=false',
    '--ip-masq=false',
    '--bridge', 'none',
    '--add-runtime', `${runtimeWithoutSysResource}=${runtimePath}`,
    '--default-runtime', runtimeWithoutSysResource,
  ];
}

/** What a docker client (and kind, which runs `docker`) needs to reach this engine and no other. */
function clientEnv(paths: Layout): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // DOCKER_CONTEXT would win over DOCKER_HOST; TLS settings and a pinned API version belong to another engine.
    if (value === undefined || ['DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_API_VERSION'].includes(key)) continue;
    env[key] = value;
  }
  env.DOCKER_HOST = `unix://${paths.socket}`;
  env.PATH = [paths.clientBin, process.env.PATH ?? ''].join(path.delimiter);
  return env;
}

async function startDaemon(paths: Layout, argv: string[]): Promise<number> {
  await mkdir(paths.dataRoot, { recursive: true });
  await mkdir(paths.execRoot, { recursive: true });
  await writeFile(paths.configFile, '{}\n');
  await rm(paths.socket, { force: true });
  await rm(paths.pidFile, { force: true });
  const [command = '', ...args] = argv;
  const log = openSync(paths.logFile, 'w');
  // Its own session, so it outlives this process for other lease holders; a clean environment so
  // nothing meant for another engine (DOCKER_*, proxies' sockets, XDG_RUNTIME_DIR's rootless mode) applies.
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: os.homedir(), LANG: 'C.UTF-8' },
  });
  closeSync(log);
  const pid = await new Promise<number>((resolve, reject) => {
    child.once('spawn', () => resolve(child.pid ?? 0));
    child.once('error', reject);
  });
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = signal ? `was killed by ${signal}` : `exited with code ${code}`;
  });
  child.unref();
  await writeFile(paths.argvFile, JSON.stringify(argv));

  const deadline = Date.now() + 90_000;
  while (!(await ping(paths.socket))) {
    if (exited !== undefined || Date.now() > deadline) {
      if (exited === undefined) await stopDaemon(paths, pid);
      throw new Error(`dockerd ${exited ?? 'did not answer on its socket within 90 s'} (${argv.join(' ')}). Last lines of ${paths.logFile}:\n${await tail(paths.logFile)}`);
    }
    await sleep(50);
  }
  const keeper = spawn(process.execPath, [keeperScript, paths.runDir, String(pid)], { detached: true, stdio: 'ignore' });
  keeper.unref();
  return pid;
}

/** SIGTERM (dockerd stops its containers and its containerd), SIGKILL after 60 s; returns once it is gone. */
async function stopDaemon(paths: Layout, pid: number): Promise<void> {
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (alive(pid) && Date.now() < deadline) await sleep(50);
  if (alive(pid)) {
    signal(pid, 'SIGKILL');
    const containerd = Number(await readFile(path.join(paths.execRoot, 'containerd', 'containerd.pid'), 'utf8').catch(() => ''));
    if (containerd > 0 && commandLine(containerd).includes(paths.execRoot)) signal(containerd, 'SIGKILL');
    while (alive(pid)) await sleep(50);
  }
  await rm(paths.socket, { force: true });
}

/** The pid of this layout's dockerd when it runs and answers; undefined otherwise (a hung one is stopped). */
async function runningDaemon(paths: Layout): Promise<number | undefined> {
  const pid = Number(await readFile(paths.pidFile, 'utf8').catch(() => ''));
  if (!(pid > 0) || !alive(pid) || !commandLine(pid).includes(paths.dataRoot)) return undefined;
  if (await ping(paths.socket)) return pid;
  await stopDaemon(paths, pid);
  return undefined;
}

/** GET /_ping on the daemon's socket answers OK once the API serves. */
function ping(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ socketPath: socket, path: '/_ping', timeout: 2_000 }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(response.statusCode === 200 && body === 'OK'));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

async function pruneLeases(paths: Layout): Promise<void> {
  for (const name of await readdir(paths.leases)) {
    if (!alive(Number(name.split('-')[0]))) await rm(path.join(paths.leases, name), { force: true });
  }
}

/**
 * One set-up or release at a time across processes: a folder made with mkdir (atomic), holding the
 * owner's pid. A lock whose owner is gone, or that never got an owner within 10 s, is taken over.
 */
async function withLock<T>(paths: Layout, work: () => Promise<T>): Promise<T> {
  await mkdir(paths.runDir, { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      await mkdir(paths.lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(await readFile(path.join(paths.lock, 'owner'), 'utf8').catch(() => ''));
    const age = Date.now() - ((await stat(paths.lock).catch(() => undefined))?.mtimeMs ?? Date.now());
    if ((owner > 0 && !alive(owner)) || (!(owner > 0) && age > 10_000)) {
      await rm(paths.lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`The Docker engine's set-up lock ${paths.lock} is still held by pid ${owner} after 15 min.`);
    await sleep(100);
  }
  await writeFile(path.join(paths.lock, 'owner'), String(process.pid));
  try {
    return await work();
  } finally {
    await rm(paths.lock, { recursive: true, force: true });
  }
}

/** A zombie (exited, its parent killed before reaping it) counts as gone. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

async function tail(file: string, lines = 30): Promise<string> {
  return (await readFile(file, 'utf8').catch(() => '(no log)')).trimEnd().split('\n').slice(-lines).join('\n');
}
