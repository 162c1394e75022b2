import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hotSwapManifest, hotSwapPaths, isSchedulerOnlyChange } from '../../../shared/kind/hot-swap.js';
import { fixture } from '../../support/fixtures.js';

describe('scheduler hot-swap', () => {
  it('only scheduler paths make a scheduler-only change', () => {
    expect(isSchedulerOnlyChange(['pkg/scheduler/framework/plugins/noderesources/fit.go', 'cmd/kube-scheduler/app/server.go'])).toBe(true);
    expect(isSchedulerOnlyChange(['pkg/scheduler/x.go', 'pkg/kubelet/kubelet.go'])).toBe(false);
    expect(isSchedulerOnlyChange(['staging/src/k8s.io/kube-scheduler/config/v1/types.go'])).toBe(true);
    expect(isSchedulerOnlyChange([])).toBe(false);
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
