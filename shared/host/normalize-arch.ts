import type { Arch } from './host-facts.js';

const aliases: Record<string, Arch> = {
  x86_64: 'amd64',
  amd64: 'amd64',
  x64: 'amd64',
  aarch64: 'arm64',
  arm64: 'arm64',
  armv7l: 'arm',
  armv6l: 'arm',
  i386: '386',
  i686: '386',
  ia32: '386',
  ppc64le: 'ppc64le',
  s390x: 's390x',
};

/** `uname -m`, Node's `process.arch` and Go's GOARCH all name CPUs differently; this maps them to Go's names. */
export function normalizeArch(raw: string): Arch {
  const key = raw.trim().toLowerCase();
  return aliases[key] ?? key;
}
