import { describe, expect, it } from 'vitest';
import { goModModule, isKubernetesGoMod } from '../../../shared/source/go-mod-module.js';
import { parseGitStatus } from '../../../shared/source/parse-git-status.js';

describe('parseGitStatus', () => {
  it('separates changed from untracked, and counts both sides of a rename', () => {
    const out = [' M pkg/scheduler/a.go', 'A  new/file.go', ' D gone.go', 'R  to.go', 'from.go', '?? notes.txt', '?? dir with space/x.go', ''].join('\0');
    expect(parseGitStatus(out)).toEqual({ dirty: ['from.go', 'gone.go', 'new/file.go', 'pkg/scheduler/a.go', 'to.go'], untracked: ['dir with space/x.go', 'notes.txt'] });
  });
  it('is empty for a clean tree', () => {
    expect(parseGitStatus('')).toEqual({ dirty: [], untracked: [] });
  });
});

describe('go.mod', () => {
  it('recognises the Kubernetes module only', () => {
    expect(isKubernetesGoMod('// comment\nmodule k8s.io/kubernetes\n\ngo 1.24\n')).toBe(true);
    expect(isKubernetesGoMod('module k8s.io/kubernetes/staging\n')).toBe(false);
    expect(isKubernetesGoMod('module sigs.k8s.io/kind\n')).toBe(false);
    expect(goModModule('module "k8s.io/kubernetes" // quoted\n')).toBe('k8s.io/kubernetes');
    expect(goModModule('go 1.22\n')).toBeUndefined();
  });
});
