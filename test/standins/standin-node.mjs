// Shared by the kind and docker STAND-INS: a kind node's file system as a folder under
// $STUDIO_STANDIN_STATE/nodes/<container>/, and what its kubelet does with the kube-scheduler
// static pod manifest there: when a real API server is behind the stand-in cluster
// ($STUDIO_STANDIN_KUBECONFIG), it (re)creates the mirror pod kube-scheduler-<node> on a kwok node,
// which kwok then reports Running and Ready.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export function nodeRoot(state, container) {
  return path.join(state, 'nodes', container);
}

/** A path inside the node, as a path in the stand-in folder. */
export function inNode(state, container, file) {
  return path.join(nodeRoot(state, container), file.replace(/^\/+/, ''));
}

const manifest = '/etc/kubernetes/manifests/kube-scheduler.yaml';

export function seedControlPlane(state, container, image) {
  const file = inNode(state, container, manifest);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const version = /:(v[\d.]+)/.exec(image)?.[1] ?? 'v1.35.4';
  fs.writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  labels:',
      '    component: kube-scheduler',
      '    tier: control-plane',
      '  name: kube-scheduler',
      '  namespace: kube-system',
      'spec:',
      '  containers:',
      '  - command:',
      '    - kube-scheduler',
      '    - --kubeconfig=/etc/kubernetes/scheduler.conf',
      '    - --leader-elect=true',
      `    image: registry.k8s.io/kube-scheduler:${version}`,
      '    name: kube-scheduler',
      '    volumeMounts:',
      '    - mountPath: /etc/kubernetes/scheduler.conf',
      '      name: kubeconfig',
      '      readOnly: true',
      '  hostNetwork: true',
      '  priorityClassName: system-node-critical',
      '  volumes:',
      '  - hostPath:',
      '      path: /etc/kubernetes/scheduler.conf',
      '      type: FileOrCreate',
      '    name: kubeconfig',
      '',
    ].join('\n'),
  );
  syncKubelet(state, container);
}

/** The kubelet's part: mirror the static pod into the API server, when there is one. */
export function syncKubelet(state, container) {
  const kubeconfig = process.env.STUDIO_STANDIN_KUBECONFIG;
  const file = inNode(state, container, manifest);
  if (!kubeconfig || !fs.existsSync(file)) return;
  const pod = parse(fs.readFileSync(file, 'utf8'));
  const name = `kube-scheduler-${container}`;
  pod.metadata = { ...pod.metadata, name, namespace: 'kube-system' };
  pod.spec = { ...pod.spec, nodeName: process.env.STUDIO_STANDIN_NODE ?? 'kwok-control-plane' };
  delete pod.status;
  const kubectl = process.env.STUDIO_STANDIN_KUBECTL ?? 'kubectl';
  spawnSync(kubectl, ['--kubeconfig', kubeconfig, '-n', 'kube-system', 'delete', 'pod', name, '--ignore-not-found', '--grace-period=0', '--force'], { stdio: 'ignore' });
  const created = spawnSync(kubectl, ['--kubeconfig', kubeconfig, 'create', '-f', '-'], { input: JSON.stringify(pod), encoding: 'utf8' });
  if (created.status !== 0) process.stderr.write(`stand-in kubelet: could not mirror ${name}: ${created.stderr}`);
}
