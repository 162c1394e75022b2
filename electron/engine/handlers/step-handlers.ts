import type { EngineParts } from '../engine-parts.js';
import type { Handlers } from '../dispatcher.js';

export function stepHandlers(parts: EngineParts): Pick<Handlers, 'steps:list' | 'steps:run' | 'steps:cancel'> {
  return {
    'steps:list': () => parts.steps.list(),
    // The gate (the swap guard) is asked by StepRunner.start itself, for every way a step starts.
    'steps:run': ({ stepId, force }) => parts.steps.start(stepId, { force }),
    'steps:cancel': ({ stepId }) => parts.steps.cancel(stepId),
  };
}
