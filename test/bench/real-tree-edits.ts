import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { realTreeRelease } from './real-kubernetes-tree.js';
import { builtArtefacts, openRealTreeEngine } from './real-tree-engine.js';
import { runAsScript } from './run-as-script.js';

/** One edit a contributor makes, and what the remote-mode Build step must rebuild for it. */
interface Edit {
  name: string;
  file: string;
  /** Artefacts whose `go list -deps` holds the edited file's package. */
  mustRebuild: string[];
}

/**
 * A comment appended to a Go file: the sources change, the program does not. The first is the
 * example from the issue on the real tree: pkg/scheduler/metrics/resources is not in the deps of
 * kubectl, e2e.test or ginkgo, so only kube-scheduler is rebuilt; pkg/scheduler/framework is
 * linked by both kube-scheduler and e2e.test.
 */
const edits: Edit[] = [
  { name: 'a comment in pkg/scheduler/metrics/resources', file: 'pkg/scheduler/metrics/resources/resources.go', mustRebuild: ['kube-scheduler'] },
  { name: 'a comment in pkg/scheduler/framework', file: 'pkg/scheduler/framework/cycle_state.go', mustRebuild: ['kube-scheduler', 'test-binaries'] },
];

export interface EditTiming {
  edit: string;
  rebuilt: string[];
  mustRebuild: string[];
  buildMs: number;
  /** The Build step after the edit was taken back: what that rebuilt, and how long it took. */
  revertRebuilt: string[];
  revertMs: number;
}


/**
 * The remote-mode Build step on the cached real-shaped v1.35.4 tree, for each edit and after
 * taking it back: which artefacts it rebuilt, and the wall time of the step. Not part of
 * `npm run bench` (each edit relinks real binaries: minutes on 2 cores); run by hand:
 *   npx tsx test/bench/real-tree-edits.ts
 */
export async function runRealTreeEdits(log: (line: string) => void): Promise<EditTiming[]> {
  const tree = await openRealTreeEngine(log);
  const { checkout } = tree;
  const timings: EditTiming[] = [];
  try {
    const build = async (): Promise<{ rebuilt: string[]; ms: number }> => {
      const { info, ms } = await tree.build();
      return { rebuilt: builtArtefacts(info), ms };
    };
    log('   first Build step (brings the recorded builds up to date)…');
    await build();
    for (const edit of edits) {
      const file = path.join(checkout, edit.file);
      const original = await readFile(file, 'utf8');
      await writeFile(file, `${original}\n// an edit by the real-tree edits benchmark\n`);
      let after: { rebuilt: string[]; ms: number };
      try {
        log(`   ${edit.name}: Build step…`);
        after = await build();
      } finally {
        await writeFile(file, original);
      }
      log(`   ${edit.name} taken back: Build step…`);
      const back = await build();
      timings.push({ edit: edit.name, mustRebuild: edit.mustRebuild, rebuilt: after.rebuilt, buildMs: after.ms, revertRebuilt: back.rebuilt, revertMs: back.ms });
    }
  } finally {
    await tree.shutdown();
  }
  return timings;
}

export function formatRealTreeEdits(timings: EditTiming[]): string[] {
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const list = (ids: string[]): string => (ids.length > 0 ? ids.join(', ') : 'nothing');
  return [
    `Build step after an edit, real-shaped kubernetes ${realTreeRelease.kubernetes} tree, remote mode`,
    ...timings.flatMap((t) => [
      `   ${t.edit}: rebuilt ${list(t.rebuilt)} in ${seconds(t.buildMs)} (must: ${list(t.mustRebuild)})`,
      `     taken back: rebuilt ${list(t.revertRebuilt)} in ${seconds(t.revertMs)}`,
    ]),
  ];
}

const same = (a: string[], b: string[]): boolean => [...a].sort().join() === [...b].sort().join();

async function main(): Promise<number> {
  const timings = await runRealTreeEdits((line) => console.log(line));
  console.log('');
  for (const line of formatRealTreeEdits(timings)) console.log(line);
  const wrong = timings.filter((t) => !same(t.rebuilt, t.mustRebuild) || !same(t.revertRebuilt, t.mustRebuild));
  for (const t of wrong) console.log(`FAILED: ${t.edit} rebuilt ${t.rebuilt.join(', ') || 'nothing'}, then ${t.revertRebuilt.join(', ') || 'nothing'}; it must rebuild ${t.mustRebuild.join(', ')} each time.`);
  return wrong.length > 0 ? 1 : 0;
}

runAsScript(import.meta.url, main);
