import { z } from 'zod';
import { wizardSteps, type WizardStepId } from './step-catalog.js';

/** A scripted extra step (browser mode's --steps-file, the tests' set-ups): always `script-…`, so it can never pass for a wizard step. */
export type ScriptStepId = `script-${string}`;

/**
 * Which step: one of the wizard's (shared/steps/step-catalog.ts) or a scripted one. The contract,
 * the engine and the renderer all use this type, so `step.id === 'kidn'` does not compile.
 */
export type StepId = WizardStepId | ScriptStepId;

export const ScriptStepIdSchema = z.templateLiteral(['script-', z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/)]);

const wizardIds = wizardSteps.map((step) => step.id) as [WizardStepId, ...WizardStepId[]];
export const WizardStepIdSchema = z.enum(wizardIds);

export const StepIdSchema = z.union([WizardStepIdSchema, ScriptStepIdSchema], {
  error: (issue) => `There is no step named ${JSON.stringify(issue.input)}: the wizard's are ${wizardIds.join(', ')}; scripted ones are script-<name>.`,
});
