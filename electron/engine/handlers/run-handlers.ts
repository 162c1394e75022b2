import path from 'node:path';
import { compareRuns } from '../../../shared/e2e/compare-runs.js';
import { runScript, runScriptLeavesOut, runScriptTitle } from '../../../shared/e2e/run-script.js';
import { summaryOf } from '../../../shared/e2e/test-run.js';
import { AppError } from '../../../shared/errors/app-error.js';
import type { EngineParts } from '../engine-parts.js';
import type { Handlers } from '../dispatcher.js';
import { previewSpecs } from '../e2e/preview-specs.js';
import { startRerun } from '../e2e/rerun-last-focus.js';
import { specLogExcerpt } from '../e2e/spec-log-excerpt.js';
import { locateTestBinaries } from '../e2e/test-binaries.js';

type RunChannels = 'tests:preview' | 'runs:list' | 'runs:get' | 'runs:delete' | 'runs:compare' | 'runs:script' | 'runs:logExcerpt' | 'runs:rerun';

export function runHandlers(parts: EngineParts): Pick<Handlers, RunChannels> {
  const { runs, broadcaster } = parts;
  return {
    'tests:preview': async (filters) => {
      const { e2eTest } = await locateTestBinaries(parts.settings.get(), parts.info.dataDir);
      return previewSpecs(e2eTest, filters, { PATH: parts.searchPath().join(path.delimiter) });
    },
    'runs:list': () => runs.list(),
    'runs:get': ({ id }) => runs.get(id),
    'runs:delete': async ({ id }) => {
      await runs.delete(id);
      broadcaster.send('runs:changed', { latest: await runs.latest() });
      return null;
    },
    'runs:compare': async ({ before, after }) => {
      const [a, b] = await Promise.all([runs.get(before), runs.get(after)]);
      return { before: summaryOf(a), after: summaryOf(b), comparison: compareRuns(a.specs, b.specs) };
    },
    'runs:script': async ({ id }) => {
      const run = await runs.get(id);
      return { fileName: `e2e-run-${run.id}.sh`, script: runScript({ title: runScriptTitle(run), commands: run.commands, leavesOut: runScriptLeavesOut(run) }) };
    },
    'runs:logExcerpt': async ({ id, spec }) => {
      const run = await runs.get(id);
      if (!run.logPath) throw new AppError(`Run ${id} has no log.`);
      return { logPath: run.logPath, ...(await specLogExcerpt(run.logPath, spec)) };
    },
    // Rerun starts its steps through StepRunner.start, so the same gate refuses what it must.
    'runs:rerun': async ({ id }) => {
      const from = id ? summaryOf(await runs.get(id)) : await runs.latest();
      if (!from) throw new AppError('There is no earlier run to repeat yet: run the Test step once.');
      return startRerun({ steps: parts.steps, updateSettings: (patch) => parts.settings.update(patch), report: (state) => broadcaster.send('runs:rerun', state) }, from);
    },
  };
}
