import type { StepInfo } from '../../../shared/steps/step-info.js';

/** The one word that says where a step is: pending, running, stopping, or its outcome. */
export function statusLabel(step: StepInfo): string {
  if (!step.available) return 'not available';
  if (step.state === 'running') return step.cancelRequested ? 'stopping' : 'running';
  if (step.state === 'done') return step.outcome ?? 'failure';
  return 'pending';
}

export function StatusBadge({ step, testIdPrefix = 'status' }: { step: StepInfo; testIdPrefix?: string }): React.JSX.Element {
  const label = statusLabel(step);
  return (
    <span className={`status status-${label.replace(' ', '-')}`} data-testid={`${testIdPrefix}-${step.id}`} role="status" aria-label={`${step.title}: ${label}`}>
      {label}
    </span>
  );
}
