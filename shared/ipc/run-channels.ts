import { z } from 'zod';
import { RunIdSchema, TestRunSchema, TestRunSummarySchema } from '../e2e/test-run.js';
import { WizardStepIdSchema } from '../steps/step-id.js';

const names = z.array(z.string());

export const RunComparisonSchema = z.object({
  newlyFailing: names,
  newlyPassing: names,
  stillFailing: names,
  stillPassing: names,
  onlyInBefore: names,
  onlyInAfter: names,
});

/** A rerun of the last focus: which step it is at, and how it ended. */
export const RerunStateSchema = z.object({
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  /** The run whose filters are being repeated. */
  fromRun: RunIdSchema,
  stepId: WizardStepIdSchema.optional(),
  message: z.string().optional(),
});
export type RerunState = z.infer<typeof RerunStateSchema>;

export const runRequests = {
  'runs:list': { input: z.object({}).strict(), output: z.array(TestRunSummarySchema) },
  'runs:get': { input: z.object({ id: RunIdSchema }).strict(), output: TestRunSchema },
  'runs:delete': { input: z.object({ id: RunIdSchema }).strict(), output: z.null() },
  /** Spec by spec: what fails in `after` that passed in `before`, and the other way round. */
  'runs:compare': {
    input: z.object({ before: RunIdSchema, after: RunIdSchema }).strict(),
    output: z.object({ before: TestRunSummarySchema, after: TestRunSummarySchema, comparison: RunComparisonSchema }),
  },
  /** A bash script that repeats the run's commands exactly. */
  'runs:script': { input: z.object({ id: RunIdSchema }).strict(), output: z.object({ fileName: z.string(), script: z.string() }) },
  /** The part of the run's log that one spec wrote (from its header on), ANSI codes removed. */
  'runs:logExcerpt': {
    input: z.object({ id: RunIdSchema, spec: z.string().max(4096) }).strict(),
    output: z.object({ logPath: z.string(), line: z.number().int().optional(), lines: z.array(z.string()) }),
  },
  /** Repeats a run (the latest when no id is given): Build (only what changed), Cluster (reuse, hot-swap), Test. */
  'runs:rerun': { input: z.object({ id: RunIdSchema.optional() }).strict(), output: RerunStateSchema },
} as const;

export const runEvents = {
  'runs:changed': z.object({ latest: TestRunSummarySchema.optional() }),
  'runs:rerun': RerunStateSchema,
} as const;
