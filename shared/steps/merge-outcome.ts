import type { StepOutcome } from './step-info.js';

const severity: Record<StepOutcome, number> = { success: 0, skipped: 1, failure: 2, cancelled: 3 };

/** Rolls several outcomes into one: the worst wins, and cancelled is worse than failed. */
export function mergeOutcome(current: StepOutcome | undefined, incoming: StepOutcome): StepOutcome {
  if (current === undefined) return incoming;
  return severity[incoming] > severity[current] ? incoming : current;
}
