import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { AppError } from '../../../shared/errors/app-error.js';
import { hotSwapManifest, hotSwapPaths } from '../../../shared/kind/hot-swap.js';
import type { StepContext } from '../steps/step.js';
import { loadJsonFile, writeJsonAtomic } from '../store/json-file.js';

/** Written before the node is touched, so an interrupted swap can always be put back. */
const JournalSchema = z.object({ node: z.string(), state: z.enum(['swapping', 'swapped', 'restoring']), binary: z.string(), at: z.number() });
type Journal = z.infer<typeof JournalSchema>;

export function hotSwapJournal(clusterDir: string): string {
  return path.join(clusterDir, 'scheduler-hot-swap.json');
}

async function writeJournal(file: string, journal: Journal): Promise<void> {
  await writeJsonAtomic(file, journal);
}

/**
 * Swaps a locally built kube-scheduler into a kind control-plane node: the binary is copied in, the
 * original static pod manifest is kept beside it (once), and a manifest that runs the new binary
 * replaces it; kubelet restarts the pod. Waits until the API server shows the new pod Ready.
 */
export async function swapScheduler(context: StepContext, options: { clusterDir: string; node: string; binary: string; kubeconfig: string; timeoutMs?: number }): Promise<void> {
  const journal = hotSwapJournal(options.clusterDir);
  await writeJournal(journal, { node: options.node, state: 'swapping', binary: options.binary, at: Date.now() });
  const inNode = (...argv: string[]) => context.run({ argv: ['docker', 'exec', options.node, ...argv] }, { terminal: 'pipe' });
  await context.run({ argv: ['docker', 'cp', options.binary, `${options.node}:${hotSwapPaths.binary}`] }, { terminal: 'pipe' });
  const kept = await context.run({ argv: ['docker', 'exec', options.node, 'test', '-f', hotSwapPaths.original] }, { terminal: 'pipe', acceptExitCodes: [0, 1] });
  if (kept.exitCode !== 0) await inNode('cp', hotSwapPaths.manifest, hotSwapPaths.original);
  const original = (await inNode('cat', hotSwapPaths.original)).stdout;
  await putManifest(context, options.node, hotSwapManifest(original));
  await waitForScheduler(context, options, (command) => command === hotSwapPaths.binary);
  await writeJournal(journal, { node: options.node, state: 'swapped', binary: options.binary, at: Date.now() });
}

/**
 * Puts the original manifest back, waits for the original scheduler, and only then clears the
 * journal. With a corrupt journal (set aside by readJournal) it restores the node it is given,
 * when that node still keeps the original manifest.
 */
export async function restoreScheduler(context: StepContext, options: { clusterDir: string; kubeconfig: string; node: string; timeoutMs?: number }): Promise<boolean> {
  const file = hotSwapJournal(options.clusterDir);
  const read = await readJournal(options.clusterDir);
  let node = options.node;
  if (read.kind === 'none') {
    // No journal is not proof of no swap: one found corrupt at start-up was set aside then. The node says.
    if (!(await runsSwappedScheduler(context, node))) return false;
    context.print(`\x1b[33mThere is no hot-swap journal, but ${node} runs the swapped-in kube-scheduler; restoring it from the original manifest it keeps.\x1b[0m`);
    const kept = await context.run({ argv: ['docker', 'exec', node, 'test', '-f', hotSwapPaths.original] }, { terminal: 'pipe', acceptExitCodes: [0, 1] });
    if (kept.exitCode !== 0) throw new AppError(`${node} runs the swapped-in kube-scheduler, but has no ${hotSwapPaths.original} to restore from. Delete the cluster with the Teardown step ("delete"), or put the original manifest back by hand.`);
  } else if (read.kind === 'corrupt') {
    context.print(`\x1b[33mThe hot-swap journal could not be read (${read.reason}); restoring ${node} from the original manifest it keeps.\x1b[0m`);
    const kept = await context.run({ argv: ['docker', 'exec', node, 'test', '-f', hotSwapPaths.original] }, { terminal: 'pipe', acceptExitCodes: [0, 1] });
    if (kept.exitCode !== 0) throw new AppError(`The hot-swap journal was unreadable (kept as ${read.aside}) and ${node} has no ${hotSwapPaths.original}: nothing to restore from. If the scheduler of the cluster misbehaves, delete the cluster with the Teardown step.`);
  } else {
    node = read.journal.node;
    await writeJournal(file, { ...read.journal, state: 'restoring', at: Date.now() });
  }
  const original = (await context.run({ argv: ['docker', 'exec', node, 'cat', hotSwapPaths.original] }, { terminal: 'pipe', shows: 'summary' })).stdout;
  await putManifest(context, node, original);
  await waitForScheduler(context, { ...options, node }, (command) => command !== hotSwapPaths.binary);
  await rm(file, { force: true });
  return true;
}

