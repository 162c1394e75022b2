import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { binaryRunsOn } from '../../../shared/binary/binary-runs-on.js';
import type { ArtefactStatus, BuildArtefact, BuildResult } from '../../../shared/build/build-artefact.js';
import { binaryLocations } from '../../../shared/build/binary-locations.js';
import { buildPlan } from '../../../shared/build/build-plan.js';
import type { GoPackage } from '../../../shared/build/go-package.js';
import { CompileProgress } from '../../../shared/build/compile-progress.js';
import { describeCause, rebuildCauses, type RebuildCause } from '../../../shared/build/rebuild-cause.js';
import { AppError, toErrorInfo } from '../../../shared/errors/app-error.js';
import { formatDuration } from '../../../shared/steps/step-duration.js';
import { describeBinary } from '../../../shared/toolchain/describe-binary.js';
import { artefactFingerprint } from '../build/artefact-fingerprint.js';
import { BuildRecords, hotSwapRecord, type ArtefactRecord } from '../build/build-records.js';
import { artefactPackages } from '../build/artefact-packages.js';
import { readBuildCheckout } from '../build/build-checkout.js';
import { goListFileStates } from '../build/go-list-file-states.js';
import { PackageCache } from '../build/package-cache.js';
import { buildSchedulerForNode, changeHashes, filesChangedSince, schedulerOnlyChange } from '../build/scheduler-hot-swap-build.js';
import { locateCheckout } from '../source/locate-checkout.js';
import { findTool } from '../tools/find-tool.js';
import { readBinaryHeader } from '../tools/read-binary-header.js';
import { probeArch } from './probe-arch.js';
import type { ClusterTargets } from '../cluster/cluster-target.js';
import type { Step, StepContext } from './step.js';

type Platform = { os: string; arch: string };

/**
 * Makes the build print each package it compiles: `make all` hands GOFLAGS to go through the
 * environment (kubernetes v1.35.4's Makefile in build/root documents `make all WHAT=cmd/kubelet GOFLAGS=-v`;
 * hack/lib/golang.sh only reads -tags out of it), and go build's -v prints a package's import path as
 * it compiles it. go test -c, which builds e2e.test, takes -v as the test binary's flag and prints
 * nothing more. The user's own GOFLAGS stay.
 */
const verboseGo = { GOFLAGS: [process.env.GOFLAGS, '-v'].filter(Boolean).join(' ') };

/** Why an artefact is rebuilt: `reason` is decided on, `message` is shown, `causes` name the changed files. */
interface Staleness {
  reason: 'forced' | 'not-built' | 'sources-changed' | 'output-changed';
  message: string;
  causes?: RebuildCause[];
}

const short = (commit: string): string => commit.slice(0, 12);

/**
 * A tool the plan needs (kind for the node image) is looked for before anything runs, so its absence
 * is said in the app's words, not as a "command not found" at `kind version`.
 */
function requireTool(context: StepContext, artefact: BuildArtefact): void {
  if (!artefact.requires) return;
  const { tool, missing } = artefact.requires;
  const found = findTool(tool, context.searchPath, context.settings.toolPaths[tool]);
  if (found.problem) throw new AppError(`${missing}: ${found.problem}`);
  if (!found.path) throw new AppError(`${missing} (no ${tool} in ${context.binDir} or on the search path).`);
}

