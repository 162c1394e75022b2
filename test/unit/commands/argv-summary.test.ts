import { describe, expect, it } from 'vitest';
import { argvSummary } from '../../../shared/commands/argv-summary.js';

describe('summaries of long commands', () => {
  it('leaves a command that reads well alone', () => {
    expect(argvSummary(['make', 'all', 'WHAT=cmd/kubectl test/e2e/e2e.test vendor/github.com/onsi/ginkgo/v2/ginkgo'])).toBeUndefined();
    expect(argvSummary(['git', '-C', '/src/k8s', 'ls-tree', '-z', 'HEAD', '--', 'cmd/kubectl/', 'pkg/api/'])).toBeUndefined();
  });

  it('counts the folders and files after "--"', () => {
    const folders = Array.from({ length: 1880 }, (_, i) => `pkg/p${i}/`);
    expect(argvSummary(['git', '-C', '/src/k8s', '--literal-pathspecs', 'ls-tree', '-z', 'HEAD', '--', ...folders, 'test/e2e/testing-manifests/guestbook/frontend.yaml'])).toEqual({
      head: 'git -C /src/k8s --literal-pathspecs ls-tree -z HEAD',
      folders: 1880,
      files: 1,
      more: 0,
    });
  });

  it('keeps the first arguments of another long command and counts the rest', () => {
    const summary = argvSummary(['go', 'list', '-deps', ...Array.from({ length: 100 }, (_, i) => `./pkg/p${i}`)]);
    expect(summary?.head.startsWith('go list -deps ./pkg/p0')).toBe(true);
    expect(summary && summary.head.split(' ').length - 1 + summary.more).toBe(102);
  });
});
