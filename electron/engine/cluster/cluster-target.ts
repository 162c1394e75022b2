import type { Settings } from '../../../shared/settings/settings.js';
import type { StepContext } from '../steps/step.js';

export type Mode = Settings['mode'];

/**
 * Where the tests run, one implementation per mode (in the spirit of kubetest2's deployers): the
 * Mode, Build, Cluster and Teardown steps call these and never ask which mode it is.
 */
export interface ClusterTarget {
  readonly mode: Mode;
  /** The Mode step: what this mode needs and what the cluster allows; changes nothing. */
  describe(context: StepContext): Promise<void>;
  /** Versions of the tools this mode builds with, for the Build step's fingerprints. */
  buildTools(context: StepContext): Promise<Record<string, string>>;
  /** The Cluster step: a cluster ready for the tests, with the locally built scheduler where the mode swaps it in. */
  up(context: StepContext): Promise<void>;
  /** The Teardown step: give the cluster back (kept or deleted, scheduler restored). */
  down(context: StepContext): Promise<void>;
}

export type ClusterTargets = Record<Mode, ClusterTarget>;
