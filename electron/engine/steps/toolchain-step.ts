import { assessDocker } from '../../../shared/toolchain/assess-docker.js';
import { assessTool, type ToolProbe } from '../../../shared/toolchain/assess-tool.js';
import type { FixPlatform } from '../../../shared/toolchain/fix-command.js';
import { parseDockerInfo } from '../../../shared/toolchain/parse-docker-info.js';
import { versionArgv } from '../../../shared/toolchain/parse-tool-version.js';
import type { DockerServer, ToolName, ToolReport, ToolchainFacts } from '../../../shared/toolchain/tool-report.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import { toolchainPlan } from '../../../shared/source/toolchain-plan.js';
import { findTool } from '../tools/find-tool.js';
import { linuxDistro } from '../tools/linux-distro.js';
import { readBinaryHeader } from '../tools/read-binary-header.js';
import { probeArch } from './probe-arch.js';
import type { Step, StepContext } from './step.js';

/** Any exit code is an answer here: a version command that fails is reported, not fatal. */
const anyExit = Array.from({ length: 256 }, (_, code) => code);

/** Tools only kind mode needs; remote mode works without them. */
const kindModeOnly: readonly ToolName[] = ['docker', 'kind'];

/** Step 2: every tool the workflow runs, found, versioned, and checked against the hardware. */
export class ToolchainStep implements Step {
  readonly id = 'toolchain';

  async execute(context: StepContext): Promise<void> {
    const { arch } = await probeArch(context, context.electronTranslated);
    const platform: FixPlatform = { os: process.platform, arch: arch.hardwareArch, distro: process.platform === 'linux' ? await linuxDistro() : undefined };
    const names: ToolName[] = ['docker', 'go', 'git', 'make', ...(process.platform === 'darwin' ? (['bash'] as const) : []), 'kubectl', 'kind'];
    const tools: ToolReport[] = [];
    let docker: DockerServer | undefined;
    for (const name of names) {
      const probe = await this.probe(context, name);
      let report = assessTool(probe, platform);
      if (name === 'docker' && probe.path) {
        const info = await context.run({ argv: [probe.path, 'info', '--format', '{{json .}}'] }, { terminal: 'pipe', shows: 'summary', acceptExitCodes: anyExit });
        docker = { ...parseDockerInfo(info.stdout, info.exitCode), defaultPlatform: process.env.DOCKER_DEFAULT_PLATFORM || undefined };
        const firstError = info.stderr.split('\n').find((line) => line.trim().length > 0)?.trim();
        report = assessDocker(report, docker, platform, firstError);
      }
      if (name === 'go' && probe.path) {
        await context.run({ argv: [probe.path, 'env', 'GOOS', 'GOARCH', 'GOPATH', 'GOTOOLCHAIN'] }, { terminal: 'pipe', acceptExitCodes: anyExit });
        report = await this.againstCheckout(context, report);
      }
      if (kindModeOnly.includes(name) && report.verdict !== 'ok') report.messages.push('Needed for kind mode only.');
      tools.push(report);
    }
    const facts: ToolchainFacts = { hardware: { os: platform.os, arch: platform.arch }, searchPath: [...context.searchPath], tools, docker };
    context.setResult({ kind: 'toolchain', facts });
    for (const tool of tools) context.print(`${tool.verdict.padEnd(8)} ${tool.name.padEnd(8)} ${tool.version ?? ''} ${tool.binary ?? ''} ${tool.path ?? ''}`.trimEnd());

    const blocking = tools.filter((tool) => (tool.verdict === 'problem' || tool.verdict === 'missing') && !kindModeOnly.includes(tool.name));
    if (blocking.length > 0) {
      throw new AppError(`${blocking.length} tool${blocking.length > 1 ? 's need' : ' needs'} attention: ${blocking.map((tool) => `${tool.name} (${tool.verdict})`).join(', ')}. See the table for the fix.`);
    }
  }

  /** Once a checkout is chosen, says which Go its .go-version asks for and what that means here. */
  private async againstCheckout(context: StepContext, report: ToolReport): Promise<ToolReport> {
    const checkout = context.settings.sourceDir.trim();
    if (!checkout || !report.version) return report;
    const goVersionFile = (await readFile(path.join(checkout, '.go-version'), 'utf8').catch(() => '')).trim();
    if (!goVersionFile) return report;
    const plan = toolchainPlan({ goVersionFile, localGo: report.version, gotoolchain: process.env.GOTOOLCHAIN, forceHostGo: process.env.FORCE_HOST_GO });
    return { ...report, messages: [...report.messages, `The checkout at ${checkout}: ${plan.note}`] };
  }

  private async probe(context: StepContext, name: ToolName): Promise<ToolProbe> {
    const found = findTool(name, context.searchPath, context.settings.toolPaths[name]);
    if (found.problem) context.print(found.problem);
    if (!found.path) return { name };
    const header = await readBinaryHeader(found.path).catch(() => undefined);
    const [, ...args] = versionArgv[name];
    const out = await context.run({ argv: [found.path, ...args] }, { terminal: 'pipe', acceptExitCodes: anyExit });
    return { name, path: found.path, header, versionOutput: `${out.stdout}\n${out.stderr}`, versionExitCode: out.exitCode };
  }
}
