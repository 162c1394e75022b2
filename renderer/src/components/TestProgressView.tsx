import type { StepProgress } from '../../../shared/steps/step-info.js';

/** A running test run: specs done of total, passed and failed so far, and the spec running now. */
export function TestProgressView({ progress }: { progress: StepProgress }): React.JSX.Element {
  return (
    <div className="panel test-progress" data-testid="test-progress" aria-live="polite">
      <div className="progress">
        <progress value={progress.total ? progress.done : undefined} max={progress.total || undefined} aria-label="Specs done" />
        <span className="counts">
          <strong>{progress.done}</strong> of {progress.total ?? '…'} specs
          <span className="ok"> {progress.passed ?? 0} passed</span>
          <span className={progress.failed ? 'bad' : 'muted'}> {progress.failed ?? 0} failed</span>
        </span>
      </div>
      {progress.current && (
        <p className="muted small current-spec">
          Running: <span data-testid="current-spec">{progress.current}</span>
        </p>
      )}
    </div>
  );
}
