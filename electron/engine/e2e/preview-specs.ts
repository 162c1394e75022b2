import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { e2ePreviewArgv } from '../../../shared/e2e/e2e-argv.js';
import { filterProblems, type E2eFilters } from '../../../shared/e2e/e2e-filters.js';
import { parseGinkgoDryRun, type Preview } from '../../../shared/e2e/parse-ginkgo-json.js';
import { AppError } from '../../../shared/errors/app-error.js';
import { tailLines } from '../../../shared/output/tail-lines.js';
import { runToCompletion } from '../exec/run-to-completion.js';

export interface PreviewAnswer {
  problems: ReturnType<typeof filterProblems>;
  preview?: Preview;
  argv?: string[];
}

/**
 * Lists the specs the filters match, from the built e2e.test itself: a ginkgo dry run with a JSON
 * report. Filters that Go would reject are answered with their problems, and nothing runs.
 */
export async function previewSpecs(e2eTest: string, filters: Pick<E2eFilters, 'focus' | 'skip' | 'labelFilter'>, env: Record<string, string>): Promise<PreviewAnswer> {
  const problems = filterProblems(filters);
  if (problems.length > 0) return { problems };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-preview-'));
  const report = path.join(dir, 'dry-run.json');
  const argv = e2ePreviewArgv(e2eTest, filters, report);
  try {
    const result = await runToCompletion(argv, { env, cwd: dir, timeoutMs: 120_000 });
    const json = await readFile(report, 'utf8').catch(() => undefined);
    if (!json) {
      const exited = result.exitCode >= 0;
      throw new AppError(`e2e.test did not write its dry-run report (exit code ${exited ? result.exitCode : '?'}).`, 'expected', {
        command: argv,
        ...(exited ? { exitCode: result.exitCode } : {}),
        stderrTail: tailLines(`${result.stdout}\n${result.stderr}`, 15),
      });
    }
    return { problems: [], preview: parseGinkgoDryRun(json), argv };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
