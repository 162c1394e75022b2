/** A Kubernetes version's numbers; a missing patch counts as 0. */
export interface KubeVersion {
  major: number;
  minor: number;
  patch: number;
}

/** Reads v1.35.4, v1.35.4-gke.100, v1.36.0-alpha.1.123+abcdef or 1.35; undefined for anything else. */
export function parseKubeVersion(text: string): KubeVersion | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+][0-9A-Za-z.+-]*)?$/.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0) };
}

/**
 * Why a kube-scheduler at version `local` should not serve an API server at `server`, or undefined
 * when the pair is within the version skew policy (same minor, or the scheduler one minor older) or
 * either version cannot be read.
 */
export function skewWarning(server: string, local: string): string | undefined {
  const api = parseKubeVersion(server);
  const scheduler = parseKubeVersion(local);
  if (!api || !scheduler) return undefined;
  const apiText = `v${api.major}.${api.minor}`;
  const schedulerText = `v${scheduler.major}.${scheduler.minor}`;
  if (api.major !== scheduler.major) {
    return `The local kube-scheduler (${schedulerText}) and the API server (${apiText}) are of different major versions; the version skew policy does not allow it.`;
  }
  if (scheduler.minor > api.minor) {
    return `The local kube-scheduler (${schedulerText}) is newer than the API server (${apiText}); it may ask for APIs the server does not have (version skew policy: the scheduler must not be newer).`;
  }
  const behind = api.minor - scheduler.minor;
  if (behind > 1) {
    return `The local kube-scheduler (${schedulerText}) is ${behind} minor versions older than the API server (${apiText}); the version skew policy allows only one.`;
  }
  return undefined;
}
