import { createHash } from 'node:crypto';
import { access, copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { busyboxImage } from '../support/busybox-image.js';
import { debianPackageFile } from '../support/debian-package-file.js';
import type { DockerEngine } from '../support/docker-engine.js';
import { goCommand } from '../support/go-command.js';
import { testCacheDir } from '../support/real-kind.js';
import { goBuildEnv, writeKubernetesBuildModule } from './kubernetes-build-module.js';
import { pinnedRelease } from './pinned-release.js';

/** Bumped when how the agnhost image is put together changes. */
const imageRecipe = 2;
/** Bumped when how the agnhost binary is built changes. */
const binaryRecipe = 1;

/**
 * What agnhost's own image has that the specs here use, from Debian: its Dockerfile
 * (k8s.io/kubernetes test/images/agnhost/Dockerfile) installs netcat-openbsd, and the Service specs
 * run `/bin/sh -x -c 'echo hostName | nc -v -t -w 2 <host> <port>'` in an agnhost pod
 * (test/e2e/framework/service/jig.go testEndpointReachability). busybox's own nc takes neither -v
 * nor -t, so the image gets Debian's netcat-openbsd with the libraries it links (libbsd0, libmd0,
 * libc6) — and Debian's dash as /bin/sh: Debian builds busybox-static as a "standalone shell"
 * that runs its own applets before anything on PATH, so its sh ran busybox's nc even with
 * /bin/nc being netcat-openbsd ("nc: invalid option -- 'v'").
 */
const debianPackagesInAgnhost = ['netcat-openbsd', 'libbsd0', 'libmd0', 'dash', 'libc6'];

export interface E2eImages {
  /** The names e2e.test pulls, as the release's test/utils/image/manifest.go composes them. */
  agnhost: string;
  busybox: string;
  /** What each is made from, for the log. */
  made: Record<string, string>;
}

/**
 * The images the e2e specs here run, made on this machine and tagged in the tests' engine with the
 * exact names e2e.test v1.35.4 uses (registry.k8s.io/e2e-test-images/agnhost:<v>, …/busybox:<v>,
 * read from the release's test/utils/image/manifest.go):
 *  - busybox: Debian's busybox-static, the image `../support/busybox-image.ts` makes;
 *  - agnhost: `go build k8s.io/kubernetes/test/images/agnhost` at the pinned release, in the
 *    harness's throw-away module (every staging module replaced by its tag), as /agnhost — the
 *    image's ENTRYPOINT, CMD pause, the agnhost-2 link and /uploads as its Dockerfile has them —
 *    on busybox's applets, with Debian's netcat-openbsd and dash (see debianPackagesInAgnhost).
 * The agnhost binary and the packages are cached under the test cache keyed by what they are
 * built from; the image's tag is a hash of its parts, so a new engine data root only re-imports.
 */
export async function e2eImages(engine: DockerEngine, log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<E2eImages> {
  const names = await e2eImageNames();
  const docker = (args: string[]) => execa(engine.client, args, { env: engine.env, reject: false });
  const tag = async (from: string, to: string): Promise<void> => {
    const tagged = await docker(['tag', from, to]);
    if (tagged.exitCode !== 0) throw new Error(`docker tag ${from} ${to} failed: ${tagged.stderr}`);
  };

  const busybox = await busyboxImage(engine);
  await tag(busybox, names.busybox);

  const agnhost = await agnhostBinary(log);
  const debs = await debianPackages(debianPackagesInAgnhost);
  const key = createHash('sha256')
    .update(JSON.stringify({ recipe: imageRecipe, busybox, agnhost: agnhost.key, debs: debs.files.map((f) => path.basename(f)) }))
    .digest('hex')
    .slice(0, 12);
  const image = `studio-test/agnhost:${key}`;
  if ((await docker(['image', 'inspect', '--format', '{{.Id}}', image])).exitCode !== 0) {
    log(`making ${image} (${names.agnhost}) from ${agnhost.binary} and ${debs.files.map((f) => path.basename(f)).join(', ')}`);
    await importAgnhostImage(engine, image, agnhost.binary, debs.files);
    // An earlier recipe's image is of no more use; its e2e name moves to the new one below.
    const older = (await docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', 'studio-test/agnhost'])).stdout.split('\n').filter((name) => name && name !== image);
    if (older.length > 0) await docker(['rmi', ...older]);
  }
  await tag(image, names.agnhost);
  return { ...names, made: { [names.busybox]: busybox, [names.agnhost]: image } };
}

/** agnhost's and busybox's names in the release's test/utils/image/manifest.go (configs[Agnhost], configs[BusyBox]). */
export async function e2eImageNames(): Promise<{ agnhost: string; busybox: string }> {
  const manifest = await readFile(path.join(await kubernetesModuleDir(), 'test', 'utils', 'image', 'manifest.go'), 'utf8');
  const registry = /PromoterE2eRegistry:\s*"([^"]+)"/.exec(manifest)?.[1];
  const version = (id: string) => new RegExp(`configs\\[${id}\\] = Config\\{list\\.PromoterE2eRegistry, "([^"]+)", "([^"]+)"\\}`).exec(manifest);
  const agnhost = version('Agnhost');
  const busybox = version('BusyBox');
  if (!registry || !agnhost || !busybox) throw new Error(`test/utils/image/manifest.go of k8s.io/kubernetes@${pinnedRelease.kubernetes} no longer has PromoterE2eRegistry, configs[Agnhost] and configs[BusyBox] as expected`);
  return { agnhost: `${registry}/${agnhost[1]}:${agnhost[2]}`, busybox: `${registry}/${busybox[1]}:${busybox[2]}` };
}

async function kubernetesModuleDir(): Promise<string> {
  const { stdout } = await execa(goCommand(), ['mod', 'download', '-json', `k8s.io/kubernetes@${pinnedRelease.kubernetes}`], { cwd: os.tmpdir(), env: { ...process.env, ...goBuildEnv() } });
  const info = JSON.parse(stdout) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download k8s.io/kubernetes@${pinnedRelease.kubernetes}: ${info.Error ?? 'no Dir in the answer'}`);
  return info.Dir;
}

/** `go build k8s.io/kubernetes/test/images/agnhost` of the pinned release, cached by release, Go version, environment and recipe. */
async function agnhostBinary(log: (line: string) => void): Promise<{ binary: string; key: string }> {
  const go = (await execa(goCommand(), ['env', 'GOVERSION'], { env: { ...process.env, ...goBuildEnv() } })).stdout.trim();
  const key = createHash('sha256')
    .update(JSON.stringify({ recipe: binaryRecipe, kubernetes: pinnedRelease.kubernetes, go, env: goBuildEnv() }))
    .digest('hex')
    .slice(0, 10);
  const dir = testCacheDir('agnhost', pinnedRelease.kubernetes, key);
  const binary = path.join(dir, 'agnhost');
  if (await exists(binary)) return { binary, key };
  await mkdir(path.dirname(dir), { recursive: true });
  const staging = await mkdtemp(`${dir}.staging-`);
  const module = await mkdtemp(path.join(os.tmpdir(), 'studio-agnhost-build-'));
  const started = Date.now();
  try {
    log(`building agnhost from k8s.io/kubernetes@${pinnedRelease.kubernetes} into ${dir}`);
    const env = { ...process.env, ...goBuildEnv() };
    await writeKubernetesBuildModule(module, pinnedRelease.kubernetes);
    const pkg = 'k8s.io/kubernetes/test/images/agnhost';
    await execa(goCommand(), ['get', `${pkg}@${pinnedRelease.kubernetes}`], { cwd: module, env, stdout: 'inherit', stderr: 'inherit' });
    await execa('nice', ['-n', '10', goCommand(), 'build', '-trimpath', '-ldflags=-s -w', '-o', path.join(staging, 'agnhost'), pkg], { cwd: module, env, stdout: 'inherit', stderr: 'inherit' });
    await rename(staging, dir).catch(async (error: unknown) => {
      if (!(await exists(binary))) throw error;
    });
    log(`agnhost built in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(module, { recursive: true, force: true });
  }
  return { binary, key };
}

