import type { BinaryHeader } from '../binary/binary-header.js';

const formats = { elf: 'ELF', macho: 'Mach-O', pe: 'PE' } as const;

/** A short description of what a binary is built for, for the toolchain table. */
export function describeBinary(header: BinaryHeader): string {
  if (header.kind === 'executable') return `${header.os}/${header.arch} (${formats[header.format]})`;
  if (header.kind === 'universal') return `darwin universal (${header.slices.map((slice) => slice.arch).join(', ')})`;
  if (header.what === 'script') return `script (${header.detail})`;
  return `not an executable (${header.what})`;
}
