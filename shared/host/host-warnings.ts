import type { ArchVerdict } from './detect-arch.js';
import type { DiskFacts } from './host-facts.js';

/** A Kubernetes source build wants about this much free disk for images, _output and the Go cache. */
export const minimumFreeDiskBytes = 50 * 1024 ** 3;
/** And about this much memory for the build and a three-node kind cluster. */
export const minimumMemoryBytes = 8 * 1024 ** 3;

const gib = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;

/** Plain-words warnings about the host, each with what to do about it. */
export function hostWarnings(arch: ArchVerdict, memoryBytes: number, disks: DiskFacts[]): string[] {
  const warnings: string[] = [];
  if (arch.translated) {
    warnings.push(
      `This app runs as ${arch.processArch} on ${arch.hardwareArch} hardware (translated, e.g. by Rosetta). ` +
        `Tools it fetches are chosen for ${arch.hardwareArch}; install the native ${arch.hardwareArch} build of the app to avoid slow, translated builds.`,
    );
  }
  if (memoryBytes < minimumMemoryBytes) {
    warnings.push(`Only ${gib(memoryBytes)} of memory: a Kubernetes source build needs about ${gib(minimumMemoryBytes)}.`);
  }
  for (const disk of disks) {
    if (disk.freeBytes < minimumFreeDiskBytes) {
      warnings.push(`Only ${gib(disk.freeBytes)} free on ${disk.mountPoint} (${disk.path}): builds and node images need about ${gib(minimumFreeDiskBytes)}.`);
    }
  }
  return warnings;
}
