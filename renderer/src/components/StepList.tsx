import { wizardSteps } from '../../../shared/steps/step-catalog.js';
import type { StepId } from '../../../shared/steps/step-id.js';
import type { StepInfo } from '../../../shared/steps/step-info.js';
import { useStudio } from '../store/studio-store.js';
import { Duration } from './Duration.js';
import { StatusBadge } from './StatusBadge.js';

/**
 * The wizard's steps in order, each with its live status. Before the engine has answered, the
 * list is the wizard's own catalog (so the first screen, drawn into the page at build time, is the
 * wizard itself): no status yet, and nothing to click until the engine says where each step is.
 */
export function StepList(): React.JSX.Element {
  const steps = useStudio((state) => state.steps);
  const waiting = useStudio((state) => state.connection === 'connecting');
  const selected = useStudio((state) => state.selectedStepId);
  const selectStep = useStudio((state) => state.selectStep);
  const listed: ReadonlyArray<{ id: StepId; title: string; info?: StepInfo }> = waiting ? wizardSteps : steps.map((info) => ({ id: info.id, title: info.title, info }));
  return (
    <nav className="step-list" aria-label="Wizard steps" aria-busy={waiting || undefined}>
      <ol>
        {listed.map((step, index) => (
          <li key={step.id}>
            <button
              type="button"
              className={`step-item${step.id === selected ? ' selected' : ''}${step.info && !step.info.available ? ' unavailable' : ''}`}
              aria-current={step.id === selected ? 'step' : undefined}
              aria-disabled={waiting || undefined}
              data-testid={`step-${step.id}`}
              onClick={() => {
                if (!waiting) selectStep(step.id);
              }}
            >
              <span className="step-number">{index + 1}</span>
              <span className="step-title">{step.title}</span>
              <span className="step-meta">
                {step.info ? (
                  <>
                    <StatusBadge step={step.info} />
                    <Duration step={step.info} />
                  </>
                ) : (
                  <span className="status status-waiting" aria-label={`${step.title}: waiting for the engine`}>
                    …
                  </span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
