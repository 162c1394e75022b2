import { filterProblems } from '../../../shared/e2e/e2e-filters.js';
import { AppError } from '../../../shared/errors/app-error.js';
import type { EngineParts } from '../engine-parts.js';
import type { Handlers } from '../dispatcher.js';

export function stepHandlers(parts: EngineParts): Pick<Handlers, 'steps:list' | 'steps:run' | 'steps:cancel'> {
  return {
    'steps:list': () => parts.steps.list(),
    // The gate (the swap guard) is asked by StepRunner.start itself, for every way a step starts.
    'steps:run': async ({ stepId, force, e2eFilters }) => {
      if (e2eFilters) {
        if (stepId !== 'test') throw new AppError(`Only the Test step takes filters; ${stepId} does not.`);
        const problem = filterProblems(e2eFilters)[0];
        if (problem) throw new AppError(`Not run: the ${problem.field} filter is not valid (${problem.message}, at position ${problem.position + 1}).`);
        // The filters the run uses are the ones the form showed; they are also the last used from now on.
        await parts.settings.update({ e2eFilters });
      }
      return parts.steps.start(stepId, { force });
    },
    'steps:cancel': ({ stepId }) => parts.steps.cancel(stepId),
  };
}
