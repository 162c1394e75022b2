import type { BinaryHeader } from './binary-header.js';

type NotExecutable = Extract<BinaryHeader, { kind: 'not-executable' }>;

/**
 * Says what a file is from its first bytes (see `binaryHeaderBytes`): an ELF, Mach-O or PE
 * program and the OS/CPU it was built for, a universal Mach-O and its slices, or — for the
 * usual download mistakes — a script, an archive, a saved web page, an empty file. It never
 * throws: bytes it cannot make sense of, including a header cut short, come back as 'unknown'.
 */
export function parseBinaryHeader(head: Uint8Array): BinaryHeader {
  if (head.length === 0) return notExecutable('empty', 'the file is empty (0 bytes)');
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);

  if (startsWith(head, elfMagic)) return parseElf(head, view);
  if (head.length >= 4) {
    const magic = view.getUint32(0, false);
    const thin = thinMachO[magic];
    if (thin) return parseThinMachO(head, view, thin);
    if (magic === 0xcafebabe || magic === 0xcafebabf) return parseFatMachO(head, view, magic === 0xcafebabf);
  }
  if (startsWith(head, [0x4d, 0x5a])) return parsePe(head, view);
  if (startsWith(head, [0x23, 0x21])) return notExecutable('script', firstLine(head));
  if (startsWith(head, [0x1f, 0x8b])) return notExecutable('gzip', 'a gzip-compressed file (often a .tar.gz that still needs unpacking), not a program');
  if (zipMagics.some((magic) => startsWith(head, magic))) return notExecutable('zip', 'a zip archive that still needs unpacking, not a program');

  const cut = truncatedMagics.find(({ magic }) => head.length < magic.length && startsWith(magic, [...head]));
  if (cut) return truncated(cut.name, head.length, cut.magic.length);

  const archive = otherArchives.find(({ magic, at = 0 }) => startsWith(head, magic, at));
  if (archive) return notExecutable('unknown', `${archive.what}, not a program`);
  return describeText(head) ?? notExecutable('unknown', `not a format this app recognises (first bytes: ${hex(head.subarray(0, 8))})`);
}

// ---- ELF ------------------------------------------------------------------------------------

const elfMagic = [0x7f, 0x45, 0x4c, 0x46];
/** e_ident, e_type and e_machine: everything up to and including byte 19. */
const elfNeeded = 20;

// EI_OSABI values with a name of their own. 0 (System V) is what Linux toolchains, Go included,
// write, so it and anything unlisted count as Linux.
const elfOsAbi: Record<number, string> = { 1: 'hpux', 2: 'netbsd', 6: 'solaris', 7: 'aix', 8: 'irix', 9: 'freebsd', 10: 'tru64', 12: 'openbsd', 13: 'openvms', 255: 'standalone' };

function parseElf(head: Uint8Array, view: DataView): BinaryHeader {
  if (head.length < elfNeeded) return truncated('an ELF header', head.length, elfNeeded);
  const elfClass = head[4];
  const data = head[5];
  if (elfClass !== 1 && elfClass !== 2) return notExecutable('unknown', `an ELF file with an invalid class byte (${elfClass})`);
  if (data !== 1 && data !== 2) return notExecutable('unknown', `an ELF file with an invalid byte-order byte (${data})`);
  const little = data === 1;
  const bits = elfClass === 1 ? 32 : 64;
  const os = elfOsAbi[head[7] ?? 0] ?? 'linux';
  const arch = elfArch(view.getUint16(18, little), bits, little);
  const type = view.getUint16(16, little);
  if (type === 1) return notExecutable('unknown', `an ELF object file (.o) for ${os}/${arch}, not a linked program`);
  if (type === 4) return notExecutable('unknown', `an ELF core dump from ${os}/${arch}, not a program`);
  return { kind: 'executable', format: 'elf', os, arch, bits };
}

function elfArch(machine: number, bits: 32 | 64, little: boolean): string {
  switch (machine) {
    case 0x03: return '386';
    case 0x08: return (bits === 64 ? 'mips64' : 'mips') + (little ? 'le' : '');
    case 0x14: return 'ppc';
    case 0x15: return little ? 'ppc64le' : 'ppc64';
    case 0x16: return bits === 64 ? 's390x' : 's390';
    case 0x28: return 'arm';
    case 0x3e: return 'amd64';
    case 0xb7: return 'arm64';
    case 0xf3: return bits === 64 ? 'riscv64' : 'riscv32';
    case 0x102: return 'loong64';
    default: return `machine-0x${machine.toString(16)}`;
  }
}

