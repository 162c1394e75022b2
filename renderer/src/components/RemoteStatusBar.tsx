import type { RemoteStatus } from '../../../shared/remote/remote-facts.js';
import { useRemote } from '../store/remote-store.js';
import { useStudio } from '../store/studio-store.js';

/** What the bar says, from the one current state of the swap: each sentence only while it is true. */
function describe(status: RemoteStatus): React.ReactNode {
  const { journal, corrupt } = status;
  if (corrupt) {
    return (
      <>
        The scheduler swap journal cannot be read ({corrupt.reason}){corrupt.context ? <> — it was a swap on <strong>{corrupt.context}</strong></> : null}
        {corrupt.deployment ? ` (${corrupt.deployment}${corrupt.originalReplicas !== undefined ? `, ${corrupt.originalReplicas} replicas` : ''})` : ''}. Restore it, or finish by hand with the commands below.
      </>
    );
  }
  if (!journal) return null;
  if (status.problemKind === 'restore-failed') return <>{status.problem?.split('\n')[0]} {status.schedulerRunning ? 'Your kube-scheduler still schedules for it.' : ''}</>;
  if (status.interrupted) {
    return (
      <>
        An earlier session left <strong>{journal.context}</strong> with {journal.deployment} {journal.state === 'planned' ? 'about to be scaled' : 'scaled'} to 0 (it had {journal.originalReplicas});{' '}
        {status.leftoverScheduler ? 'a local kube-scheduler it started still runs.' : 'no scheduler of that session runs, so nothing schedules there now.'} Restore it before anything else runs.
      </>
    );
  }
  if (status.problem) return <>{status.problem.split('\n')[0]}</>;
  return (
    <>
      Your kube-scheduler is scheduling for <strong>{journal.context}</strong>; {journal.deployment} is at 0 replicas (the journal keeps {journal.originalReplicas}).
    </>
  );
}

/**
 * Always on screen while a remote cluster's scheduler is swapped out: which cluster, what the
 * journal keeps, and the way back. After a crash it says so first, and nothing else can run.
 */
export function RemoteStatusBar(): React.JSX.Element | null {
  const status = useRemote((state) => state.status);
  const runStep = useStudio((state) => state.runStep);
  const teardown = useStudio((state) => state.steps.find((s) => s.id === 'teardown'));
  const showTab = useStudio((state) => state.showTab);
  if (!status?.journal && !status?.corrupt) return null;
  const restoring = teardown?.state === 'running' || status.restoring === true;
  const serious = status.interrupted || status.problem || status.corrupt;
  return (
    <div className={`notice ${serious ? 'notice-error' : 'notice-warning'}`} role="status" data-testid="remote-status">
      <span>
        {describe(status)}{' '}
        {status.schedulerRunning && (
          <button type="button" className="link" onClick={() => showTab('scheduler')}>
            its log
          </button>
        )}
        {status.byHand && status.byHand.length > 0 && (
          <details>
            <summary>Commands to finish by hand</summary>
            <pre className="by-hand">{status.byHand.join('\n')}</pre>
          </details>
        )}
      </span>
      <button type="button" className="primary" disabled={restoring} onClick={() => void runStep('teardown')}>
        {restoring ? 'Restoring…' : 'Restore now'}
      </button>
    </div>
  );
}
