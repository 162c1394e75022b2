import type { StepInfo } from '../../../shared/steps/step-info.js';
import { missingBefore, nextStep, notNeeded } from '../../../shared/steps/step-order.js';
import { useStudio } from '../store/studio-store.js';

const listOf = (steps: StepInfo[]): string => {
  const titles = steps.map((s) => s.title);
  return titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1) ?? ''}`;
};

/**
 * Where the user is in the wizard: what this step still waits for, whether the mode needs it at
 * all, and after a success, the next step that can run (one click away).
 */
export function StepGuide({ step }: { step: StepInfo }): React.JSX.Element | null {
  const steps = useStudio((state) => state.steps);
  const mode = useStudio((state) => state.settings?.mode);
  const selectStep = useStudio((state) => state.selectStep);
  if (!mode || step.state === 'running') return null;
  if (notNeeded(mode, step.id)) {
    return (
      <p className="muted" data-testid="step-guide">
        Not needed in remote mode: the tests run on the remote cluster, so no kind binary is used. It can still run, for kind mode later.
      </p>
    );
  }
  const missing = missingBefore(steps, mode, step.id);
  const next = step.state === 'done' && step.outcome === 'success' ? nextStep(steps, mode, step.id) : undefined;
  if (missing.length === 0 && !next) return null;
  return (
    <p className="step-guide" data-testid="step-guide">
      {missing.length > 0 && (
        <span>
          This step uses what {listOf(missing)} {missing.length === 1 ? 'makes' : 'make'}, and {missing.length === 1 ? 'it has' : 'they have'} not succeeded yet.{' '}
          <button type="button" onClick={() => selectStep(missing[0]?.id ?? step.id)}>
            Go to {missing[0]?.title}
          </button>
        </span>
      )}
      {next && (
        <span>
          Next:{' '}
          <button type="button" className="primary" onClick={() => selectStep(next.id)}>
            {next.title} →
          </button>
        </span>
      )}
    </p>
  );
}
