import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hotSwapManifest, hotSwapPaths, nodeImageCommands, schedulerOnlyVerdict } from '../../../shared/kind/hot-swap.js';
import { fixture } from '../../support/fixtures.js';

describe('scheduler hot-swap', () => {
  // Shaped like kubernetes v1.35.4: kubelet imports pkg/scheduler and the nodeaffinity plugin
  // (pkg/kubelet/lifecycle/predicate.go), not the noderesources one.
  const deps = {
    scheduler: ['cmd/kube-scheduler/app', 'pkg/scheduler', 'pkg/scheduler/framework/plugins/nodeaffinity', 'pkg/scheduler/framework/plugins/noderesources', 'staging/src/k8s.io/kube-scheduler/config/v1'],
    nodeImage: ['cmd/kubelet/app', 'pkg/kubelet/lifecycle', 'pkg/scheduler', 'pkg/scheduler/framework/plugins/nodeaffinity'],
  };

  it('is a scheduler-only change only when every file is in a package only kube-scheduler is built from', () => {
    expect(schedulerOnlyVerdict(['pkg/scheduler/framework/plugins/noderesources/fit.go', 'cmd/kube-scheduler/app/server.go'], deps).schedulerOnly).toBe(true);
    expect(schedulerOnlyVerdict(['staging/src/k8s.io/kube-scheduler/config/v1/types.go'], deps).schedulerOnly).toBe(true);
    expect(schedulerOnlyVerdict([], deps).schedulerOnly).toBe(false);
  });

  it('is not one when a node-image binary is built from the package, naming the file', () => {
    expect(schedulerOnlyVerdict(['pkg/scheduler/framework/plugins/noderesources/fit.go', 'pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go'], deps)).toEqual({
      schedulerOnly: false,
      reason: expect.stringMatching(/^pkg\/scheduler\/framework\/plugins\/nodeaffinity\/node_affinity\.go is in pkg\/scheduler\/framework\/plugins\/nodeaffinity, which the node image's other binaries \(kubeadm, kubectl, kubelet/),
    });
    expect(schedulerOnlyVerdict(['pkg/scheduler/scheduler.go'], deps).schedulerOnly).toBe(false);
    expect(schedulerOnlyVerdict(['pkg/scheduler/x.go', 'pkg/kubelet/kubelet.go'], deps).schedulerOnly).toBe(false);
    // Outside anything kube-scheduler is built from: docs, test data, go.mod.
    expect(schedulerOnlyVerdict(['docs/README.md'], deps).reason).toBe('docs/README.md is not in a package kube-scheduler is built from');
    expect(schedulerOnlyVerdict(['go.mod'], deps).schedulerOnly).toBe(false);
    expect(schedulerOnlyVerdict(['pkg/scheduler/testdata/a.yaml'], deps).schedulerOnly).toBe(false);
  });

  it('asks about every binary kind puts in the node image except kube-scheduler', () => {
    expect([...nodeImageCommands].sort()).toEqual(['./cmd/kube-apiserver', './cmd/kube-controller-manager', './cmd/kube-proxy', './cmd/kubeadm', './cmd/kubectl', './cmd/kubelet']);
  });

  it('points the static pod at the swapped binary, mounted from the node, and keeps the rest', () => {
    const original = readFileSync(fixture('kube-scheduler-manifest.yaml'), 'utf8');
    const swapped = parse(hotSwapManifest(original));
    const container = swapped.spec.containers[0];
    expect(container.command[0]).toBe(hotSwapPaths.binary);
    expect(container.command.slice(1)).toEqual(parse(original).spec.containers[0].command.slice(1));
    expect(container.image).toBe('registry.k8s.io/kube-scheduler:v1.35.4');
    expect(container.volumeMounts).toContainEqual({ name: 'studio-kube-scheduler', mountPath: hotSwapPaths.binary, readOnly: true });
    expect(swapped.spec.volumes).toContainEqual({ name: 'studio-kube-scheduler', hostPath: { path: hotSwapPaths.binary, type: 'File' } });
    // Swapping twice does not add the mount twice.
    const twice = parse(hotSwapManifest(hotSwapManifest(original)));
    expect(twice.spec.volumes.filter((v: { name: string }) => v.name === 'studio-kube-scheduler')).toHaveLength(1);
  });
});
