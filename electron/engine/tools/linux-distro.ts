import { readFile } from 'node:fs/promises';
import type { FixPlatform } from '../../../shared/toolchain/fix-command.js';

/** The Linux family from /etc/os-release (ID and ID_LIKE), to pick the package manager in fix commands. */
export async function linuxDistro(file = '/etc/os-release'): Promise<FixPlatform['distro']> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const ids = [...text.matchAll(/^(?:ID|ID_LIKE)=("?)([^"\n]*)\1$/gm)].flatMap((m) => (m[2] ?? '').split(/\s+/));
  if (ids.some((id) => ['debian', 'ubuntu'].includes(id))) return 'debian';
  if (ids.some((id) => ['fedora', 'rhel', 'centos'].includes(id))) return 'fedora';
  if (ids.includes('arch')) return 'arch';
  return 'unknown';
}
