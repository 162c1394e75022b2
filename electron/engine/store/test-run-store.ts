import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import { RunIdSchema, summaryOf, TestRunSchema, TestRunSummarySchema, type TestRun, type TestRunSummary } from '../../../shared/e2e/test-run.js';
import { writeJsonAtomic } from './json-file.js';

/** Where a run keeps its files: <data>/runs/<id>/ (summary.json, run.json, the JUnit report). */
export function runDir(dataDir: string, id: string): string {
  return path.join(dataDir, 'runs', RunIdSchema.parse(id));
}

/** A new run id that sorts by time: 2026-11-25T19-40-01-123Z. */
export function newRunId(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * Every test run, one folder each. The small summary.json is what the history list reads; run.json
 * holds all of it. Both are written atomically, summary last, so a run without a summary is one
 * whose writing was cut short and is not listed.
 */
export class TestRunStore {
  constructor(private readonly dataDir: string) {}

  async save(run: TestRun): Promise<void> {
    const dir = runDir(this.dataDir, run.id);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeJsonAtomic(path.join(dir, 'run.json'), TestRunSchema.parse(run));
    await writeJsonAtomic(path.join(dir, 'summary.json'), summaryOf(run));
  }

  /** Every readable run, newest first. A folder whose files do not read is left out, not deleted. */
  async list(): Promise<TestRunSummary[]> {
    const names = await readdir(path.join(this.dataDir, 'runs')).catch(() => [] as string[]);
    const summaries = await Promise.all(
      names.filter((name) => RunIdSchema.safeParse(name).success).map(async (name) => {
        const text = await readFile(path.join(this.dataDir, 'runs', name, 'summary.json'), 'utf8').catch(() => undefined);
        if (!text) return undefined;
        try {
          const parsed = TestRunSummarySchema.safeParse(JSON.parse(text));
          return parsed.success ? parsed.data : undefined;
        } catch {
          return undefined;
        }
      }),
    );
    return summaries.filter((s): s is TestRunSummary => s !== undefined).sort((a, b) => b.startedAt - a.startedAt || b.id.localeCompare(a.id));
  }

  async latest(): Promise<TestRunSummary | undefined> {
    return (await this.list())[0];
  }

  async get(id: string): Promise<TestRun> {
    const file = path.join(runDir(this.dataDir, id), 'run.json');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new AppError(`There is no test run ${id} in the history.`);
    }
    const parsed = TestRunSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new AppError(`The record of run ${id} (${file}) cannot be read: ${parsed.error.issues[0]?.message ?? 'it does not match'}.`);
    return parsed.data;
  }

  /** Removes the run's folder (its record and report). The step log it points to stays with the app's logs. */
  async delete(id: string): Promise<void> {
    const dir = runDir(this.dataDir, id);
    await rm(path.join(dir, 'summary.json'), { force: true });
    await rm(dir, { recursive: true, force: true });
  }
}
