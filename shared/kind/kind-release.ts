import { compareVersions } from '../toolchain/compare-versions.js';

/** The kind release this app is tested with and offers by default. */
export const pinnedKindVersion = 'v0.32.0';
/** The oldest kind the app accepts. */
export const minimumKindVersion = 'v0.30.0';
export const defaultKindDownloadBase = 'https://kind.sigs.k8s.io/dl';

const versionPattern = /^v\d+\.\d+\.\d+$/;

/** Checks a version the user typed; returns a message saying what is wrong, or undefined. */
export function kindVersionProblem(version: string): string | undefined {
  if (!versionPattern.test(version)) return `"${version}" is not a kind release version; expected something like ${pinnedKindVersion}.`;
  if (compareVersions(version, minimumKindVersion) < 0) return `kind ${version} is older than ${minimumKindVersion}, the oldest this app supports.`;
  return undefined;
}

/**
 * Checks a download base URL. `/dl/latest/` (and `/dl/<sha>/`) hold CI-only builds from kind's HEAD,
 * published for the Kubernetes project's CI and not supported for anyone else.
 */
export function kindBaseProblem(base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return `"${base}" is not a URL.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `Only http(s) downloads are supported, not ${url.protocol}`;
  if (/\/latest(\/|$)/.test(url.pathname)) {
    return `${base} points at /dl/latest/: those are CI-only builds of kind's HEAD, not releases (and the .tgz archives there are easy to mistake for a binary). Use ${defaultKindDownloadBase} with a release version.`;
  }
  return undefined;
}

/** The release asset for a platform: kind-<os>-<arch>, e.g. kind-darwin-arm64. */
export function kindAssetName(os: string, arch: string): string {
  return `kind-${os === 'win32' ? 'windows' : os}-${arch}`;
}

/** The download URL of a release asset under a base like https://kind.sigs.k8s.io/dl. */
export function kindAssetUrl(base: string, version: string, os: string, arch: string): string {
  return `${base.replace(/\/+$/, '')}/${version}/${kindAssetName(os, arch)}`;
}

/** Reads a `.sha256sum` file ("<64 hex>  kind-<os>-<arch>"); returns the lower-case digest or undefined. */
export function parseSha256Sum(text: string, asset: string): string | undefined {
  for (const line of text.split('\n')) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line.trim());
    if (match && (match[2] === asset || match[2]?.endsWith(`/${asset}`))) return match[1]?.toLowerCase();
  }
  const bare = /^([0-9a-fA-F]{64})\s*$/.exec(text.trim());
  return bare?.[1]?.toLowerCase();
}

export { compareVersions };