// ---- Mach-O ---------------------------------------------------------------------------------

/** The four thin magics as read big-endian: the byte order they appear in tells the file's. */
const thinMachO: Record<number, { little: boolean; bits: 32 | 64 }> = {
  0xfeedface: { little: false, bits: 32 },
  0xfeedfacf: { little: false, bits: 64 },
  0xcefaedfe: { little: true, bits: 32 },
  0xcffaedfe: { little: true, bits: 64 },
};

function parseThinMachO(head: Uint8Array, view: DataView, { little, bits }: { little: boolean; bits: 32 | 64 }): BinaryHeader {
  const needed = bits === 64 ? 32 : 28;
  if (head.length < needed) return truncated('a Mach-O header', head.length, needed);
  const arch = machOArch(view.getUint32(4, little));
  const fileType = view.getUint32(12, little);
  if (fileType === 1) return notExecutable('unknown', `a Mach-O object file (.o) for darwin/${arch}, not a linked program`);
  if (fileType === 4) return notExecutable('unknown', `a Mach-O core dump from darwin/${arch}, not a program`);
  return { kind: 'executable', format: 'macho', os: 'darwin', arch, bits };
}

/**
 * 0xcafebabe opens both universal Mach-O files and Java class files. In a fat header the next
 * word counts the slices (a handful); in a class file it holds the minor and major version,
 * and the major version has been 45 or more since Java 1.0 — so the two never overlap.
 */
const maxFatSlices = 30;

function parseFatMachO(head: Uint8Array, view: DataView, wide: boolean): BinaryHeader {
  if (head.length < 8) return truncated('a universal Mach-O header', head.length, 8);
  const count = view.getUint32(4, false);
  if (!wide && count > maxFatSlices) {
    const minor = view.getUint16(4, false);
    const major = view.getUint16(6, false);
    if (major >= 45) {
      const java = major >= 49 ? ` (Java ${major - 44})` : '';
      return notExecutable('unknown', `a Java class file, version ${major}.${minor}${java}: it runs on a JVM, it is not a native program`);
    }
  }
  if (count === 0 || count > maxFatSlices) return notExecutable('unknown', `starts like a universal Mach-O but claims ${count} slices, which is not plausible`);

  const entrySize = wide ? 32 : 20;
  const needed = 8 + count * entrySize;
  if (head.length < needed) return truncated(`a universal Mach-O header with ${count} slices`, head.length, needed);
  const slices: Array<{ arch: string; bits: 32 | 64 }> = [];
  for (let index = 0; index < count; index++) {
    const cputype = view.getUint32(8 + index * entrySize, false);
    slices.push({ arch: machOArch(cputype), bits: cputype & abi64 ? 64 : 32 });
  }
  return { kind: 'universal', format: 'macho-fat', os: 'darwin', slices };
}

/** CPU_ARCH_ABI64: set in the cputype of every 64-bit architecture. */
const abi64 = 0x01000000;

function machOArch(cputype: number): string {
  switch (cputype) {
    case 7: return '386';
    case 7 | abi64: return 'amd64';
    case 12: return 'arm';
    case 12 | abi64: return 'arm64';
    case 0x0200000c: return 'arm64_32';
    case 18: return 'ppc';
    case 18 | abi64: return 'ppc64';
    default: return `machine-0x${cputype.toString(16)}`;
  }
}

// ---- PE/COFF --------------------------------------------------------------------------------

/** The DOS header up to and including e_lfanew, the offset of the PE header. */
const dosHeaderBytes = 0x40;
/** 'PE\0\0' and the 20-byte COFF header; the optional header's magic follows it. */
const peNeeded = 24;

