import { wizardSteps } from '../../../shared/steps/step-catalog.js';
import { useStudio } from '../store/studio-store.js';
import { StepHeading } from './StepHeading.js';

/**
 * The step view before the engine has answered: what the selected step does, from the wizard's
 * own catalog, and that its state is on its way. Part of the first screen drawn at build time.
 */
export function EngineWaitDetail(): React.JSX.Element {
  const selected = useStudio((state) => state.selectedStepId);
  const step = wizardSteps.find((candidate) => candidate.id === selected) ?? wizardSteps[0];
  return (
    <section className="step-detail" aria-labelledby="step-heading" aria-busy="true">
      <header className="step-header">
        <StepHeading step={step} />
      </header>
      <p className="muted" role="status" data-testid="engine-wait">
        Connecting to the engine…
      </p>
    </section>
  );
}
