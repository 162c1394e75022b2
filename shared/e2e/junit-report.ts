import { z } from 'zod';

export const SpecStateSchema = z.enum(['passed', 'failed', 'skipped', 'pending', 'interrupted', 'timedout', 'panicked', 'aborted']);
export type SpecState = z.infer<typeof SpecStateSchema>;

export const SpecResultSchema = z.object({
  name: z.string(),
  classname: z.string(),
  state: SpecStateSchema,
  durationSeconds: z.number().nonnegative(),
  failureMessage: z.string().optional(),
  failureDetail: z.string().optional(),
  /** "test/e2e/scheduling/predicates.go:123", from ginkgo's "at:" line. */
  location: z.string().optional(),
});
export type SpecResult = z.infer<typeof SpecResultSchema>;

export const JUnitReportSchema = z.object({
  suite: z.string(),
  specs: z.array(SpecResultSchema),
  counts: z.object({ total: z.number(), passed: z.number(), failed: z.number(), skipped: z.number() }),
  durationSeconds: z.number(),
});
export type JUnitReport = z.infer<typeof JUnitReportSchema>;

/** A report of `specs` in the order read, with its totals: pending counts as skipped, every unsuccessful end as failed. */
export function junitReportOf(suite: string, specs: SpecResult[]): JUnitReport {
  const count = (state: SpecState): number => specs.filter((spec) => spec.state === state).length;
  const passed = count('passed');
  const skipped = count('skipped') + count('pending');
  return {
    suite,
    specs,
    counts: { total: specs.length, passed, failed: specs.length - passed - skipped, skipped },
    durationSeconds: specs.reduce((sum, spec) => sum + spec.durationSeconds, 0),
  };
}
