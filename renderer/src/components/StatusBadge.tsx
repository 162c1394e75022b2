import type { StepInfo } from '../../../shared/steps/step-info.js';
import { notNeeded } from '../../../shared/steps/step-order.js';
import { useStudio } from '../store/studio-store.js';

/** The one word that says where a step is: pending, running, stopping, its outcome, or not needed in this mode. */
export function statusLabel(step: StepInfo, mode?: 'kind' | 'remote'): string {
  if (!step.available) return 'not available';
  if (mode && step.state === 'pending' && notNeeded(mode, step.id)) return 'not needed';
  if (step.state === 'running') return step.cancelRequested ? 'stopping' : 'running';
  if (step.state === 'done') return step.outcome ?? 'failure';
  return 'pending';
}

export function StatusBadge({ step, testIdPrefix = 'status' }: { step: StepInfo; testIdPrefix?: string }): React.JSX.Element {
  const mode = useStudio((state) => state.settings?.mode);
  const label = statusLabel(step, mode);
  return (
    <span className={`status status-${label.replace(' ', '-')}`} data-testid={`${testIdPrefix}-${step.id}`} role="status" aria-label={`${step.title}: ${label}${label === 'not needed' ? ` in ${mode} mode` : ''}`}>
      {label}
    </span>
  );
}
