import { describe, expect, it } from 'vitest';
import { CompileProgress } from '../../../shared/build/compile-progress.js';

describe('counting the packages go build -v compiles', () => {
  it('counts each of the artefact\'s packages once, across chunks that split lines, and nothing else', () => {
    const progress = new CompileProgress(new Set(['k8s.io/kubernetes/pkg/api', 'k8s.io/kubernetes/pkg/scheduler', 'k8s.io/kubernetes/cmd/kube-scheduler']));
    expect(progress.feed('+++ [0102 10:00:00] Building go targets for linux/arm64\r\ninternal/goarch\r\nk8s.io/kubernetes/pkg/a')).toBe(false);
    expect(progress.feed('pi\r\nk8s.io/kubernetes/pkg/api\n')).toBe(true);
    expect(progress.count).toEqual({ done: 1, total: 3, last: 'k8s.io/kubernetes/pkg/api' });
    expect(progress.feed('k8s.io/kubernetes/pkg/scheduler\nk8s.io/kubernetes/pkg/scheduler/metrics\n')).toBe(true);
    expect(progress.count).toEqual({ done: 2, total: 3, last: 'k8s.io/kubernetes/pkg/scheduler' });
    expect(progress.feed('k8s.io/kubernetes/cmd/kube-scheduler')).toBe(false);
    expect(progress.feed('\n')).toBe(true);
    expect(progress.count.done).toBe(3);
  });
});
