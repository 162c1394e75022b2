import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { binaryRunsOn } from '../../../shared/binary/binary-runs-on.js';
import type { ArtefactStatus, BuildArtefact, BuildResult } from '../../../shared/build/build-artefact.js';
import { binaryLocations } from '../../../shared/build/binary-locations.js';
import { buildPlan } from '../../../shared/build/build-plan.js';
import { AppError, toErrorInfo } from '../../../shared/errors/app-error.js';
import { formatDuration } from '../../../shared/steps/step-duration.js';
import { describeBinary } from '../../../shared/toolchain/describe-binary.js';
import { artefactFingerprint } from '../build/artefact-fingerprint.js';
import { BuildRecords, hotSwapRecord, type ArtefactRecord } from '../build/build-records.js';
import { goPackageDirs } from '../build/go-package-dirs.js';
import { buildSchedulerForNode, changeHashes, filesChangedSince, schedulerOnlyChange } from '../build/scheduler-hot-swap-build.js';
import { inspectCheckout } from '../source/inspect-checkout.js';
import { locateCheckout } from '../source/locate-checkout.js';
import { readBinaryHeader } from '../tools/read-binary-header.js';
import { probeArch } from './probe-arch.js';
import type { ClusterTargets } from '../cluster/cluster-target.js';
import type { Step, StepContext } from './step.js';

type Platform = { os: string; arch: string };

/** Why an artefact is rebuilt: `reason` is decided on, `message` is shown. */
interface Staleness {
  reason: 'forced' | 'not-built' | 'sources-changed' | 'output-changed';
  message: string;
}

/**
 * Step 6: builds what the chosen mode needs from the checkout, and nothing whose sources did not
 * change since it was last built (fingerprints); every output is checked against the hardware.
 */
export class BuildStep implements Step {
  readonly id = 'build';

  constructor(private readonly targets: ClusterTargets) {}

  async execute(context: StepContext): Promise<void> {
    const { arch } = await probeArch(context, context.electronTranslated);
    const host: Platform = { os: process.platform, arch: arch.hardwareArch };
    const { dir, foundBy } = await locateCheckout(context);
    const source = await inspectCheckout(context, dir, foundBy);
    const changed = [...source.dirtyFiles, ...source.untrackedFiles];
    const dirtyHash = changed.length > 0 ? createHash('sha256').update(changed.join('\n')).digest('hex') : undefined;
    const mode = context.settings.mode;
    const plan = buildPlan({ mode, checkout: dir, arch: host.arch, commit: source.commit, dirtyHash, ginkgoPath: source.ginkgoPath });
    const goEnv = source.toolchain.action === 'download' && source.toolchain.version ? { GOTOOLCHAIN: source.toolchain.version } : {};
    const tools = { go: source.localGo ?? 'none', ...(await this.targets[mode].buildTools(context)) };
    const { records, problem } = await BuildRecords.open(context.dataDir, dir);
    if (problem) context.print(`\x1b[33m${problem}\x1b[0m`);

    const statuses: ArtefactStatus[] = plan.map((artefact) => ({ id: artefact.id, title: artefact.title, state: 'not-run', reason: 'not reached', outputs: [] }));
    const result = (): BuildResult => ({ mode, checkout: dir, artefacts: statuses });
    context.setResult({ kind: 'build', build: result() });

    for (const [index, artefact] of plan.entries()) {
      const status = statuses[index] as ArtefactStatus;
      const dirs = artefact.goPackages ? await goPackageDirs(context, dir, artefact.goPackages, goEnv) : undefined;
      const fingerprint = await artefactFingerprint(context, { checkout: dir, argv: artefact.argv, dirs, changedFiles: changed, tools });
      const record = records.get(artefact.id);
      const stale = await this.staleness(context, artefact, record, fingerprint, dir, host);
      if (stale?.reason === 'sources-changed' && artefact.id === 'node-image' && record?.source) {
        const now = await changeHashes(dir, changed);
        const files = await filesChangedSince(context, dir, record.source, source.commit, now);
        const verdict = await schedulerOnlyChange(context, dir, files, goEnv);
        if (!verdict.schedulerOnly) context.print(`Not a scheduler-only change: ${verdict.reason}.`);
        if (verdict.schedulerOnly) {
          await this.hotSwapInstead(context, { status, result, records, record, fingerprint, checkout: dir, arch: host.arch, env: goEnv, commit: source.commit, files });
          continue;
        }
      }
      if (!stale) {
        const fresh = record as ArtefactRecord;
        Object.assign(status, { state: 'up-to-date', reason: `up to date (built ${new Date(fresh.builtAt).toLocaleString()} from ${fresh.commit.slice(0, 12)})`, fingerprint, builtAt: fresh.builtAt, commit: fresh.commit, outputs: fresh.outputs });
        context.print(`${artefact.title}: ${status.reason}`);
        context.setResult({ kind: 'build', build: result() });
        continue;
      }
      context.print(`${artefact.title}: building (${stale.message})`);
      await records.forget(artefact.id);
      const started = Date.now();
      try {
        await context.run({ argv: artefact.argv, cwd: dir, env: goEnv });
        const outputs = await this.checkOutputs(context, artefact, dir, host);
        const builtAt = Date.now();
        const treeState = artefact.image ? { source: { commit: source.commit, changes: await changeHashes(dir, changed) }, kubernetesVersion: source.describe } : {};
        await records.remember(artefact.id, { fingerprint, builtAt, commit: source.commit, outputs, image: artefact.image, ...treeState });
        if (artefact.image) await records.forget(hotSwapRecord);
        Object.assign(status, { state: 'built', reason: `built in ${formatDuration(builtAt - started)} (${stale.message})`, fingerprint, builtAt, commit: source.commit, outputs });
        context.setResult({ kind: 'build', build: result() });
      } catch (error) {
        Object.assign(status, { state: 'failed', reason: toErrorInfo(error).message });
        context.setResult({ kind: 'build', build: result() });
        throw error;
      }
    }
  }

