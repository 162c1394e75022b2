import type { StepProgress } from '../../../shared/steps/step-info.js';

const mb = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** A progress bar for a step with measurable work; indeterminate when the total is unknown. */
export function StepProgressBar({ progress }: { progress: StepProgress }): React.JSX.Element {
  const percent = progress.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : undefined;
  return (
    <div className="progress" data-testid="step-progress">
      <span>{progress.label}</span>
      <progress value={progress.total ? progress.done : undefined} max={progress.total ?? undefined} aria-label={progress.label} />
      <span className="muted small">
        {mb(progress.done)}
        {progress.total ? ` of ${mb(progress.total)} (${percent}%)` : ''}
      </span>
    </div>
  );
}
