import { randomBytes } from 'node:crypto';
import { copyFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { binaryRunsOn } from '../../../shared/binary/binary-runs-on.js';
import { AppError, toErrorInfo } from '../../../shared/errors/app-error.js';
import type { KindInstall } from '../../../shared/kind/kind-install.js';
import { kindAssetName, kindAssetUrl, kindBaseProblem, kindVersionProblem, parseSha256Sum } from '../../../shared/kind/kind-release.js';
import { describeBinary } from '../../../shared/toolchain/describe-binary.js';
import { parseToolVersion } from '../../../shared/toolchain/parse-tool-version.js';
import { buildKind } from '../kind/build-kind.js';
import { downloadToFile, fetchText } from '../kind/download-to-file.js';
import { installBinary, restorePrevious } from '../kind/install-binary.js';
import { findTool } from '../tools/find-tool.js';
import { readBinaryHeader } from '../tools/read-binary-header.js';
import { probeArch } from './probe-arch.js';
import type { Step, StepContext } from './step.js';

type Platform = { os: string; arch: string };

/**
 * Step 3: a kind binary for this hardware in the app's bin folder. Downloaded from the release,
 * checked against the published sha256 and against its own header, installed atomically; built
 * with `go install` when the download cannot be had. A binary that fails a check is never installed.
 */
export class NativeKindStep implements Step {
  readonly id = 'kind';

  constructor(private readonly options: { stallMs?: number } = {}) {}

  async execute(context: StepContext): Promise<void> {
    const { kindVersion: version, kindDownloadBase: base, kindBuildFallback } = context.settings;
    const problem = kindVersionProblem(version) ?? kindBaseProblem(base);
    if (problem) throw new AppError(problem);
    const { arch } = await probeArch(context, context.electronTranslated);
    const hardware: Platform = { os: process.platform === 'win32' ? 'windows' : process.platform, arch: arch.hardwareArch };
    const target = path.join(context.binDir, 'kind');

    const current = await this.current(context, hardware);
    if (current) {
      context.print(`kind ${current.version} at ${current.path} is ${describeBinary(current.header)} and matches ${version}: nothing to do.`);
      context.setResult({ kind: 'kind-install', install: { action: 'kept', version: current.version, path: current.path, source: current.path, binary: describeBinary(current.header) } });
      return;
    }

    let install: KindInstall;
    try {
      install = await this.download(context, version, base, hardware, target);
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.kind === 'cancelled' || !kindBuildFallback) throw error;
      context.print(`\x1b[33mThe download was not used: ${info.message}\x1b[0m`);
      context.print('Building kind from source with go install instead…');
      install = { ...(await this.build(context, version, hardware, target)), downloadProblem: info.message };
    }
    context.setResult({ kind: 'kind-install', install });
    context.print(`Installed kind ${install.version} (${install.binary}) at ${install.path}.`);
  }

  /** The kind already first on the search path, if it is native and the wanted version. */
  private async current(context: StepContext, hardware: Platform): Promise<{ path: string; version: string; header: Awaited<ReturnType<typeof readBinaryHeader>> } | undefined> {
    const found = findTool('kind', context.searchPath, context.settings.toolPaths.kind);
    if (!found.path) return undefined;
    const header = await readBinaryHeader(found.path).catch(() => undefined);
    if (!header || !binaryRunsOn(header, hardware).ok) return undefined;
    const out = await context.run({ argv: [found.path, 'version'] }, { terminal: 'pipe', acceptExitCodes: [0, 1, 2, 126, 127] });
    const parsed = parseToolVersion('kind', `${out.stdout}\n${out.stderr}`);
    if (!parsed || parsed.version !== context.settings.kindVersion) return undefined;
    return { path: found.path, version: parsed.version, header };
  }

  private async download(context: StepContext, version: string, base: string, hardware: Platform, target: string): Promise<KindInstall> {
    const asset = kindAssetName(hardware.os, hardware.arch);
    const url = kindAssetUrl(base, version, hardware.os, hardware.arch);
    const temp = path.join(context.binDir, `.${asset}.${randomBytes(4).toString('hex')}.download`);
    context.print(`Downloading ${url}`);
    try {
      const expected = parseSha256Sum(await fetchText(`${url}.sha256sum`, context.signal, 30_000), asset);
      if (!expected) throw new AppError(`${url}.sha256sum does not hold a sha256 digest for ${asset}.`);
      let lastReport = 0;
      const result = await downloadToFile({
        url,
        file: temp,
        signal: context.signal,
        stallMs: this.options.stallMs ?? 30_000,
        onProgress: (done, total) => {
          if (done !== total && Date.now() - lastReport < 100) return;
          lastReport = Date.now();
          context.setProgress({ label: `Downloading ${asset}`, done, total });
        },
      });
      context.print(`sha256 ${result.sha256} (${result.bytes} bytes)`);
      if (result.sha256 !== expected) throw new AppError(`The checksum of ${asset} does not match: expected ${expected} (from ${url}.sha256sum), got ${result.sha256}. Nothing was installed.`);
      const header = await this.checkHeader(temp, asset, hardware);
      return { action: 'downloaded', source: url, sha256: result.sha256, binary: describeBinary(header), ...(await this.put(context, temp, target, version)) };
    } finally {
      context.setProgress(undefined);
      await unlink(temp).catch(() => undefined);
    }
  }

  private async build(context: StepContext, version: string, hardware: Platform, target: string): Promise<KindInstall> {
    const built = await buildKind(context, version, hardware);
    const staged = path.join(context.binDir, `.kind.${randomBytes(4).toString('hex')}.built`);
    try {
      await copyFile(built.file, staged);
      const header = await this.checkHeader(staged, 'the kind built by go install', hardware);
      return { action: 'built', source: `go install sigs.k8s.io/kind@${version}`, binary: describeBinary(header), ...(await this.put(context, staged, target, version)) };
    } finally {
      await unlink(staged).catch(() => undefined);
      await built.cleanup();
    }
  }

  private async checkHeader(file: string, what: string, hardware: Platform): Promise<Awaited<ReturnType<typeof readBinaryHeader>>> {
    const header = await readBinaryHeader(file);
    const runs = binaryRunsOn(header, hardware);
    if (!runs.ok) throw new AppError(`${what} is ${describeBinary(header)}, not a ${hardware.os}/${hardware.arch} executable: ${runs.reason} Nothing was installed.`);
    return header;
  }

  /** Installs, then asks the installed binary its version; if it cannot answer, the previous kind is put back. */
  private async put(context: StepContext, staged: string, target: string, version: string): Promise<{ version: string; path: string }> {
    const { previous } = await installBinary(staged, target);
    const out = await context.run({ argv: [target, 'version'] }, { terminal: 'pipe', acceptExitCodes: [0, 1, 2, 126, 127] }).catch(() => undefined);
    const parsed = out ? parseToolVersion('kind', `${out.stdout}\n${out.stderr}`) : undefined;
    if (!parsed) {
      await restorePrevious(target, previous);
      throw new AppError(`The new kind at ${target} did not answer "kind version"; the previous one was put back.`);
    }
    if (previous) await unlink(previous).catch(() => undefined);
    if (parsed.version !== version) context.print(`\x1b[33mNote: the binary calls itself ${parsed.version}, not ${version}.\x1b[0m`);
    return { version: parsed.version, path: target };
  }
}
