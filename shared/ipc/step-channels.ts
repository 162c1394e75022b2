import { z } from 'zod';
import { StepInfoSchema } from '../steps/step-info.js';

const StepIdSchema = z.string().min(1).max(100).regex(/^[a-z0-9][a-z0-9-]*$/);

export const stepRequests = {
  'steps:list': { input: z.object({}).strict(), output: z.array(StepInfoSchema) },
  'steps:run': { input: z.object({ stepId: StepIdSchema, force: z.boolean().optional() }).strict(), output: StepInfoSchema },
  'steps:cancel': { input: z.object({ stepId: StepIdSchema }).strict(), output: StepInfoSchema },
} as const;

export const stepEvents = {
  'steps:updated': StepInfoSchema,
} as const;