  /**
   * Only scheduler sources changed since the node image was built: build kube-scheduler for the
   * node's platform instead of a new image; the Cluster step swaps it into the running control plane.
   */
  private async hotSwapInstead(
    context: StepContext,
    job: { status: ArtefactStatus; result: () => BuildResult; records: BuildRecords; record: ArtefactRecord; fingerprint: string; checkout: string; arch: string; env: Record<string, string | undefined>; commit: string; files: string[] },
  ): Promise<void> {
    const { status, records, record } = job;
    const done = records.get(hotSwapRecord);
    const binaryThere = done ? await readBinaryHeader(path.join(job.checkout, done.outputs[0]?.path ?? '')).then(() => true, () => false) : false;
    if (done && done.fingerprint === job.fingerprint && binaryThere) {
      Object.assign(status, { state: 'hot-swap', reason: `scheduler-only change: kube-scheduler for linux/${job.arch} is up to date (built ${new Date(done.builtAt).toLocaleString()}); the image ${record.image ?? ''} stays`, fingerprint: job.fingerprint, builtAt: done.builtAt, commit: done.commit, outputs: done.outputs });
      context.setResult({ kind: 'build', build: job.result() });
      return;
    }
    context.print(`Only scheduler sources changed since ${record.image ?? 'the node image'} was built (${job.files.join(', ')}): building kube-scheduler for linux/${job.arch} to swap in, instead of a new node image.`);
    await records.forget(hotSwapRecord);
    const outputs = await buildSchedulerForNode(context, job.checkout, job.arch, job.env);
    const builtAt = Date.now();
    await records.remember(hotSwapRecord, { fingerprint: job.fingerprint, builtAt, commit: job.commit, outputs, image: record.image });
    Object.assign(status, { state: 'hot-swap', reason: `scheduler-only change: kube-scheduler rebuilt for linux/${job.arch}; the Cluster step swaps it into ${record.image ?? 'the node'} instead of a new image`, fingerprint: job.fingerprint, builtAt, commit: job.commit, outputs });
    context.setResult({ kind: 'build', build: job.result() });
  }

  /** Why an artefact must be rebuilt (a reason to decide on, a sentence to show), or undefined when its record still holds. */
  private async staleness(context: StepContext, artefact: BuildArtefact, record: ArtefactRecord | undefined, fingerprint: string, checkout: string, host: Platform): Promise<Staleness | undefined> {
    if (context.force) return { reason: 'forced', message: 'rebuild requested' };
    if (!record) return { reason: 'not-built', message: 'not built yet' };
    if (record.fingerprint !== fingerprint) return { reason: 'sources-changed', message: `its sources changed since ${new Date(record.builtAt).toLocaleString()}` };
    for (const output of record.outputs) {
      const header = await readBinaryHeader(path.join(checkout, output.path)).catch(() => undefined);
      if (!header) return { reason: 'output-changed', message: `${output.path} is gone` };
      if (describeBinary(header) !== output.binary) return { reason: 'output-changed', message: `${output.path} is now ${describeBinary(header)}` };
    }
    if (artefact.image) {
      const arch = await this.imageArch(context, artefact.image);
      if (arch !== host.arch) return { reason: 'output-changed', message: arch ? `the image ${artefact.image} is ${arch}` : `the image ${artefact.image} is gone` };
    }
    return undefined;
  }

  /** Finds each binary where the tree's build leaves it (the newest copy wins) and checks it runs here. */
  private async checkOutputs(context: StepContext, artefact: BuildArtefact, checkout: string, host: Platform): Promise<ArtefactRecord['outputs']> {
    const outputs: ArtefactRecord['outputs'] = [];
    for (const name of artefact.binaries) {
      let newest: { path: string; mtime: number } | undefined;
      for (const candidate of binaryLocations(name, host.os, host.arch)) {
        const info = await stat(path.join(checkout, candidate)).catch(() => undefined);
        if (info?.isFile() && (!newest || info.mtimeMs > newest.mtime)) newest = { path: candidate, mtime: info.mtimeMs };
      }
      if (!newest) throw new AppError(`The build finished but left no ${name}; looked in ${binaryLocations(name, host.os, host.arch).join(', ')}.`);
      const header = await readBinaryHeader(path.join(checkout, newest.path));
      const runs = binaryRunsOn(header, host);
      if (!runs.ok) throw new AppError(`${newest.path} is ${describeBinary(header)}: ${runs.reason}`);
      outputs.push({ path: newest.path, binary: describeBinary(header) });
      context.print(`${newest.path}: ${describeBinary(header)}`);
    }
    if (artefact.image) {
      const arch = await this.imageArch(context, artefact.image);
      if (arch !== host.arch) throw new AppError(`The node image ${artefact.image} is ${arch ?? 'missing'}, not ${host.arch}: kind would run it emulated.`);
      context.print(`${artefact.image}: linux/${arch}`);
    }
    return outputs;
  }

  private async imageArch(context: StepContext, image: string): Promise<string | undefined> {
    const out = await context.run({ argv: ['docker', 'image', 'inspect', '--format', '{{.Architecture}}', image] }, { terminal: 'pipe', acceptExitCodes: [0, 1] });
    return out.exitCode === 0 ? out.stdout.trim() : undefined;
  }
}