function parsePe(head: Uint8Array, view: DataView): BinaryHeader {
  if (head.length < dosHeaderBytes) return truncated('a DOS/PE header', head.length, dosHeaderBytes);
  const at = view.getUint32(0x3c, true);
  if (at + peNeeded > head.length) {
    return notExecutable('unknown', `starts like a Windows program (MZ), but its PE header at offset ${at} is past the ${head.length} bytes read`);
  }
  if (!startsWith(head, [0x50, 0x45, 0, 0], at)) return notExecutable('unknown', 'an MS-DOS program (MZ) without a PE header, not a Windows program');
  const arch = peArch(view.getUint16(at + 4, true));
  const optionalMagic = at + 26 <= head.length ? view.getUint16(at + 24, true) : 0;
  const bits = optionalMagic === 0x20b ? 64 : optionalMagic === 0x10b ? 32 : ['amd64', 'arm64', 'riscv64'].includes(arch) ? 64 : 32;
  return { kind: 'executable', format: 'pe', os: 'windows', arch, bits };
}

function peArch(machine: number): string {
  switch (machine) {
    case 0x14c: return '386';
    case 0x8664: return 'amd64';
    case 0xaa64: return 'arm64';
    case 0x1c0:
    case 0x1c4: return 'arm';
    case 0x5064: return 'riscv64';
    default: return `machine-0x${machine.toString(16)}`;
  }
}

// ---- everything that is not a program -------------------------------------------------------

const zipMagics = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06], // an empty archive
];

/** Binary magics worth calling "truncated" when a file holds only their first byte or two. */
const truncatedMagics = [
  { name: 'an ELF header', magic: elfMagic },
  { name: 'a Mach-O header', magic: [0xfe, 0xed, 0xfa, 0xce] },
  { name: 'a Mach-O header', magic: [0xfe, 0xed, 0xfa, 0xcf] },
  { name: 'a Mach-O header', magic: [0xce, 0xfa, 0xed, 0xfe] },
  { name: 'a Mach-O header', magic: [0xcf, 0xfa, 0xed, 0xfe] },
  { name: 'a universal Mach-O header', magic: [0xca, 0xfe, 0xba, 0xbe] },
];

const otherArchives: Array<{ magic: number[]; at?: number; what: string }> = [
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz-compressed file (often a .tar.xz that still needs unpacking)' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], what: 'a zstd-compressed file that still needs unpacking' },
  { magic: [0x42, 0x5a, 0x68], what: 'a bzip2-compressed file that still needs unpacking' },
  { magic: [0x75, 0x73, 0x74, 0x61, 0x72], at: 257, what: 'a tar archive that still needs unpacking' },
];

/** Saved web pages, XML error replies and other text, described by their first words. */
function describeText(head: Uint8Array): NotExecutable | undefined {
  const sample = head.subarray(0, 512);
  // Control bytes other than tab, newline, form feed, carriage return and escape mean binary.
  if (sample.some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b))) return undefined;
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '').trimStart();
  if (/^<\?xml/i.test(text)) return notExecutable('html', `an XML document (often a storage service's error reply), not a program: "${clip(text)}"`);
  if (/^<[!a-z]/i.test(text)) {
    const title = /<title[^>]*>([^<]*)</i.exec(text)?.[1]?.trim();
    return notExecutable('html', `a web page, not a program (a download that saved an error page?)${title ? `: "${clip(title)}"` : `: "${clip(text)}"`}`);
  }
  if (text.length === 0) return notExecutable('unknown', 'only blank text, not a program');
  return notExecutable('unknown', `text, not a program: "${clip(text)}"`);
}

// ---- helpers --------------------------------------------------------------------------------

function notExecutable(what: NotExecutable['what'], detail: string): NotExecutable {
  return { kind: 'not-executable', what, detail };
}

function truncated(what: string, have: number, needed: number): NotExecutable {
  return notExecutable('unknown', `truncated: ${have} byte${have === 1 ? '' : 's'} is too short for ${what} (needs ${needed})`);
}

function startsWith(bytes: ArrayLike<number>, magic: number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((byte, index) => bytes[at + index] === byte);
}

function firstLine(head: Uint8Array): string {
  const end = head.indexOf(0x0a);
  const line = new TextDecoder('utf-8').decode(head.subarray(0, end < 0 ? head.length : end));
  return clip(line.replace(/\r$/, '').trim(), 200);
}

/** The first line of some text, whitespace collapsed, cut to a readable length. */
function clip(text: string, max = 100): string {
  const line = (text.split(/\r?\n/).find((part) => part.trim() !== '') ?? '').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
}
