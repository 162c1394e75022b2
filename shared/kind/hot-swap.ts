import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';

/** Where the swapped-in kube-scheduler lives inside the control-plane node, and where the original manifest is kept. */
export const hotSwapPaths = {
  binary: '/usr/local/bin/kube-scheduler-studio',
  manifest: '/etc/kubernetes/manifests/kube-scheduler.yaml',
  original: '/etc/kubernetes/kube-scheduler.yaml.studio-original',
  staged: '/etc/kubernetes/kube-scheduler.yaml.studio-new',
} as const;

/** Paths whose changes touch only the scheduler: such a change is hot-swapped, not rebuilt into a node image. */
const schedulerOnly = [/^cmd\/kube-scheduler\//, /^pkg\/scheduler\//, /^staging\/src\/k8s\.io\/kube-scheduler\//];

export function isSchedulerOnlyChange(files: readonly string[]): boolean {
  return files.length > 0 && files.every((file) => schedulerOnly.some((pattern) => pattern.test(file)));
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
