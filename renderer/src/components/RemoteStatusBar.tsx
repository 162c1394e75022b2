import { useRemote } from '../store/remote-store.js';
import { useStudio } from '../store/studio-store.js';

/**
 * Always on screen while a remote cluster's scheduler is swapped out: which cluster, what the
 * journal keeps, and the way back. After a crash it says so first, and nothing else can run.
 */
export function RemoteStatusBar(): React.JSX.Element | null {
  const status = useRemote((state) => state.status);
  const runStep = useStudio((state) => state.runStep);
  const teardown = useStudio((state) => state.steps.find((s) => s.id === 'teardown'));
  const showTab = useStudio((state) => state.showTab);
  if (!status?.journal) return null;
  const { journal } = status;
  const restoring = teardown?.state === 'running' || journal.state === 'restoring';
  return (
    <div className={`notice ${status.interrupted || status.problem ? 'notice-error' : 'notice-warning'}`} role="status" data-testid="remote-status">
      <span>
        {status.interrupted ? (
          <>
            An earlier session left <strong>{journal.context}</strong> without its scheduler ({journal.deployment} was {journal.state === 'planned' ? 'about to be scaled' : 'scaled'} to 0; it had {journal.originalReplicas}). Restore it before anything else runs.
          </>
        ) : status.problem ? (
          <>{status.problem.split('\n')[0]}</>
        ) : (
          <>
            Your kube-scheduler is scheduling for <strong>{journal.context}</strong>; {journal.deployment} is at 0 replicas (the journal keeps {journal.originalReplicas}).{' '}
            {status.schedulerRunning && (
              <button type="button" className="link" onClick={() => showTab('scheduler')}>
                its log
              </button>
            )}
          </>
        )}
      </span>
      <button type="button" className="primary" disabled={restoring} onClick={() => void runStep('teardown')}>
        {restoring ? 'Restoring…' : 'Restore now'}
      </button>
    </div>
  );
}
