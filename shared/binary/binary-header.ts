/**
 * What an executable's first bytes say it is. Architectures use Go's names (amd64, arm64, 386,
 * arm, riscv64, ppc64le, s390x, …); operating systems too (linux, darwin, windows).
 */
export type BinaryHeader =
  | { kind: 'executable'; format: 'elf' | 'macho' | 'pe'; os: string; arch: string; bits: 32 | 64 }
  | { kind: 'universal'; format: 'macho-fat'; os: 'darwin'; slices: Array<{ arch: string; bits: 32 | 64 }> }
  | { kind: 'not-executable'; what: 'script' | 'gzip' | 'zip' | 'html' | 'empty' | 'unknown'; detail: string };

/** How many leading bytes the parser needs; it never needs the whole file. */
export const binaryHeaderBytes = 4096;
