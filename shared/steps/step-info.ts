import { z } from 'zod';
import { ErrorInfoSchema } from '../errors/error-info.js';
import { DiagnosisSchema } from '../diagnosis/diagnosis.js';
import { HostFactsSchema } from '../host/host-facts.js';
import { KindInstallSchema } from '../kind/kind-install.js';
import { ToolchainFactsSchema } from '../toolchain/tool-report.js';
import { SourceFactsSchema } from '../source/source-facts.js';
import { BuildResultSchema } from '../build/build-artefact.js';
import { ClusterFactsSchema } from '../cluster/cluster-facts.js';
import { TestRunSummarySchema } from '../e2e/test-run.js';
import { RemoteFactsSchema } from '../remote/remote-facts.js';
import { StepIdSchema } from './step-id.js';

/** Lifecycle and outcome are separate: a step is done *and* failed, not "failed" instead of done. */
export const StepStateSchema = z.enum(['pending', 'running', 'done']);
export type StepState = z.infer<typeof StepStateSchema>;

export const StepOutcomeSchema = z.enum(['success', 'failure', 'cancelled', 'skipped']);
export type StepOutcome = z.infer<typeof StepOutcomeSchema>;

/** One command a step ran, exactly as it was run. */
export const CommandRecordSchema = z.object({
  argv: z.array(z.string()).min(1),
  cwd: z.string().optional(),
  startedAt: z.number(),
  endedAt: z.number().optional(),
  exitCode: z.number().int().optional(),
  signal: z.string().optional(),
});
export type CommandRecord = z.infer<typeof CommandRecordSchema>;

export const StepResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('host'), facts: HostFactsSchema }),
  z.object({ kind: z.literal('command'), exitCode: z.number().int() }),
  z.object({ kind: z.literal('toolchain'), facts: ToolchainFactsSchema }),
  z.object({ kind: z.literal('kind-install'), install: KindInstallSchema }),
  z.object({ kind: z.literal('source'), facts: SourceFactsSchema }),
  z.object({ kind: z.literal('build'), build: BuildResultSchema }),
  z.object({ kind: z.literal('cluster'), cluster: ClusterFactsSchema }),
  z.object({ kind: z.literal('test'), run: TestRunSummarySchema }),
  z.object({ kind: z.literal('teardown'), action: z.enum(['kept', 'deleted', 'nothing', 'restored']), name: z.string().optional() }),
  z.object({ kind: z.literal('mode'), mode: z.enum(['kind', 'remote']), remote: RemoteFactsSchema.optional() }),
]);

/** How far a step with a measurable amount of work has come (a download, say). */
export const StepProgressSchema = z.object({
  label: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative().optional(),
  /** For a test run: specs passed and failed so far, and the one running now. */
  passed: z.number().int().nonnegative().optional(),
  failed: z.number().int().nonnegative().optional(),
  current: z.string().optional(),
});
export type StepProgress = z.infer<typeof StepProgressSchema>;
export type StepResult = z.infer<typeof StepResultSchema>;

export const StepInfoSchema = z.object({
  id: StepIdSchema,
  title: z.string(),
  summary: z.string(),
  available: z.boolean(),
  unavailableReason: z.string().optional(),
  state: StepStateSchema,
  outcome: StepOutcomeSchema.optional(),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  commands: z.array(CommandRecordSchema),
  streamId: z.string().optional(),
  logPath: z.string().optional(),
  error: ErrorInfoSchema.optional(),
  result: StepResultSchema.optional(),
  progress: StepProgressSchema.optional(),
  diagnoses: z.array(DiagnosisSchema).optional(),
  cancelRequested: z.boolean().optional(),
});
export type StepInfo = z.infer<typeof StepInfoSchema>;
