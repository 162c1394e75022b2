import path from 'node:path';
import { z } from 'zod';
import { StepInfoSchema, type StepInfo } from '../../../shared/steps/step-info.js';
import { loadJsonFile, writeJsonAtomic } from './json-file.js';

const HistorySchema = z.object({
  version: z.literal(1),
  runs: z.array(StepInfoSchema),
});
type History = z.infer<typeof HistorySchema>;

/** Runs kept; older ones are dropped from the file (their logs stay on disk). */
const keptRuns = 500;

/** Every finished step run, newest last, in history.json of the data folder. */
export class HistoryStore {
  private history: History = { version: 1, runs: [] };
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string) {}

  static async open(dataDir: string): Promise<{ store: HistoryStore; problem?: string }> {
    const store = new HistoryStore(path.join(dataDir, 'history.json'));
    const loaded = await loadJsonFile(store.file, HistorySchema, { version: 1, runs: [] });
    store.history = loaded.value;
    return { store, problem: loaded.problem };
  }

  runs(): StepInfo[] {
    return structuredClone(this.history.runs);
  }

  /** Resolves once every write started so far is on disk. */
  async flushed(): Promise<void> {
    await this.writing.catch(() => undefined);
  }

  async record(run: StepInfo): Promise<void> {
    this.history.runs = [...this.history.runs, structuredClone(run)].slice(-keptRuns);
    const snapshot = structuredClone(this.history);
    this.writing = this.writing.then(() => writeJsonAtomic(this.file, snapshot));
    await this.writing;
  }
}
