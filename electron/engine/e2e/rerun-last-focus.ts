import type { RerunState } from '../../../shared/ipc/run-channels.js';
import type { TestRunSummary } from '../../../shared/e2e/test-run.js';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings.js';
import { AppError } from '../../../shared/errors/app-error.js';
import type { StepRunner } from '../steps/step-runner.js';

/** The steps a rerun goes through, in order. Build and Cluster do nothing where nothing changed. */
export const rerunSteps = ['build', 'cluster', 'test'] as const;

export interface RerunDeps {
  steps: StepRunner;
  updateSettings(patch: SettingsPatch): Settings | Promise<Settings>;
  report(state: RerunState): void;
}

/**
 * Repeats a run: its filters and mode become the settings again, then Build (which rebuilds only
 * artefacts whose fingerprints changed), Cluster (which reuses the cluster and swaps in a rebuilt
 * scheduler) and Test run one after the other; the first that does not succeed ends the rerun.
 * Returns at once with the first state; the rest arrives through `report`.
 */
export async function startRerun(deps: RerunDeps, from: TestRunSummary): Promise<RerunState> {
  const busy = rerunSteps.map((id) => deps.steps.get(id)).find((step) => step.state === 'running');
  if (busy) throw new AppError(`The ${busy.title} step is running; wait for it or stop it before rerunning.`);
  // The same gate every start goes through, asked for every step up front: a rerun that the Test
  // step would refuse does not rebuild anything first.
  for (const stepId of rerunSteps) {
    const refusal = deps.steps.refusal(stepId);
    if (refusal) throw new AppError(`Not rerun: ${refusal}`);
  }
  await deps.updateSettings({ e2eFilters: from.filters, mode: from.mode });
  const first: RerunState = { state: 'running', fromRun: from.id, stepId: rerunSteps[0] };
  void (async () => {
    for (const stepId of rerunSteps) {
      deps.report({ state: 'running', fromRun: from.id, stepId });
      let outcome;
      try {
        deps.steps.start(stepId);
        outcome = await deps.steps.settled(stepId);
      } catch (error) {
        deps.report({ state: 'failed', fromRun: from.id, stepId, message: (error as Error).message });
        return;
      }
      if (outcome.outcome !== 'success') {
        deps.report({ state: outcome.outcome === 'cancelled' ? 'cancelled' : 'failed', fromRun: from.id, stepId, message: outcome.error?.message });
        return;
      }
    }
    deps.report({ state: 'succeeded', fromRun: from.id, stepId: 'test' });
  })();
  return first;
}
