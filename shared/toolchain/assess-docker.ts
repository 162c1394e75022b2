import { dockerMemoryFix, dockerStartCommand, type FixPlatform } from './fix-command.js';
import type { DockerServer, ToolReport } from './tool-report.js';

/** A Kubernetes source build in kind's build container needs about this much memory in the Docker VM. */
export const dockerMemoryNeeded = 8 * 1000 ** 3;

/** Adds what the Docker daemon says (or that it does not answer) to the docker client's report. */
export function assessDocker(client: ToolReport, server: DockerServer, platform: FixPlatform, serverError?: string): ToolReport {
  if (client.verdict === 'missing') return client;
  const report: ToolReport = { ...client, messages: [...client.messages] };
  const problem = (message: string, fix: string): void => {
    report.verdict = 'problem';
    report.messages.push(message);
    report.fix ??= fix;
  };
  if (!server.reachable) {
    // The client's stderr first; a client that printed nothing there said it in the JSON.
    const reason = serverError || server.error;
    problem(`The Docker daemon does not answer${reason ? `: ${reason.replace(/[.?!\s]+$/, '')}` : ''}. kind needs a running Docker engine.`, dockerStartCommand(platform));
    return report;
  }
  report.messages.push(`Server: ${server.engine ?? 'Docker'} ${server.serverVersion ?? ''}, ${server.os ?? '?'}/${server.arch ?? '?'}${server.memoryBytes ? `, ${(server.memoryBytes / 1024 ** 3).toFixed(1)} GiB memory` : ''}.`);
  if (server.arch && server.arch !== platform.arch) {
    problem(`The Docker daemon runs ${server.os}/${server.arch} on ${platform.arch} hardware: node images would be emulated and crash.`, dockerStartCommand(platform, server.engine));
  }
  if (server.defaultPlatform && server.defaultPlatform !== `linux/${server.arch ?? platform.arch}`) {
    problem(`DOCKER_DEFAULT_PLATFORM=${server.defaultPlatform} does not match the daemon (linux/${server.arch ?? platform.arch}); kind breaks with a foreign default platform.`, 'unset DOCKER_DEFAULT_PLATFORM');
  }
  if (server.memoryBytes !== undefined && server.memoryBytes < dockerMemoryNeeded) {
    if (report.verdict === 'ok') report.verdict = 'warning';
    report.messages.push(`The Docker VM has ${(server.memoryBytes / 1024 ** 3).toFixed(1)} GiB of memory; a Kubernetes source build needs about 8 GB.`);
    report.fix ??= dockerMemoryFix(platform, server.engine);
  }
  return report;
}
