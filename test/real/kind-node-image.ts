import { createHash } from 'node:crypto';
import { access, chmod, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { busyboxImage } from '../support/busybox-image.js';
import { debianPackageFile } from '../support/debian-package-file.js';
import type { DockerEngine } from '../support/docker-engine.js';
import { goCommand } from '../support/go-command.js';
import { kindBaseImage } from '../support/kind-base-image.js';
import { testCacheDir, testKindVersion } from '../support/real-kind.js';
import { waitFor } from '../support/wait-for.js';
import { k8sBinaries, versionLdflags } from './k8s-binaries.js';
import { goBuildEnv, writeKubernetesBuildModule } from './kubernetes-build-module.js';
import { pinnedRelease } from './pinned-release.js';

/**
 * What kubeadm v1.35.4 asks for (cmd/kubeadm/app/constants/constants.go: DefaultEtcdVersion
 * "3.6.6-0", CoreDNSVersion "v1.13.1") and the sandbox image kind's containerd config names
 * (images/base/files/etc/containerd/config.toml: sandbox_image "registry.k8s.io/pause:3.10"; kind's
 * node build replaces kubeadm's pause with that one, pkg/build/nodeimage/buildcontext.go).
 */
export const nodeImageVersions = { kubernetes: pinnedRelease.kubernetes, etcd: 'v3.6.6', etcdImageTag: '3.6.6-0', coredns: 'v1.13.1', pause: '3.10' } as const;

/** The Debian package of the CNI plugins (bridge, host-local, loopback, ...), installed into /opt/cni/bin, where containerd 1.6 looks by default. */
const cniPackage = 'containernetworking-plugins';

/** Bump when the way the image is put together changes. */
const recipe = 4;

export interface KindNodeImage {
  /** The docker tag kind is given with --image. */
  image: string;
  /** What /kind/version says. */
  kubernetesVersion: string;
  /** The images imported into the node's containerd (k8s.io namespace), by name. */
  images: string[];
}

/**
 * A kind node image for kind v0.32.0 made offline, the way kind's own node build assembles one
 * (pkg/build/nodeimage/buildcontext.go buildImage): a build container from the base image
 * (support/kind-base-image.ts) kept alive with `sleep infinity`; kubelet, kubeadm and kubectl copied
 * to /usr/bin; /kind/version written; containerd started inside and every image the node needs
 * imported with kind's own `ctr images import` arguments (imageimporter.go); then `docker commit`
 * with kind's ENTRYPOINT back.
 *
 * Nothing can be pulled here, so every image is built here, under the name kubeadm and containerd
 * ask for: kube-apiserver, kube-controller-manager, kube-scheduler and kube-proxy of the pinned
 * release (built from Go modules), etcd and CoreDNS at the versions kubeadm asks for (from their Go
 * modules), pause (compiled from kubernetes' build/pause/linux/pause.c). Two differences from kind's image,
 * both because their sources cannot be fetched here: no kindnetd (its module is not served by the Go
 * proxy), so there is no /kind/manifests/default-cni.yaml and a cluster needs
 * `networking.disableDefaultCNI: true` and a CNI config of its own (Debian's CNI plugins are in
 * /opt/cni/bin; see bridgeCniConfig); no local-path-provisioner, so there is no
 * default-storage.yaml and kind falls back to its host-path StorageClass (installstorage/storage.go).
 *
 * The image is tagged with a key made from everything it is made from; building it again only
 * happens when one of those changes or the engine's data root is new.
 */
export async function kindNodeImage(engine: DockerEngine, log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<KindNodeImage> {
  const base = await kindBaseImage(engine);
  const busybox = await busyboxImage(engine);
  const servers = await k8sBinaries({ log });
  const bits = await nodeBinaries(log);
  const etcd = await etcdBinary(log);
  const coredns = await corednsBinary(log);
  const pause = await pauseBinary();
  const cni = await cniPlugins();
  const key = createHash('sha256')
    .update(JSON.stringify({ recipe, base, busybox, servers: servers.dir, bits: bits.dir, etcd, coredns, pause, cni: cni.deb, versions: nodeImageVersions, kind: testKindVersion }))
    .digest('hex')
    .slice(0, 12);
  const image = `studio-test/kind-node:${nodeImageVersions.kubernetes}-${key}`;
  const images = {
    [`registry.k8s.io/kube-apiserver:${nodeImageVersions.kubernetes}`]: { from: busybox, binary: servers.kubeApiserver },
    [`registry.k8s.io/kube-controller-manager:${nodeImageVersions.kubernetes}`]: { from: busybox, binary: servers.kubeControllerManager },
    [`registry.k8s.io/kube-scheduler:${nodeImageVersions.kubernetes}`]: { from: busybox, binary: servers.kubeScheduler },
    // kube-proxy runs iptables-restore and friends: the base image's Debian has them.
    [`registry.k8s.io/kube-proxy:${nodeImageVersions.kubernetes}`]: { from: base, binary: bits.kubeProxy },
    [`registry.k8s.io/etcd:${nodeImageVersions.etcdImageTag}`]: { from: busybox, binary: etcd },
    // CoreDNS's own image puts it at /coredns as its entrypoint (its Dockerfile); kubeadm's Deployment passes only args.
    [`registry.k8s.io/coredns/coredns:${nodeImageVersions.coredns}`]: { from: 'scratch', binary: coredns, entrypoint: '/coredns' },
    [`registry.k8s.io/pause:${nodeImageVersions.pause}`]: { from: 'scratch', binary: pause, entrypoint: '/pause' },
  };
  const result = { image, kubernetesVersion: nodeImageVersions.kubernetes, images: Object.keys(images) };
  const docker = (args: string[], input?: Buffer | string) => execa(engine.client, args, { env: engine.env, reject: false, input, maxBuffer: 1 << 30 });
  if ((await docker(['image', 'inspect', '--format', '{{.Id}}', image])).exitCode === 0) return result;

  const started = Date.now();
  log(`assembling the kind node image ${image} from ${base}`);
  const work = await mkdtemp(path.join(os.tmpdir(), 'studio-kind-node-'));
  const container = `studio-kind-build-${process.pid}-${Date.now()}`;
  const must = async (what: string, args: string[], input?: Buffer | string) => {
    const out = await docker(args, input);
    if (out.exitCode !== 0) throw new Error(`${what} failed (docker ${args.join(' ')}): ${out.stderr || out.stdout}`);
    return out;
  };
  try {
    // Each image: its binary at /usr/local/bin (the static pods and kube-proxy's DaemonSet call it
    // by name or by that path), saved to an archive the way kind's bits hand images over.
    const archives: string[] = [];
    for (const [name, spec] of Object.entries(images)) {
      const context = path.join(work, `image-${archives.length}`);
      await mkdir(context);
      const file = path.basename(spec.binary);
      await copyFile(spec.binary, path.join(context, file));
      await chmod(path.join(context, file), 0o755);
      const target = 'entrypoint' in spec ? spec.entrypoint : `/usr/local/bin/${file}`;
      const lines = [`FROM ${spec.from}`, `COPY ${file} ${target}`, 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'STOPSIGNAL SIGTERM', `ENTRYPOINT ["${target}"]`];
      await writeFile(path.join(context, 'Dockerfile'), `${lines.join('\n')}\n`);
      const tag = `studio-test/kind-node-part:${key}-${archives.length}`;
      const built = await execa(engine.client, ['build', '--quiet', '--tag', tag, context], { env: { ...engine.env, DOCKER_BUILDKIT: '0' }, reject: false });
      if (built.exitCode !== 0) throw new Error(`docker build of ${name} failed: ${built.stderr}`);
      await must(`tagging ${name}`, ['tag', tag, name]);
      const archive = path.join(work, `image-${archives.length}.tar`);
      await must(`saving ${name}`, ['save', '--output', archive, name]);
      await docker(['rmi', name, tag]);
      archives.push(archive);
    }

    log(`  ${archives.length} images built and saved after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    // buildcontext.go createBuildContainer, without the pull (there is no registry) and the proxy env.
    await must('starting the build container', ['run', '-d', '--entrypoint=sleep', `--name=${container}`, '--security-opt', 'seccomp=unconfined', base, 'infinity']);
    const inNode = (what: string, argv: string[], input?: Buffer | string) => must(what, ['exec', ...(input === undefined ? [] : ['-i']), container, ...argv], input);
    for (const binary of [bits.kubelet, bits.kubeadm, servers.kubectl]) {
      const nodePath = `/usr/bin/${path.basename(binary)}`;
      await must(`copying ${binary}`, ['cp', binary, `${container}:${nodePath}`]);
      await inNode('chmod', ['chmod', '+x', nodePath]);
      await inNode('chown', ['chown', 'root:root', nodePath]);
    }
    await inNode('writing /kind/version', ['cp', '/dev/stdin', '/kind/version'], nodeImageVersions.kubernetes);
    // This machine withholds CAP_SYS_RESOURCE, so no process may lower its oom_score_adj, and the
    // kubelet's pod sandboxes (oom_score_adj -998) fail in runc ("can't get final child's PID from
    // pipe"). containerd's restrict_oom_score_adj keeps each score at or above its own, which is
    // what kind's entrypoint turns on when the node runs in a user namespace (rootless), where the
    // capability is missing the same way.
    await inNode('setting restrict_oom_score_adj', ['sed', '-i', 's/restrict_oom_score_adj = false/restrict_oom_score_adj = true/', '/etc/containerd/config.toml']);
    await inNode('checking restrict_oom_score_adj', ['grep', '-q', 'restrict_oom_score_adj = true', '/etc/containerd/config.toml']);
    await inNode('making /opt/cni/bin', ['mkdir', '-p', '/opt/cni/bin']);
    for (const plugin of cni.plugins) await must(`copying the CNI plugin ${plugin}`, ['cp', plugin, `${container}:/opt/cni/bin/${path.basename(plugin)}`]);

    // kind checks that kubeadm's list is what the node will have (kubeadm config images list), less pause.
    const required = (await inNode('kubeadm config images list', ['kubeadm', 'config', 'images', 'list', '--kubernetes-version', nodeImageVersions.kubernetes])).stdout.split('\n').map((line) => line.trim()).filter((line) => line && !line.includes('pause'));
    const missing = required.filter((name) => !(name in images));
    if (missing.length > 0) throw new Error(`kubeadm ${nodeImageVersions.kubernetes} asks for images this builder does not make: ${missing.join(', ')} (it makes ${Object.keys(images).join(', ')})`);

    // imageimporter.go Prepare / WaitForReady / LoadCommand / End, without its shell lines: containerd
    // started by a detached exec, and its readiness asked with `ctr version` (kind asks `ctr info`,
    // which Debian's ctr, containerd 1.6, does not have).
    await must('starting containerd in the build container', ['exec', '--detach', container, 'containerd']);
    let answer = '';
    await waitFor(
      async () => {
        const out = await docker(['exec', container, 'ctr', 'version']);
        answer = out.stderr || out.stdout;
        return out.exitCode === 0;
      },
      "containerd in the build container to answer `ctr version`",
      { timeoutMs: 60_000, intervalMs: 200, describe: () => answer },
    );
    for (const archive of archives) {
      await inNode(`importing ${archive}`, ['ctr', '--namespace=k8s.io', 'images', 'import', '--label=io.cri-containerd.pinned=pinned', '--all-platforms', '--no-unpack', '--digests', '-'], await readFile(archive));
    }
    const listed = (await inNode('listing the imported images', ['ctr', '--namespace=k8s.io', 'images', 'list', '-q'])).stdout.split('\n');
    for (const name of Object.keys(images)) if (!listed.includes(name)) throw new Error(`${name} is not among the node's images after the import: ${listed.join(', ')}`);
    // containerd must be gone before the commit, or its database may be caught half written. A
    // containerd that exited but was not reaped yet shows as a zombie (Z) and counts as gone.
    await inNode('stopping containerd', ['pkill', '-x', 'containerd']);
    let left = '';
    await waitFor(
      async () => {
        left = (await docker(['exec', container, 'ps', '-C', 'containerd', '-o', 'pid=,stat=']).then((out) => out.stdout)).trim();
        return left.split('\n').every((line) => line.trim() === '' || / Z/.test(line));
      },
      'containerd in the build container to exit',
      { timeoutMs: 60_000, intervalMs: 200, describe: () => `still running: ${left}` },
    );

    await must('committing the node image', ['commit', '--change', 'ENTRYPOINT [ "/usr/local/bin/entrypoint", "/sbin/init" ]', '--change', 'ENV HTTP_PROXY="" HTTPS_PROXY="" NO_PROXY=""', container, image]);
    log(`  node image ${image} assembled in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    // Earlier node images (about 1.4 GB each) go; docker refuses to remove one a container still runs.
    const older = (await docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', 'studio-test/kind-node'])).stdout.split('\n').filter((tag) => tag && tag !== image);
    if (older.length > 0) await docker(['rmi', ...older]);
    return result;
  } finally {
    await docker(['rm', '-f', '-v', container]);
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * A bridge CNI config for one node of a cluster made from this image: Debian's bridge and
 * host-local plugins, with a pod subnet of its own per node (10.244.<index>.0/24, inside kind's
 * default pod subnet 10.244.0.0/16). Mounted into each node at /etc/cni/net.d by the cluster's
 * config (extraMounts), it is what makes containerd report the network ready, and with it the node.
 */
export function bridgeCniConfig(index: number): string {
  return `${JSON.stringify(
    {
      cniVersion: '0.4.0',
      name: 'studio-bridge',
      // ipMasq: traffic leaving the pod subnet (to the API server's Service, to another node) goes out
      // with the node's address, since no node has routes to the others' pod subnets.
      plugins: [{ type: 'bridge', bridge: 'cni0', isGateway: true, ipMasq: true, hairpinMode: true, ipam: { type: 'host-local', ranges: [[{ subnet: `10.244.${index}.0/24` }]], routes: [{ dst: '0.0.0.0/0' }] } }],
    },
    null,
    2,
  )}\n`;
}

interface NodeBinaries {
  dir: string;
  kubelet: string;
  kubeadm: string;
  kubeProxy: string;
}

/** kubelet, kubeadm and kube-proxy of the pinned release, built like the harness's servers (k8s-binaries.ts) and cached next to them. */
async function nodeBinaries(log: (line: string) => void): Promise<NodeBinaries> {
  const kubernetes = nodeImageVersions.kubernetes;
  const flags = ['-trimpath', `-ldflags=${versionLdflags(kubernetes)}`];
  const commands = ['kubelet', 'kubeadm', 'kube-proxy'];
  const dir = testCacheDir('k8s', kubernetes, `node-${createHash('sha256').update(JSON.stringify({ commands, flags, env: goBuildEnv() })).digest('hex').slice(0, 10)}`);
  const result = { dir, kubelet: path.join(dir, 'kubelet'), kubeadm: path.join(dir, 'kubeadm'), kubeProxy: path.join(dir, 'kube-proxy') };
  if (await exists(dir)) return result;
  await buildInto(dir, log, `kubelet, kubeadm and kube-proxy ${kubernetes}`, async (module, staging, go) => {
    await writeKubernetesBuildModule(module, kubernetes);
    const packages = commands.map((name) => `k8s.io/kubernetes/cmd/${name}`);
    await go(['get', ...packages.map((pkg) => `${pkg}@${kubernetes}`)]);
    await go(['build', ...flags, '-o', `${staging}${path.sep}`, ...packages]);
  });
  return result;
}

/**
 * etcd at the version kubeadm asks for, from its server module in a throw-away module of its own
 * (etcd's go.mod replaces its sibling modules with ../ folders, so `go install` of it is refused).
 */
async function etcdBinary(log: (line: string) => void): Promise<string> {
  const dir = testCacheDir('etcd', nodeImageVersions.etcd);
  const file = path.join(dir, 'etcd');
  if (await exists(file)) return file;
  await buildInto(dir, log, `etcd ${nodeImageVersions.etcd}`, async (module, staging, go) => {
    await writeFile(path.join(module, 'go.mod'), 'module k8s-e2e-studio.test/etcd-build\n\ngo 1.25.0\n');
    await go(['get', `go.etcd.io/etcd/server/v3@${nodeImageVersions.etcd}`]);
    await go(['build', '-trimpath', '-ldflags=-s -w', '-o', path.join(staging, 'etcd'), 'go.etcd.io/etcd/server/v3']);
  });
  return file;
}

/** CoreDNS at the version kubeadm deploys, `go install`ed from its module (its go.mod has no replace directives). */
async function corednsBinary(log: (line: string) => void): Promise<string> {
  const dir = testCacheDir('coredns', nodeImageVersions.coredns);
  const file = path.join(dir, 'coredns');
  if (await exists(file)) return file;
  await buildInto(dir, log, `CoreDNS ${nodeImageVersions.coredns}`, async (module, staging) => {
    await execa('nice', ['-n', '10', goCommand(), 'install', '-trimpath', '-ldflags=-s -w', `github.com/coredns/coredns@${nodeImageVersions.coredns}`], { cwd: module, env: { ...process.env, ...goBuildEnv(), GOFLAGS: '', GOBIN: staging }, stdout: 'inherit', stderr: 'inherit' });
  });
  return file;
}

/** kubernetes' pause, compiled with the flags of its build/pause/Makefile (static, -Os), from the pinned release's module. */
async function pauseBinary(): Promise<string> {
  const { stdout } = await execa(goCommand(), ['mod', 'download', '-json', `k8s.io/kubernetes@${nodeImageVersions.kubernetes}`], { env: { ...process.env, ...goBuildEnv(), GOFLAGS: '' } });
  const source = path.join((JSON.parse(stdout) as { Dir: string }).Dir, 'build', 'pause', 'linux', 'pause.c');
  const text = await readFile(source);
  const flags = ['-Os', '-Wall', '-Werror', '-static', `-DVERSION=v${nodeImageVersions.pause}-studio-test`];
  const dir = testCacheDir('pause', createHash('sha256').update(text).update(flags.join(' ')).digest('hex').slice(0, 12));
  const file = path.join(dir, 'pause');
  if (await exists(file)) return file;
  await mkdir(dir, { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  const built = await execa('gcc', [...flags, '-o', temp, source], { reject: false, all: true });
  if (built.exitCode !== 0) throw new Error(`gcc could not build pause from ${source} (needs gcc and libc6-dev): ${built.all}`);
  await rename(temp, file);
  return file;
}

/** Debian's CNI plugins, downloaded with apt (not installed on the host) and unpacked in the test cache. */
async function cniPlugins(): Promise<{ deb: string; plugins: string[] }> {
  const filename = await debianPackageFile(cniPackage);
  const dir = testCacheDir('cni-plugins', path.basename(filename, '.deb'));
  const bin = path.join(dir, 'usr', 'lib', 'cni');
  if (!(await exists(bin))) {
    await mkdir(path.dirname(dir), { recursive: true });
    const staging = await mkdtemp(`${dir}.staging-`);
    try {
      const download = await execa('apt-get', ['download', cniPackage], { cwd: staging, reject: false, all: true, timeout: 10 * 60_000 });
      if (download.exitCode !== 0) throw new Error(`apt-get download ${cniPackage} failed: ${download.all}`);
      const deb = (await readdir(staging)).find((name) => name.endsWith('.deb'));
      if (!deb) throw new Error(`apt-get download ${cniPackage} left no .deb in ${staging}`);
      await execa('dpkg-deb', ['-x', path.join(staging, deb), staging]);
      await rm(path.join(staging, deb));
      await rename(staging, dir).catch(async (error: unknown) => {
        if (!(await exists(bin))) throw error;
      });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  const plugins = (await readdir(bin)).sort().map((name) => path.join(bin, name));
  for (const needed of ['bridge', 'host-local', 'loopback']) if (!plugins.some((file) => path.basename(file) === needed)) throw new Error(`${cniPackage} has no ${needed} plugin in ${bin}`);
  return { deb: path.basename(filename), plugins };
}

/** Runs a Go build in a throw-away module into a staging folder that becomes `dir` when it is complete. */
async function buildInto(dir: string, log: (line: string) => void, what: string, build: (module: string, staging: string, go: (args: string[]) => Promise<unknown>) => Promise<void>): Promise<void> {
  await mkdir(path.dirname(dir), { recursive: true });
  const staging = await mkdtemp(`${dir}.staging-`);
  const module = await mkdtemp(path.join(os.tmpdir(), 'studio-go-build-'));
  const started = Date.now();
  try {
    log(`building ${what} from Go modules into ${dir}`);
    const go = (args: string[]) => execa('nice', ['-n', '10', goCommand(), ...args], { cwd: module, env: { ...process.env, ...goBuildEnv() }, stdout: 'inherit', stderr: 'inherit' });
    await build(module, staging, go);
    await rename(staging, dir).catch(async (error: unknown) => {
      if (!(await exists(dir))) throw error;
    });
    log(`  ${what} built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(module, { recursive: true, force: true });
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
