import { binaryRunsOn } from '../binary/binary-runs-on.js';
import type { BinaryHeader } from '../binary/binary-header.js';
import { compareVersions } from './compare-versions.js';
import { installCommand, type FixPlatform } from './fix-command.js';
import { parseToolVersion } from './parse-tool-version.js';
import type { ToolName, ToolReport } from './tool-report.js';
import { describeBinary } from './describe-binary.js';
import { minimumKindVersion } from '../kind/kind-release.js';

export interface ToolProbe {
  name: ToolName;
  path?: string;
  header?: BinaryHeader;
  /** What the version command printed (stdout and stderr), and how it exited. */
  versionOutput?: string;
  versionExitCode?: number;
}

/** The verdict on one tool: found, runnable on this hardware, new enough, the right kind of tool. */
export function assessTool(probe: ToolProbe, platform: FixPlatform): ToolReport {
  const report: ToolReport = { name: probe.name, path: probe.path, verdict: 'ok', messages: [] };
  if (!probe.path) {
    return { ...report, verdict: 'missing', messages: [`${probe.name} was not found on PATH.`], fix: installCommand(probe.name, platform) };
  }
  const worsen = (verdict: 'warning' | 'problem', message: string, fix?: string): void => {
    if (verdict === 'problem' || report.verdict === 'ok') report.verdict = verdict;
    report.messages.push(message);
    report.fix ??= fix;
  };

  if (probe.header) {
    report.binary = describeBinary(probe.header);
    const runs = binaryRunsOn(probe.header, platform);
    if (!runs.ok) worsen('problem', runs.reason, installCommand(probe.name, platform));
    else if (runs.note) report.messages.push(runs.note);
  }

  const parsed = probe.versionOutput === undefined ? undefined : parseToolVersion(probe.name, probe.versionOutput);
  if (!parsed) {
    if (probe.name !== 'docker') worsen('warning', `Could not read ${probe.name}'s version (exit code ${probe.versionExitCode ?? '?'}).`);
    return report;
  }
  report.version = parsed.version;
  if (parsed.platform && parsed.platform !== `${platform.os}/${platform.arch}`) {
    worsen('problem', `${probe.name} reports ${parsed.platform}, but this machine is ${platform.os}/${platform.arch}: what it builds or fetches will be for the wrong platform.`, installCommand(probe.name, platform));
  }
  if (probe.name === 'make' && parsed.gnu === false) {
    worsen('problem', 'This make is not GNU make; the Kubernetes build needs GNU make.', installCommand('make', platform));
  }
  if (probe.name === 'bash' && compareVersions(parsed.version, '4.2') < 0) {
    worsen('problem', `bash ${parsed.version} is older than 4.2, which the Kubernetes build scripts need (macOS ships 3.2).`, installCommand('bash', platform));
  }
  if (probe.name === 'kind' && compareVersions(parsed.version, minimumKindVersion) < 0) {
    worsen('problem', `kind ${parsed.version} is older than ${minimumKindVersion}, the oldest this app supports.`, installCommand('kind', platform));
  }
  return report;
}
