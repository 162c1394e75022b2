import type { DockerServer } from './tool-report.js';
import { normalizeArch } from '../host/normalize-arch.js';

interface DockerInfoJson {
  ServerVersion?: string;
  OperatingSystem?: string;
  OSType?: string;
  Architecture?: string;
  MemTotal?: number;
  NCPU?: number;
  Name?: string;
  ServerErrors?: string[];
}

/** Which engine answers: Docker Desktop, colima, OrbStack, Rancher Desktop, podman, or a plain dockerd. */
export function engineName(info: DockerInfoJson, context: string | undefined): string {
  const os = info.OperatingSystem ?? '';
  if (/Docker Desktop/i.test(os)) return 'Docker Desktop';
  if (/OrbStack/i.test(os)) return 'OrbStack';
  if (/colima/i.test(info.Name ?? '') || /colima/i.test(context ?? '')) return 'colima';
  if (/Rancher Desktop/i.test(os) || /rancher-desktop/i.test(context ?? '')) return 'Rancher Desktop';
  if (/podman/i.test(os) || /podman/i.test(info.Name ?? '')) return 'podman';
  return 'Docker Engine';
}

/**
 * Reads `docker info --format '{{json .}}'`; an unreachable daemon gives reachable: false, with the
 * client's first ServerErrors entry as `error`. Clients differ there (docker/cli's
 * cli/command/system/info.go): 20.10 puts the error only in that JSON and exits 0; later ones also
 * print it on stderr and exit 1, with an empty ServerVersion.
 */
export function parseDockerInfo(output: string, exitCode: number, context?: string): DockerServer {
  const line = output.split('\n').find((l) => l.trim().startsWith('{'));
  if (!line) return { reachable: false };
  let info: DockerInfoJson;
  try {
    info = JSON.parse(line) as DockerInfoJson;
  } catch {
    return { reachable: false };
  }
  const error = info.ServerErrors?.find((message) => typeof message === 'string' && message.trim().length > 0)?.trim();
  if (exitCode !== 0 || !info.ServerVersion || (info.ServerErrors?.length ?? 0) > 0) return error === undefined ? { reachable: false } : { reachable: false, error };
  return {
    reachable: true,
    engine: engineName(info, context),
    os: info.OSType,
    arch: info.Architecture ? normalizeArch(info.Architecture) : undefined,
    serverVersion: info.ServerVersion,
    memoryBytes: info.MemTotal,
    cpus: info.NCPU,
  };
}
