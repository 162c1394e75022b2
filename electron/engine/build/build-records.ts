import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { loadJsonFile, writeJsonAtomic } from '../store/json-file.js';

const RecordSchema = z.object({
  fingerprint: z.string(),
  builtAt: z.number(),
  commit: z.string(),
  outputs: z.array(z.object({ path: z.string(), binary: z.string() })),
  image: z.string().optional(),
  /** The Kubernetes version a node image was built at (git describe of the checkout, as kind's source build stamps /kind/version). */
  kubernetesVersion: z.string().optional(),
  /** The tool versions it was built with (go, kind, make). */
  tools: z.record(z.string(), z.string()).optional(),
  /** What the tree looked like when it was built: its commit and the content of its uncommitted files. */
  source: z.object({ commit: z.string(), changes: z.record(z.string(), z.string()) }).optional(),
});
export type ArtefactRecord = z.infer<typeof RecordSchema>;

/** The build record of a kube-scheduler built to be swapped into a running kind node. */
export const hotSwapRecord = 'scheduler-hot-swap';

const RecordsSchema = z.object({ checkout: z.string(), artefacts: z.record(z.string(), RecordSchema) });

/**
 * What was last built from a checkout, artefact by artefact, in the data folder (never in the checkout).
 * An artefact's record is removed before it is rebuilt and written only once the build checked out,
 * so a cancelled or failed build is never taken for a fresh one.
 */
export class BuildRecords {
  private constructor(
    private readonly file: string,
    private records: z.infer<typeof RecordsSchema>,
  ) {}

  static async open(dataDir: string, checkout: string): Promise<{ records: BuildRecords; problem?: string }> {
    const dir = path.join(dataDir, 'builds');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${createHash('sha256').update(checkout).digest('hex').slice(0, 16)}.json`);
    const loaded = await loadJsonFile(file, RecordsSchema, { checkout, artefacts: {} });
    return { records: new BuildRecords(file, loaded.value), problem: loaded.problem };
  }

  get(id: string): ArtefactRecord | undefined {
    return this.records.artefacts[id];
  }

  async forget(id: string): Promise<void> {
    if (!this.records.artefacts[id]) return;
    delete this.records.artefacts[id];
    await writeJsonAtomic(this.file, this.records);
  }

  async remember(id: string, record: ArtefactRecord): Promise<void> {
    this.records.artefacts[id] = record;
    await writeJsonAtomic(this.file, this.records);
  }
}
