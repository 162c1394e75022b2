import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { e2eParallelArgv, e2ePreviewArgv, e2eRunArgv, nodeArchOf } from '../../../shared/e2e/e2e-argv.js';
import { E2eFiltersSchema, filterProblems } from '../../../shared/e2e/e2e-filters.js';
import { parseGinkgoDryRun } from '../../../shared/e2e/parse-ginkgo-json.js';
import { fixture } from '../../support/fixtures.js';

describe('filterProblems', () => {
  it('checks focus and skip as Go regular expressions, with the position', () => {
    expect(filterProblems({ focus: 'NodeSelector(?=.*respected)', skip: '', labelFilter: '' })).toEqual([{ field: 'focus', position: 12, message: expect.stringMatching(/look-ahead/) }]);
    expect(filterProblems({ focus: '', skip: '(\\w) \\1', labelFilter: '' })[0]).toMatchObject({ field: 'skip', position: 5 });
    expect(filterProblems({ focus: '(?i)predicates', skip: '\\[Serial\\]', labelFilter: '' })).toEqual([]);
  });

  it('checks the /regexps/ and the parentheses of a label filter', () => {
    expect(filterProblems({ focus: '', skip: '', labelFilter: 'Conformance && !/Slow(?!ly)/' })[0]).toMatchObject({ field: 'labelFilter', position: 21 });
    expect(filterProblems({ focus: '', skip: '', labelFilter: '(Conformance || Feature:x' })[0]).toMatchObject({ field: 'labelFilter', message: 'missing closing )' });
    expect(filterProblems({ focus: '', skip: '', labelFilter: '(Conformance && !Slow) || /sig-(node|apps)/' })).toEqual([]);
  });

  it('refuses a filter longer than the settings keep, instead of dropping it', () => {
    const long = 'a'.repeat(100 * 1024);
    expect(filterProblems({ focus: long, skip: '', labelFilter: '' })).toEqual([{ field: 'focus', position: 4096, message: 'too long: 102,400 characters, at most 4,096 are kept' }]);
    expect(filterProblems({ focus: 'a'.repeat(4096), skip: '', labelFilter: '' })).toEqual([]);
    expect(E2eFiltersSchema.safeParse({ focus: long }).success).toBe(false);
  });
});

describe('e2e.test argv', () => {
  const filters = E2eFiltersSchema.parse({ focus: "[sig-scheduling] it's $(x)", skip: '\\[Serial\\]', failFast: true, flakeAttempts: 2, timeoutMinutes: 30 });

  it('calls e2e.test directly with the cluster, provider and report flags, each filter one element', () => {
    const argv = e2eRunArgv({ e2eTest: '/k/_output/bin/e2e.test', kubeconfig: '/data/kc', context: 'kind-e2e', numNodes: 2, nodeArch: nodeArchOf('linux/arm64'), kubectl: '/k/_output/bin/kubectl', reportDir: '/data/runs/1', reportPrefix: 'run-1' }, filters);
    expect(argv).toEqual([
      '/k/_output/bin/e2e.test',
      '--kubeconfig=/data/kc',
      '--context=kind-e2e',
      '--provider=skeleton',
      '--num-nodes=2',
      // The arch alone: kubernetes v1.35.4 test/e2e/framework/util.go NodeOSArchIs compares it with "amd64" and the like.
      '--node-os-arch=arm64',
      '--kubectl-path=/k/_output/bin/kubectl',
      '--report-dir=/data/runs/1',
      '--report-prefix=run-1',
      '--disable-log-dump=true',
      "--ginkgo.focus=[sig-scheduling] it's $(x)",
      '--ginkgo.skip=\\[Serial\\]',
      '--ginkgo.fail-fast',
      '--ginkgo.flake-attempts=2',
      '--ginkgo.timeout=30m',
      '--ginkgo.v',
    ]);
  });

  it('runs in parallel through the ginkgo CLI, e2e.test and its flags after the "--"', () => {
    const target = { e2eTest: '/k/e2e.test', kubeconfig: '/kc', context: 'c', numNodes: 3, nodeArch: 'amd64', kubectl: '/k/kubectl', reportDir: '/r', reportPrefix: 'p' };
    const parallel = { ...filters, nodes: 4 };
    const argv = e2eParallelArgv('/k/ginkgo', target, parallel);
    // -v for the CLI itself: its reporter prints the parallel run (test/engine/ginkgo-progress-cli.test.ts).
    expect(argv.slice(0, 6)).toEqual(['/k/ginkgo', '--nodes=4', '-v', '--timeout=30m', '/k/e2e.test', '--']);
    expect(argv.slice(6)).toEqual(e2eRunArgv(target, parallel).slice(1));
  });

  it('takes the architecture alone from an os/arch pair', () => {
    expect(nodeArchOf('linux/arm64')).toBe('arm64');
    expect(nodeArchOf('windows/amd64')).toBe('amd64');
    expect(nodeArchOf('s390x')).toBe('s390x');
  });

  it('previews with a dry run and a JSON report', () => {
    expect(e2ePreviewArgv('/e2e.test', { focus: 'x', skip: '', labelFilter: 'Conformance' }, '/tmp/r.json')).toEqual(['/e2e.test', '--ginkgo.dry-run', '--ginkgo.no-color', '--ginkgo.json-report=/tmp/r.json', '--ginkgo.focus=x', '--ginkgo.label-filter=Conformance']);
  });
});

describe('parseGinkgoDryRun on a report the real e2e.test wrote', () => {
  it('lists the specs that would run, with names, labels and places', () => {
    const preview = parseGinkgoDryRun(readFileSync(fixture('ginkgo-dry-run.json'), 'utf8'));
    expect(preview.total).toBe(7355);
    expect(preview.matched.map((s) => s.name)).toEqual([
      '[sig-scheduling] SchedulerPredicates [Serial] validates that NodeSelector is respected if not matching [Conformance]',
      '[sig-scheduling] SchedulerPredicates [Serial] validates that NodeSelector is respected if matching [Conformance]',
    ]);
    expect(preview.matched[0]).toMatchObject({ labels: ['Conformance'], location: 'k8s.io/kubernetes@v1.35.4/test/e2e/scheduling/predicates.go:445' });
  });
});
