import { useStudio } from '../store/studio-store.js';
import { Duration } from './Duration.js';
import { StatusBadge } from './StatusBadge.js';

/** The wizard's steps in order, each with its live status. */
export function StepList(): React.JSX.Element {
  const steps = useStudio((state) => state.steps);
  const selected = useStudio((state) => state.selectedStepId);
  const selectStep = useStudio((state) => state.selectStep);
  return (
    <nav className="step-list" aria-label="Wizard steps">
      <ol>
        {steps.map((step, index) => (
          <li key={step.id}>
            <button
              type="button"
              className={`step-item${step.id === selected ? ' selected' : ''}${step.available ? '' : ' unavailable'}`}
              aria-current={step.id === selected ? 'step' : undefined}
              data-testid={`step-${step.id}`}
              onClick={() => selectStep(step.id)}
            >
              <span className="step-number">{index + 1}</span>
              <span className="step-title">{step.title}</span>
              <span className="step-meta">
                <StatusBadge step={step} />
                <Duration step={step} />
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