/** Debian packages as this machine's apt sources have them (`apt-get download`), cached by their file names. */
async function debianPackages(packages: string[]): Promise<{ files: string[] }> {
  const filenames: string[] = [];
  for (const name of packages) {
    filenames.push(path.basename(await debianPackageFile(name)));
  }
  const dir = testCacheDir('debs');
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const [index, name] of packages.entries()) {
    const file = path.join(dir, filenames[index] ?? '');
    if (!(await exists(file))) {
      const staging = await mkdtemp(path.join(dir, '.staging-'));
      try {
        const download = await execa('apt-get', ['download', name], { cwd: staging, reject: false, all: true, timeout: 10 * 60_000 });
        if (download.exitCode !== 0) throw new Error(`apt-get download ${name} failed: ${download.all}`);
        const deb = (await readdir(staging)).find((entry) => entry.endsWith('.deb'));
        if (!deb) throw new Error(`apt-get download ${name} left no .deb in ${staging}`);
        await rename(path.join(staging, deb), file);
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    }
    files.push(file);
  }
  return { files };
}

async function importAgnhostImage(engine: DockerEngine, image: string, agnhost: string, debs: string[]): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'studio-agnhost-rootfs-'));
  try {
    const root = path.join(work, 'root');
    for (const dir of ['bin', 'etc', 'tmp', 'proc', 'sys', 'dev', 'uploads']) await mkdir(path.join(root, dir), { recursive: true });
    for (const deb of debs) await execa('dpkg-deb', ['-x', deb, root]);
    const netcat = (await findFile(root, 'nc.openbsd')) ?? '';
    if (!netcat) throw new Error(`netcat-openbsd unpacked no nc.openbsd into ${root}`);
    await symlink(path.basename(netcat), path.join(path.dirname(netcat), 'nc'));
    if (!(await exists(path.join(root, 'bin', 'dash')))) throw new Error(`dash unpacked no /bin/dash into ${root}`);
    if (!(await exists(path.join(root, 'bin', 'sh')))) await symlink('dash', path.join(root, 'bin', 'sh'));
    await copyFile('/bin/busybox', path.join(root, 'bin', 'busybox'));
    const applets = (await execa('/bin/busybox', ['--list'])).stdout.split('\n').map((name) => name.trim()).filter((name) => /^[\w.[-]+$/.test(name) && name !== 'busybox');
    for (const applet of applets) {
      // Debian's nc and sh win (see debianPackagesInAgnhost); anything else unpacked from a package stays too.
      if (applet === 'nc' || (await exists(path.join(root, 'bin', applet)))) continue;
      await symlink('busybox', path.join(root, 'bin', applet));
    }
    await copyFile(agnhost, path.join(root, 'agnhost'));
    await symlink('agnhost', path.join(root, 'agnhost-2'));
    const tarball = path.join(work, 'rootfs.tar');
    await execa('tar', ['--numeric-owner', '--owner=0', '--group=0', '-C', root, '-cf', tarball, '.']);
    const changes = ['ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'ENTRYPOINT ["/agnhost"]', 'CMD ["pause"]', 'EXPOSE 80 8080 8081 9376 5000'];
    const imported = await execa(engine.client, ['import', ...changes.flatMap((change) => ['--change', change]), tarball, image], { env: engine.env, reject: false });
    if (imported.exitCode !== 0) throw new Error(`docker import of the agnhost root filesystem failed: ${imported.stderr}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function findFile(root: string, name: string): Promise<string | undefined> {
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.name === name && !entry.isDirectory()) return path.join(entry.parentPath, entry.name);
  }
  return undefined;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
