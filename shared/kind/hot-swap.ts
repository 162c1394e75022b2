import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';

/** Where the swapped-in kube-scheduler lives inside the control-plane node, and where the original manifest is kept. */
export const hotSwapPaths = {
  binary: '/usr/local/bin/kube-scheduler-studio',
  manifest: '/etc/kubernetes/manifests/kube-scheduler.yaml',
  original: '/etc/kubernetes/kube-scheduler.yaml.studio-original',
  staged: '/etc/kubernetes/kube-scheduler.yaml.studio-new',
} as const;

/**
 * The Go commands a kind node image is made of besides kube-scheduler: the binaries kind installs
 * on the node (kubeadm, kubectl, kubelet) and the control-plane images it loads (kube-apiserver,
 * kube-controller-manager, kube-proxy); kind v0.30–v0.32
 * pkg/build/nodeimage/internal/kube/builder_docker.go lists them.
 */
export const nodeImageCommands = ['./cmd/kubeadm', './cmd/kubectl', './cmd/kubelet', './cmd/kube-apiserver', './cmd/kube-controller-manager', './cmd/kube-proxy'] as const;

/** The package folders (relative to the checkout, from `go list -deps`) each side is built from. */
export interface HotSwapDeps {
  /** What ./cmd/kube-scheduler is built from. */
  scheduler: readonly string[];
  /** What the other node-image commands are built from, together. */
  nodeImage: readonly string[];
}

export interface HotSwapVerdict {
  schedulerOnly: boolean;
  /** Why, naming the first file that decides it. */
  reason: string;
}

/**
 * A change is scheduler-only, and so is hot-swapped instead of rebuilding the node image, when every
 * changed file is in a package kube-scheduler is built from and in none that another node-image
 * binary is built from. Path prefixes cannot say so: kubelet imports pkg/scheduler and some of its
 * plugins (kubernetes v1.35.4 pkg/kubelet/lifecycle/predicate.go).
 */
export function schedulerOnlyVerdict(files: readonly string[], deps: HotSwapDeps): HotSwapVerdict {
  if (files.length === 0) return { schedulerOnly: false, reason: 'nothing changed that a hot-swap could carry' };
  const scheduler = new Set(deps.scheduler);
  const nodeImage = new Set(deps.nodeImage);
  for (const file of files) {
    const slash = file.lastIndexOf('/');
    const dir = slash < 0 ? '.' : file.slice(0, slash);
    if (nodeImage.has(dir)) return { schedulerOnly: false, reason: `${file} is in ${dir}, which the node image's other binaries (kubeadm, kubectl, kubelet, kube-apiserver, kube-controller-manager, kube-proxy) are built from` };
    if (!scheduler.has(dir)) return { schedulerOnly: false, reason: `${file} is not in a package kube-scheduler is built from` };
  }
  return { schedulerOnly: true, reason: `every changed file is in a package only kube-scheduler is built from (${files.join(', ')})` };
}

/**
 * The kubeadm static pod manifest of kube-scheduler, changed to run `binary` from the node: the
 * container's command starts with it, and it is mounted from the node (hostPath, read-only).
 * Everything else (flags, probes, the image) stays as it was.
 */
export function hotSwapManifest(original: string, binary: string = hotSwapPaths.binary): string {
  const doc = parseDocument(original);
  const spec = doc.get('spec') as YAMLMap | undefined;
  const containers = spec?.get('containers') as YAMLSeq | undefined;
  const container = containers?.items[0];
  if (!isMap(container)) throw new Error('The kube-scheduler manifest has no container.');
  const command = container.get('command');
  if (!isSeq(command) || command.items.length === 0) throw new Error('The kube-scheduler manifest has no command.');
  command.items[0] = doc.createNode(binary);
  const mounts = (container.get('volumeMounts') as YAMLSeq | undefined) ?? (doc.createNode([]) as YAMLSeq);
  mounts.items = mounts.items.filter((item) => !(isMap(item) && item.get('name') === 'studio-kube-scheduler'));
  mounts.items.push(doc.createNode({ name: 'studio-kube-scheduler', mountPath: binary, readOnly: true }));
  container.set('volumeMounts', mounts);
  const volumes = (spec?.get('volumes') as YAMLSeq | undefined) ?? (doc.createNode([]) as YAMLSeq);
  volumes.items = volumes.items.filter((item) => !(isMap(item) && item.get('name') === 'studio-kube-scheduler'));
  volumes.items.push(doc.createNode({ name: 'studio-kube-scheduler', hostPath: { path: binary, type: 'File' } }));
  spec?.set('volumes', volumes);
  return doc.toString();
}