/** Whether the node's live scheduler manifest runs the binary the hot-swap copies in. A node that cannot be asked is taken as not swapped. */
async function runsSwappedScheduler(context: StepContext, node: string): Promise<boolean> {
  const live = await context.run({ argv: ['docker', 'exec', node, 'cat', hotSwapPaths.manifest] }, { terminal: 'pipe', shows: 'summary', acceptExitCodes: [0, 1, 126, 127] });
  return live.exitCode === 0 && live.stdout.includes(hotSwapPaths.binary);
}

/** Writes a manifest into the node next to the live one, then moves it over in one rename. */
async function putManifest(context: StepContext, node: string, text: string): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-manifest-'));
  try {
    const local = path.join(dir, 'kube-scheduler.yaml');
    await writeFile(local, text);
    await context.run({ argv: ['docker', 'cp', local, `${node}:${hotSwapPaths.staged}`] }, { terminal: 'pipe' });
    await context.run({ argv: ['docker', 'exec', node, 'mv', hotSwapPaths.staged, hotSwapPaths.manifest] }, { terminal: 'pipe' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface PodLike {
  spec?: { containers?: Array<{ command?: string[] }> };
  status?: { conditions?: Array<{ type: string; status: string }> };
}

/** Polls the mirror pod kube-scheduler-<node> until its command is the wanted one and it is Ready. */
async function waitForScheduler(context: StepContext, options: { node: string; kubeconfig: string; timeoutMs?: number }, wanted: (command: string | undefined) => boolean): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const pod = `kube-scheduler-${options.node}`;
  let last = 'not seen yet';
  while (Date.now() < deadline) {
    if (context.signal.aborted) throw new AppError('Cancelled.', 'cancelled');
    const out = await context.run({ argv: ['kubectl', '--kubeconfig', options.kubeconfig, '--request-timeout=10s', 'get', '--raw', `/api/v1/namespaces/kube-system/pods/${pod}`] }, { terminal: 'pipe', shows: 'summary', acceptExitCodes: [0, 1] });
    if (out.exitCode === 0) {
      const found = JSON.parse(out.stdout) as PodLike;
      const command = found.spec?.containers?.[0]?.command?.[0];
      const ready = found.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
      last = `runs ${command ?? '?'}, ${ready ? 'Ready' : 'not Ready'}`;
      if (wanted(command) && ready) return;
    }
    await sleep(1000);
  }
  throw new AppError(`The scheduler pod ${pod} did not come up as expected within ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s (last seen: ${last}).`);
}

export type HotSwapJournalRead = { kind: 'none' } | { kind: 'ok'; journal: Journal } | { kind: 'corrupt'; aside: string; reason: string };

/**
 * The hot-swap journal of a kind cluster. One that cannot be read is moved aside (kept, never
 * deleted) and reported as corrupt: never taken for "no swap". The node still holds the original
 * manifest, so a restore can go on without it.
 */
export async function readJournal(clusterDir: string): Promise<HotSwapJournalRead> {
  const loaded = await loadJsonFile(hotSwapJournal(clusterDir), JournalSchema.nullable(), null);
  if (loaded.value) return { kind: 'ok', journal: loaded.value };
  if (loaded.aside) return { kind: 'corrupt', aside: loaded.aside, reason: loaded.reason ?? 'unreadable' };
  return { kind: 'none' };
}
