import { z } from 'zod';
import { E2eFiltersSchema } from '../e2e/e2e-filters.js';
import { StepIdSchema } from '../steps/step-id.js';
import { StepInfoSchema } from '../steps/step-info.js';

export const stepRequests = {
  'steps:list': { input: z.object({}).strict(), output: z.array(StepInfoSchema) },
  /** `e2eFilters` (Test only) are what the form shows: the run uses them, and they become the saved filters. */
  'steps:run': { input: z.object({ stepId: StepIdSchema, force: z.boolean().optional(), e2eFilters: E2eFiltersSchema.optional() }).strict(), output: StepInfoSchema },
  'steps:cancel': { input: z.object({ stepId: StepIdSchema }).strict(), output: StepInfoSchema },
} as const;

export const stepEvents = {
  'steps:updated': StepInfoSchema,
} as const;
