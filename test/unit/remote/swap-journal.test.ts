import { describe, expect, it } from 'vitest';
import { SwapJournalSchema, formatCommand, restoreCommands, type SwapJournal } from '../../../shared/remote/swap-journal.js';

const journal: SwapJournal = {
  version: 1,
  state: 'scheduler-started',
  at: 1_764_098_666_000,
  context: 'prod cluster',
  server: 'https://34.78.1.2',
  kubeconfig: '/Users/ada/Library/Application Support/k8s e2e studio/remote/kubeconfig',
  deployment: { namespace: 'kube-system', name: 'kube-scheduler', originalReplicas: 2 },
  scheduler: { binary: '/src/kubernetes/_output/bin/kube-scheduler', config: '/tmp/sched.yaml', port: 10359, pid: 4242 },
};

describe('SwapJournalSchema', () => {
  it('accepts a journal and rejects a damaged one', () => {
    expect(SwapJournalSchema.parse(journal)).toEqual(journal);
    const { pid: _pid, ...noPid } = journal.scheduler;
    expect(SwapJournalSchema.safeParse({ ...journal, state: 'planned', scheduler: noPid }).success).toBe(true);
    expect(SwapJournalSchema.safeParse({ ...journal, version: 2 }).success).toBe(false);
    expect(SwapJournalSchema.safeParse({ ...journal, state: 'done' }).success).toBe(false);
    expect(SwapJournalSchema.safeParse({ ...journal, deployment: { ...journal.deployment, originalReplicas: -1 } }).success).toBe(false);
    expect(SwapJournalSchema.safeParse({ ...journal, scheduler: { ...journal.scheduler, port: 70000 } }).success).toBe(false);
    const { kubeconfig: _kubeconfig, ...noKubeconfig } = journal;
    expect(SwapJournalSchema.safeParse(noKubeconfig).success).toBe(false);
  });
});

describe('restoreCommands', () => {
  it('scales the Deployment back to its replicas, then waits for it', () => {
    const target = ['kubectl', '--kubeconfig', journal.kubeconfig, '--context', 'prod cluster', '-n', 'kube-system'];
    expect(restoreCommands(journal)).toEqual([
      [...target, 'scale', 'deployment/kube-scheduler', '--replicas=2'],
      [...target, 'rollout', 'status', 'deployment/kube-scheduler', '--timeout=120s'],
    ]);
    expect(restoreCommands({ ...journal, deployment: { namespace: 'kube-system', name: 'scheduler', originalReplicas: 0 } })[0]?.slice(-2)).toEqual(['deployment/scheduler', '--replicas=0']);
  });
});

describe('formatCommand', () => {
  it('quotes what a shell would split or expand', () => {
    expect(formatCommand(restoreCommands(journal)[0] ?? [])).toBe(
      "kubectl --kubeconfig '/Users/ada/Library/Application Support/k8s e2e studio/remote/kubeconfig' --context 'prod cluster' -n kube-system scale deployment/kube-scheduler --replicas=2",
    );
    expect(formatCommand(['echo', "it's", '$HOME', '', 'a;b'])).toBe(`echo 'it'\\''s' '$HOME' '' 'a;b'`);
  });
});
