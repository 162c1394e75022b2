import { describe, expect, it } from 'vitest';
import { SwapJournalSchema, byHandRestore, formatCommand, restoreCommands, salvageJournal, type SwapJournal } from '../../../shared/remote/swap-journal.js';

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
  it('scales the Deployment back to its replicas, waits for it, and drops the annotation the swap put on it', () => {
    const target = ['kubectl', '--kubeconfig', journal.kubeconfig, '--context', 'prod cluster', '-n', 'kube-system'];
    expect(restoreCommands(journal)).toEqual([
      [...target, 'scale', 'deployment/kube-scheduler', '--replicas=2'],
      [...target, 'rollout', 'status', 'deployment/kube-scheduler', '--timeout=120s'],
      [...target, 'annotate', 'deployment/kube-scheduler', 'k8s-e2e-studio.io/original-replicas-'],
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

describe('a corrupt journal', () => {
  const text = JSON.stringify(journal, null, 2);
  it('gives back every field that can still be read from a torn file', () => {
    const torn = text.slice(0, text.indexOf('"scheduler"'));
    expect(salvageJournal(torn)).toEqual({ context: 'prod cluster', kubeconfig: journal.kubeconfig, namespace: 'kube-system', name: 'kube-scheduler', originalReplicas: 2, schedulerConfig: undefined });
  });
  it('keeps nothing that is ambiguous or missing', () => {
    expect(salvageJournal('{"context": "a", "context": "b", "originalReplicas": 1, "originalReplicas": 3')).toEqual({ context: undefined, kubeconfig: undefined, namespace: undefined, name: undefined, originalReplicas: undefined, schedulerConfig: undefined });
    expect(salvageJournal('\u0000garbage')).toEqual({ context: undefined, kubeconfig: undefined, namespace: undefined, name: undefined, originalReplicas: undefined, schedulerConfig: undefined });
  });
  it('by-hand commands read the replica count from the annotation when the journal lost it', () => {
    const commands = byHandRestore({ context: 'c', kubeconfig: '/k', name: 'scheduler' }, '/data/remote/swap-journal.json').map(formatCommand);
    expect(commands[0]).toBe("kubectl --kubeconfig /k --context c -n kube-system get deployment/scheduler -o 'jsonpath={.metadata.annotations.k8s-e2e-studio\\.io/original-replicas}'");
    expect(commands[1]).toBe("kubectl --kubeconfig /k --context c -n kube-system scale deployment/scheduler '--replicas=<N>'");
    expect(commands.at(-1)).toBe('rm /data/remote/swap-journal.json');
  });
  it('by-hand commands use the replica count the journal still has', () => {
    const commands = byHandRestore({ context: 'c', kubeconfig: '/k', namespace: 'kube-system', name: 'scheduler', originalReplicas: 2 }, '/j');
    expect(commands[0]).toEqual(['kubectl', '--kubeconfig', '/k', '--context', 'c', '-n', 'kube-system', 'scale', 'deployment/scheduler', '--replicas=2']);
  });
});
