import { createHash } from 'node:crypto';
import { access, appendFile, chmod, copyFile, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import type { DockerEngine } from './docker-engine.js';
import { goCommand } from './go-command.js';
import { testCacheDir, testKindVersion } from './real-kind.js';

/**
 * The packages kind's base image installs (its images/base/Dockerfile, "Installing Packages"), those
 * Debian 12 has, less what a node here does without (nfs-common, open-iscsi, fuse-overlayfs for
 * rootless, curl); systemd-sysv gives /sbin/init. jq stays: kind's CRI createContainer hook
 * (files/kind/bin/mount-product-files.sh) reads the container's state with it, and without it no pod starts.
 */
const packages = ['systemd', 'systemd-sysv', 'dbus', 'conntrack', 'iptables', 'nftables', 'iproute2', 'ethtool', 'util-linux', 'mount', 'kmod', 'libseccomp2', 'pigz', 'e2fsprogs', 'bash', 'ca-certificates', 'jq', 'procps', 'socat'];
const suite = 'bookworm';

/** Debian's containerd and runc, as the host's docker.io brought them: a node runs the same ones. */
const runtimeBinaries = { '/usr/bin/containerd': 'usr/local/bin/containerd', '/usr/bin/ctr': 'usr/local/bin/ctr', '/usr/bin/containerd-shim-runc-v2': 'usr/local/bin/containerd-shim-runc-v2', '/usr/sbin/runc': 'usr/local/sbin/runc' };

/**
 * A node base image assembled the way kind's images/base/Dockerfile (kind v0.32.0) assembles
 * kindest/base, but offline: a Debian root filesystem from debootstrap (its mirror read from this
 * machine's apt sources), kind's own base files (entrypoint, systemd units, containerd config) read
 * from the kind module in the Go module cache and never committed, and Debian's containerd and runc
 * instead of the versions kind builds from source. It has no Kubernetes in it yet.
 *
 * The root filesystem is cached as a tarball in the test cache, keyed by everything it is made from,
 * so a new data root only re-imports it; the image is tagged with the same key.
 */
export async function kindBaseImage(engine: DockerEngine): Promise<string> {
  const kindFiles = path.join(await kindModuleDir(), 'images', 'base', 'files');
  const mirror = await debianMirror();
  const hashes = createHash('sha256').update(JSON.stringify({ packages, suite, mirror, kind: testKindVersion, recipe: 2 }));
  for (const binary of Object.keys(runtimeBinaries)) hashes.update(await readFile(binary));
  for (const file of await listFiles(kindFiles)) hashes.update(file).update(await readFile(path.join(kindFiles, file)));
  const key = hashes.digest('hex').slice(0, 12);
  const tag = `studio-test/kind-base:${key}`;
  const docker = (args: string[], input?: string) => execa(engine.client, args, { env: engine.env, reject: false, input });
  if ((await docker(['image', 'inspect', '--format', '{{.Id}}', tag])).exitCode === 0) return tag;

  const dir = testCacheDir('kind-base', key);
  const tarball = path.join(dir, 'rootfs.tar');
  if (!(await access(tarball).then(() => true, () => false))) await buildRootfs(dir, tarball, kindFiles, mirror);

  const rootfsTag = `studio-test/kind-base-rootfs:${key}`;
  const imported = await execa(engine.client, ['import', tarball, rootfsTag], { env: engine.env, reject: false });
  if (imported.exitCode !== 0) throw new Error(`docker import ${tarball} failed: ${imported.stderr}`);
  // `docker import --change` cannot set STOPSIGNAL (20.10 refuses it), so the image's config comes
  // from a build on top of the import, as kind's Dockerfile ends: ENV, STOPSIGNAL, ENTRYPOINT.
  const context = path.join(dir, 'context');
  await mkdir(context, { recursive: true });
  await writeFile(path.join(context, 'Dockerfile'), `FROM ${rootfsTag}\nENV container=docker\nSTOPSIGNAL SIGRTMIN+3\nENTRYPOINT [ "/usr/local/bin/entrypoint", "/sbin/init" ]\n`);
  const built = await execa(engine.client, ['build', '--quiet', '--tag', tag, context], { env: { ...engine.env, DOCKER_BUILDKIT: '0' }, reject: false });
  if (built.exitCode !== 0) throw new Error(`docker build of ${tag} failed: ${built.stderr}`);
  await docker(['rmi', rootfsTag]);
  return tag;
}

async function buildRootfs(dir: string, tarball: string, kindFiles: string, mirror: string): Promise<void> {
  await ensureDebootstrap();
  const staging = path.join(dir, `.staging-${process.pid}`);
  const root = path.join(staging, 'rootfs');
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    const debootstrap = await execa('debootstrap', ['--variant=minbase', `--include=${packages.join(',')}`, suite, root, mirror], { reject: false, all: true, timeout: 30 * 60_000 });
    if (debootstrap.exitCode !== 0) throw new Error(`debootstrap ${suite} failed (exit ${debootstrap.exitCode}):\n${(debootstrap.all ?? '').split('\n').slice(-20).join('\n')}`);

    // images/base/Dockerfile's COPY lines: kind's scripts, its /kind folder, etc and systemd units.
    await copyTree(path.join(kindFiles, 'usr', 'local', 'bin'), path.join(root, 'usr', 'local', 'bin'), 0o755);
    await copyTree(path.join(kindFiles, 'kind'), path.join(root, 'kind'), 0o644);
    await copyTree(path.join(kindFiles, 'kind', 'bin'), path.join(root, 'kind', 'bin'), 0o755);
    await copyTree(path.join(kindFiles, 'etc'), path.join(root, 'etc'), 0o644);
    // Its RUN line: no tmpfiles set-up, no wanted units but the ones enabled below, no kmsg for journald.
    await rm(path.join(root, 'lib/systemd/system/sysinit.target.wants/systemd-tmpfiles-setup.service'), { force: true });
    for (const wants of ['lib/systemd/system/multi-user.target.wants', 'lib/systemd/system/local-fs.target.wants', 'lib/systemd/system/basic.target.wants']) await emptyFolder(path.join(root, wants));
    for (const entry of await readdir(path.join(root, 'etc/systemd/system'))) {
      if (entry.endsWith('.wants')) await emptyFolder(path.join(root, 'etc/systemd/system', entry));
    }
    for (const entry of await readdir(path.join(root, 'lib/systemd/system/sockets.target.wants')).catch(() => [])) {
      if (entry.includes('udev') || entry.includes('initctl')) await rm(path.join(root, 'lib/systemd/system/sockets.target.wants', entry), { force: true });
    }
    await appendFile(path.join(root, 'etc/systemd/journald.conf'), 'ReadKMsg=no\n');
    for (const [from, to] of Object.entries(runtimeBinaries)) {
      await mkdir(path.dirname(path.join(root, to)), { recursive: true });
      await copyFile(from, path.join(root, to));
      await chmod(path.join(root, to), 0o755);
    }
    // "ctr oci spec", with kind's createContainer hook and without rlimits, is the CRI base spec.
    const spec = JSON.parse((await execa('/usr/bin/ctr', ['oci', 'spec'])).stdout) as { hooks?: { createContainer?: Array<{ path: string }> }; process?: { rlimits?: unknown } };
    spec.hooks = { ...spec.hooks, createContainer: [...(spec.hooks?.createContainer ?? []), { path: '/kind/bin/mount-product-files.sh' }] };
    if (spec.process) delete spec.process.rlimits;
    await writeFile(path.join(root, 'etc/containerd/cri-base.json'), `${JSON.stringify(spec, null, 2)}\n`);
    await execa('chroot', [root, 'systemctl', 'enable', 'kubelet.service', 'containerd.service', 'undo-mount-hacks.service']);
    await execa('chroot', [root, 'systemctl', 'mask', 'systemd-binfmt.service']);
    await mkdir(path.join(root, 'etc/kubernetes/manifests'), { recursive: true });

    const temp = `${tarball}.tmp-${process.pid}`;
    await execa('tar', ['--numeric-owner', '-C', root, '-cf', temp, '.']);
    await rename(temp, tarball);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The kind module at the tests' version, downloaded into the Go module cache if it is not there. */
async function kindModuleDir(): Promise<string> {
  const { stdout } = await execa(goCommand(), ['mod', 'download', '-json', `sigs.k8s.io/kind@${testKindVersion}`], { env: { ...process.env, GOFLAGS: '', GOWORK: 'off' } });
  const dir = (JSON.parse(stdout) as { Dir?: string }).Dir;
  if (!dir) throw new Error(`go mod download sigs.k8s.io/kind@${testKindVersion} gave no folder: ${stdout}`);
  return dir;
}

/** The Debian mirror this machine's apt uses (deb822 sources or the one-line format). */
async function debianMirror(): Promise<string> {
  const deb822 = await readFile('/etc/apt/sources.list.d/debian.sources', 'utf8').catch(() => '');
  const fromDeb822 = /^URIs:\s*(\S+)/m.exec(deb822)?.[1];
  if (fromDeb822) return fromDeb822;
  const oneLine = await readFile('/etc/apt/sources.list', 'utf8').catch(() => '');
  const fromList = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+\S+\s+main/m.exec(oneLine)?.[1];
  if (fromList) return fromList;
  throw new Error('No Debian mirror found in /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list: debootstrap needs one.');
}

async function ensureDebootstrap(): Promise<void> {
  if (await access('/usr/sbin/debootstrap').then(() => true, () => false)) return;
  if (process.getuid?.() !== 0) throw new Error('Building a kind base image needs debootstrap, as root: sudo apt-get install -y debootstrap');
  await execa('apt-get', ['install', '-y', '-qq', 'debootstrap'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 10 * 60_000 });
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), relative)));
    else out.push(relative);
  }
  return out;
}

/** Copies every file under `from` into `to` with `mode` (module cache files are read-only). */
async function copyTree(from: string, to: string, mode: number): Promise<void> {
  for (const file of await listFiles(from)) {
    const target = path.join(to, file);
    await mkdir(path.dirname(target), { recursive: true });
    await rm(target, { force: true });
    await copyFile(path.join(from, file), target);
    await chmod(target, mode);
  }
}

async function emptyFolder(dir: string): Promise<void> {
  for (const entry of await readdir(dir).catch(() => [])) await rm(path.join(dir, entry), { recursive: true, force: true });
}
