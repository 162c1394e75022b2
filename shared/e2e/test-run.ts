import { z } from 'zod';
import { DiagnosisSchema } from '../diagnosis/diagnosis.js';
import { E2eFiltersSchema } from './e2e-filters.js';
import { SpecResultSchema } from './junit-report.js';

/** A run id doubles as its folder name under <data>/runs, so it is kept to safe characters. */
export const RunIdSchema = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,80}$/);

export const RunOutcomeSchema = z.enum(['passed', 'failed', 'cancelled', 'error']);
export type RunOutcome = z.infer<typeof RunOutcomeSchema>;

/** What the history list shows of a run: enough to recognise it and to rerun it. */
export const TestRunSummarySchema = z.object({
  id: RunIdSchema,
  startedAt: z.number(),
  endedAt: z.number(),
  outcome: RunOutcomeSchema,
  /** Why a run ended without results (no report, e2e.test would not start …). */
  message: z.string().optional(),
  /** Another scheduler raced ours during the run (remote mode): its results are not only our scheduler's. */
  rivalScheduler: z.string().optional(),
  filters: E2eFiltersSchema,
  mode: z.enum(['kind', 'remote']),
  cluster: z.object({ name: z.string(), context: z.string() }),
  nodes: z.object({ count: z.number().int(), osArch: z.string() }),
  checkout: z.string().optional(),
  commit: z.string().optional(),
  /** The fingerprint of every artefact the run used, by artefact id (see the Build step). */
  fingerprints: z.record(z.string(), z.string()),
  /** Specs that ran (suite nodes left out), and the specs the filters left out. */
  counts: z.object({ ran: z.number().int(), passed: z.number().int(), failed: z.number().int(), skipped: z.number().int() }),
  durationSeconds: z.number().nonnegative(),
});
export type TestRunSummary = z.infer<typeof TestRunSummarySchema>;

/** A command of the run exactly as it was started: argv, folder and the variables the app set. */
export const RunCommandSchema = z.object({
  argv: z.array(z.string()).min(1),
  cwd: z.string().optional(),
  env: z.record(z.string(), z.string()),
});
export type RunCommand = z.infer<typeof RunCommandSchema>;

export const RunSpecSchema = SpecResultSchema.extend({ diagnoses: z.array(DiagnosisSchema).optional() });
export type RunSpec = z.infer<typeof RunSpecSchema>;

/** Everything kept of a run: the summary, its commands, every spec of the JUnit report, and where its log is. */
export const TestRunSchema = TestRunSummarySchema.extend({
  commands: z.array(RunCommandSchema),
  specs: z.array(RunSpecSchema),
  diagnoses: z.array(DiagnosisSchema),
  logPath: z.string().optional(),
  reportPath: z.string().optional(),
});
export type TestRun = z.infer<typeof TestRunSchema>;

/** The summary part of a run (what the history list and the step result carry). */
export function summaryOf(run: TestRun): TestRunSummary {
  return TestRunSummarySchema.parse(run);
}

/** Ginkgo reports its suite nodes ([SynchronizedBeforeSuite] …) as test cases too; specs are the [It] ones. */
export function isSpec(name: string): boolean {
  return name.startsWith('[It] ');
}

const failingStates = new Set(['failed', 'panicked', 'timedout', 'interrupted', 'aborted']);

export function isFailing(state: string): boolean {
  return failingStates.has(state);
}
