import type { StepInfo } from './step-info.js';
import type { WizardStepId } from './step-catalog.js';

type Mode = 'kind' | 'remote';

/**
 * What each step relies on having succeeded before it, per mode. Host, Toolchain and Mode only
 * inform; Build needs a checkout; Cluster needs what Build made (kind: the node image; remote:
 * kube-scheduler); Test needs a cluster. Remote mode does not need Native kind at all.
 */
const needs: Record<Mode, Partial<Record<WizardStepId, WizardStepId[]>>> = {
  kind: { build: ['source', 'kind'], cluster: ['build', 'kind'], test: ['cluster'] },
  remote: { build: ['source'], cluster: ['mode', 'build'], test: ['cluster'] },
};

/** Steps a mode does not use: shown as "not needed", never suggested. */
export function notNeeded(mode: Mode, id: string): boolean {
  return mode === 'remote' && id === 'kind';
}

const succeeded = (steps: readonly StepInfo[], id: string): boolean => steps.some((s) => s.id === id && s.state === 'done' && s.outcome === 'success');

/** The steps `id` relies on that have not succeeded yet, in wizard order. */
export function missingBefore(steps: readonly StepInfo[], mode: Mode, id: string): StepInfo[] {
  const wanted = new Set<string>(needs[mode][id as WizardStepId] ?? []);
  return steps.filter((step) => wanted.has(step.id) && !succeeded(steps, step.id));
}

/**
 * The next step to run after `id`: the first later step of the wizard this mode uses that has not
 * succeeded and whose own needs are met (Teardown only once Test has run).
 */
export function nextStep(steps: readonly StepInfo[], mode: Mode, id: string): StepInfo | undefined {
  const at = steps.findIndex((step) => step.id === id);
  const tested = steps.some((step) => step.id === 'test' && step.state === 'done');
  return steps
    .slice(at + 1)
    .find((step) => step.available && !notNeeded(mode, step.id) && !succeeded(steps, step.id) && missingBefore(steps, mode, step.id).length === 0 && (step.id !== 'teardown' || tested));
}