/** The first changed files, and how many more. */
function listFiles(causes: readonly RebuildCause[]): string {
  const shown = causes.slice(0, 3).map((cause) => cause.file).join(', ');
  return causes.length > 3 ? `${shown} and ${causes.length - 3} more` : shown;
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
    const { dir } = await locateCheckout(context);
    const source = await readBuildCheckout(context, dir);
    const changed = [...source.dirtyFiles, ...source.untrackedFiles];
    const dirtyHash = changed.length > 0 ? createHash('sha256').update(changed.join('\n')).digest('hex') : undefined;
    const mode = context.settings.mode;
    const plan = buildPlan({ mode, checkout: dir, arch: host.arch, commit: source.commit, dirtyHash, ginkgoPath: source.ginkgoPath });
    for (const artefact of plan) requireTool(context, artefact);
    const goEnv = source.toolchain.action === 'download' && source.toolchain.version ? { GOTOOLCHAIN: source.toolchain.version } : {};
    // Go keeps a toolchain it downloads (GOTOOLCHAIN) in GOMODCACHE. The build sets GOMODCACHE to
    // _output/local/go/cache/mod unless it is set (kubernetes v1.35.4 hack/lib/golang.sh setup_env,
    // KUBE_GOPATH=${KUBE_OUTPUT}/go; hack/lib/init.sh KUBE_OUTPUT=<tree>/_output/local): the app's own
    // go list uses the same folder, so the toolchain is downloaded once, where the build finds it.
    const listEnv = process.env.GOMODCACHE ? goEnv : { ...goEnv, GOMODCACHE: path.join(dir, '_output', 'local', 'go', 'cache', 'mod') };
    const tools = { go: source.localGo ?? 'none', ...(await this.targets[mode].buildTools(context)) };
    const { records, problem } = await BuildRecords.open(context.dataDir, dir);
    if (problem) context.print(`\x1b[33m${problem}\x1b[0m`);
    const changeContent = await changeHashes(dir, changed);
    // What go list would be asked about: an answer cached for the same HEAD, environment and changed
    // files' headers is used as it is (artefact-packages.ts), so a no-op check runs no go list.
    const packageCache = await PackageCache.open(context.dataDir, dir);
    const question = { checkout: dir, head: source.commit, env: listEnv, goVersion: source.localGo ?? 'none', files: await goListFileStates(dir, { dirty: source.dirtyFiles, untracked: source.untrackedFiles }) };

    const statuses: ArtefactStatus[] = plan.map((artefact) => ({ id: artefact.id, title: artefact.title, state: 'not-run', reason: 'not reached', outputs: [] }));
    const result = (): BuildResult => ({ mode, checkout: dir, artefacts: statuses });
    context.setResult({ kind: 'build', build: result() });

    for (const [index, artefact] of plan.entries()) {
      const status = statuses[index] as ArtefactStatus;
      const { packages, goBuilt, headFiles } = await artefactPackages(context, artefact, question, packageCache);
      const fingerprint = await artefactFingerprint(context, { checkout: dir, argv: artefact.argv, packages, changedFiles: changed, tools, headFiles });
      const record = records.get(artefact.id);
      const stale = await this.staleness(context, artefact, record, fingerprint, dir, host);
      if (stale?.reason === 'sources-changed' && packages && record?.source) {
        Object.assign(stale, await this.whyChanged(context, { checkout: dir, record, commit: source.commit, now: changeContent, packages, tools }));
      }
      if (stale?.reason === 'sources-changed' && artefact.id === 'node-image' && record?.source) {
        const files = await filesChangedSince(context, dir, record.source, source.commit, changeContent);
        const verdict = await schedulerOnlyChange(context, dir, files, listEnv);
        if (!verdict.schedulerOnly) context.print(`Not a scheduler-only change: ${verdict.reason}.`);
        if (verdict.schedulerOnly) {
          await this.hotSwapInstead(context, { status, result, records, record, fingerprint, checkout: dir, arch: host.arch, env: goEnv, commit: source.commit, files });
          continue;
        }
      }
      if (!stale) {
        const fresh = record as ArtefactRecord;
        Object.assign(status, { state: 'up-to-date', reason: `up to date: built from ${short(fresh.commit)}, and nothing it is built from changed since`, fingerprint, builtAt: fresh.builtAt, commit: fresh.commit, outputs: fresh.outputs });
        context.print(`${artefact.title}: ${status.reason}`);
        context.setResult({ kind: 'build', build: result() });
        continue;
      }
      context.print(`${artefact.title}: building (${stale.message})`);
      await records.forget(artefact.id);
      const started = Date.now();
      const progress = this.compileProgress(goBuilt);
      Object.assign(status, { state: 'building', reason: `building: ${stale.message}`, causes: stale.causes, startedAt: started, ...(progress ? { compiled: progress.count } : {}) });
      context.setResult({ kind: 'build', build: result() });
      const report = progress ? this.reportProgress(context, artefact, status, progress, result) : undefined;
      // The version kind's source build stamps into the image (/kind/version), read as it starts.
      const imageState = artefact.image ? { kubernetesVersion: await source.describe() } : {};
      try {
        await context.run({ argv: artefact.argv, cwd: dir, env: { ...goEnv, ...(progress ? verboseGo : {}) } }, progress ? { onOutput: (text) => report?.seen(text) } : {});
        report?.stop();
        status.compiled = undefined;
        const outputs = await this.checkOutputs(context, artefact, dir, host);
        const builtAt = Date.now();
        await records.remember(artefact.id, { fingerprint, builtAt, commit: source.commit, outputs, image: artefact.image, tools, source: { commit: source.commit, changes: changeContent }, ...imageState });
        if (artefact.image) await records.forget(hotSwapRecord);
        Object.assign(status, { state: 'built', reason: `built in ${formatDuration(builtAt - started)}: ${stale.message}`, fingerprint, builtAt, commit: source.commit, outputs });
        context.setResult({ kind: 'build', build: result() });
      } catch (error) {
        report?.stop();
        Object.assign(status, { state: 'failed', reason: toErrorInfo(error).message, compiled: undefined });
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
      Object.assign(status, { state: 'hot-swap', reason: `scheduler-only change: kube-scheduler for linux/${job.arch} is up to date; the image ${record.image ?? ''} stays`, fingerprint: job.fingerprint, builtAt: done.builtAt, commit: done.commit, outputs: done.outputs });
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
    if (!record) return { reason: 'not-built', message: 'its first build from this checkout' };
    if (record.fingerprint !== fingerprint) return { reason: 'sources-changed', message: `what it is built from changed since it was built from ${short(record.commit)}` };
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

  /**
   * Counts what `go build -v` prints of the artefact's own packages, when it has any go build
   * compiles (`go test -c` takes -v for the test binary and prints nothing: see verboseGo).
   */
  private compileProgress(built: readonly GoPackage[] | undefined): CompileProgress | undefined {
    const printed = new Set((built ?? []).map((p) => p.id));
    return printed.size > 0 ? new CompileProgress(printed) : undefined;
  }

  /** Shows the count in the artefact table as it moves (at most four times a second) and in the terminal every 30 s. */
  private reportProgress(context: StepContext, artefact: BuildArtefact, status: ArtefactStatus, progress: CompileProgress, result: () => BuildResult): { seen(text: string): void; stop(): void } {
    let shownAt = 0;
    const show = (): void => {
      shownAt = Date.now();
      status.compiled = progress.count;
      context.setResult({ kind: 'build', build: result() });
    };
    const started = Date.now();
    const terminal = setInterval(() => {
      const { done, total } = progress.count;
      context.print(`\x1b[2m${artefact.title}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} packages compiled, ${formatDuration(Date.now() - started)}\x1b[0m`);
    }, 30_000);
    let pending: ReturnType<typeof setTimeout> | undefined;
    return {
      seen: (text) => {
        if (!progress.feed(text) || pending) return;
        const wait = Math.max(0, shownAt + 250 - Date.now());
        pending = setTimeout(() => {
          pending = undefined;
          show();
        }, wait);
      },
      // The last count is shown even when the build ends before its turn came.
      stop: () => {
        clearInterval(terminal);
        if (pending) {
          clearTimeout(pending);
          pending = undefined;
          show();
        }
      },
    };
  }

  /**
   * Which files changed since the artefact was last built that it is built from, and through which of
   * its packages; or which tool changed. Undefined fields when the record cannot say (history rewritten).
   */
  private async whyChanged(
    context: StepContext,
    job: { checkout: string; record: ArtefactRecord; commit: string; now: Record<string, string>; packages: readonly GoPackage[]; tools: Record<string, string> },
  ): Promise<Partial<Staleness>> {
    const files = await filesChangedSince(context, job.checkout, job.record.source as NonNullable<ArtefactRecord['source']>, job.commit, job.now);
    const causes = rebuildCauses(files, job.packages);
    if (causes.length > 0) {
      for (const cause of causes) context.print(`  changed: ${describeCause(cause)}`);
      return { causes, message: `${causes.length === 1 ? '1 file' : `${causes.length} files`} it is built from changed: ${listFiles(causes)}` };
    }
    const before = job.record.tools ?? {};
    const tools = Object.keys(job.tools).filter((name) => before[name] !== undefined && before[name] !== job.tools[name]);
    if (tools.length > 0) return { message: `rebuilt because ${tools.map((name) => `${name} changed (${before[name]} → ${job.tools[name]})`).join(', ')}` };
    return {};
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
