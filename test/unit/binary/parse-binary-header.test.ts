import { describe, expect, it } from 'vitest';
import { binaryRunsOn } from '../../../shared/binary/binary-runs-on.js';
import { parseBinaryHeader } from '../../../shared/binary/parse-binary-header.js';

// Headers written byte by byte, the way the toolchains lay them out.

function elf({ bits = 64, little = true, osAbi = 0, machine = 0x3e, type = 2 } = {}): Uint8Array {
  const bytes = new Uint8Array(64);
  const view = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, bits === 64 ? 2 : 1, little ? 1 : 2, 1, osAbi]);
  view.setUint16(16, type, little);
  view.setUint16(18, machine, little);
  return bytes;
}

function thinMachO(cputype: number, { little = true, bits = 64 } = {}): Uint8Array {
  const bytes = new Uint8Array(32);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, bits === 64 ? 0xfeedfacf : 0xfeedface, little);
  view.setUint32(4, cputype, little);
  view.setUint32(12, 2, little); // MH_EXECUTE
  return bytes;
}

function fatMachO(cputypes: number[], wide = false): Uint8Array {
  const entry = wide ? 32 : 20;
  const bytes = new Uint8Array(8 + entry * cputypes.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, wide ? 0xcafebabf : 0xcafebabe);
  view.setUint32(4, cputypes.length);
  cputypes.forEach((cputype, index) => view.setUint32(8 + index * entry, cputype));
  return bytes;
}

function pe(machine: number, { at = 0x80, optionalMagic = 0x20b } = {}): Uint8Array {
  const bytes = new Uint8Array(at + 26);
  const view = new DataView(bytes.buffer);
  bytes.set([0x4d, 0x5a]);
  view.setUint32(0x3c, at, true);
  bytes.set([0x50, 0x45, 0, 0], at);
  view.setUint16(at + 4, machine, true);
  view.setUint16(at + 24, optionalMagic, true);
  return bytes;
}

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('parseBinaryHeader: ELF', () => {
  it.each([
    [0x3e, 'amd64'],
    [0xb7, 'arm64'],
    [0xf3, 'riscv64'],
    [0x16, 's390x'],
  ])('64-bit little-endian machine 0x%s is %s', (machine, arch) => {
    expect(parseBinaryHeader(elf({ machine }))).toEqual({ kind: 'executable', format: 'elf', os: 'linux', arch, bits: 64 });
  });

  it('32-bit 386 and arm', () => {
    expect(parseBinaryHeader(elf({ bits: 32, machine: 0x03 }))).toMatchObject({ arch: '386', bits: 32 });
    expect(parseBinaryHeader(elf({ bits: 32, machine: 0x28 }))).toMatchObject({ arch: 'arm', bits: 32 });
  });

  it('reads big-endian fields big-endian: ppc64 vs ppc64le and s390x', () => {
    expect(parseBinaryHeader(elf({ little: false, machine: 0x15 }))).toEqual({ kind: 'executable', format: 'elf', os: 'linux', arch: 'ppc64', bits: 64 });
    expect(parseBinaryHeader(elf({ little: true, machine: 0x15 }))).toMatchObject({ arch: 'ppc64le' });
    expect(parseBinaryHeader(elf({ little: false, machine: 0x16 }))).toMatchObject({ arch: 's390x' });
  });

  it('takes the OS from EI_OSABI; System V and GNU mean Linux', () => {
    expect(parseBinaryHeader(elf({ osAbi: 9 }))).toMatchObject({ os: 'freebsd' });
    expect(parseBinaryHeader(elf({ osAbi: 2 }))).toMatchObject({ os: 'netbsd' });
    expect(parseBinaryHeader(elf({ osAbi: 12 }))).toMatchObject({ os: 'openbsd' });
    expect(parseBinaryHeader(elf({ osAbi: 3 }))).toMatchObject({ os: 'linux' });
  });

  it('names an unknown machine by its number', () => {
    expect(parseBinaryHeader(elf({ machine: 0x2b }))).toMatchObject({ kind: 'executable', arch: 'machine-0x2b' });
  });

  it('a truncated ELF (10 bytes) is unknown, not an exception', () => {
    expect(parseBinaryHeader(elf().subarray(0, 10))).toEqual({ kind: 'not-executable', what: 'unknown', detail: expect.stringMatching(/truncated.*ELF/) });
    expect(parseBinaryHeader(elf().subarray(0, 2))).toMatchObject({ what: 'unknown', detail: expect.stringMatching(/truncated.*ELF/) });
  });

  it('an object file is not a program', () => {
    expect(parseBinaryHeader(elf({ type: 1 }))).toMatchObject({ kind: 'not-executable', detail: expect.stringContaining('object file') });
  });

  it('reads through a view into a larger buffer', () => {
    const big = new Uint8Array(200);
    big.set(elf({ machine: 0xb7 }), 100);
    expect(parseBinaryHeader(big.subarray(100))).toMatchObject({ arch: 'arm64' });
  });
});

describe('parseBinaryHeader: Mach-O', () => {
  it('thin, in either byte order', () => {
    expect(parseBinaryHeader(thinMachO(0x0100000c))).toEqual({ kind: 'executable', format: 'macho', os: 'darwin', arch: 'arm64', bits: 64 });
    expect(parseBinaryHeader(thinMachO(0x01000007, { little: false }))).toMatchObject({ arch: 'amd64', bits: 64 });
    expect(parseBinaryHeader(thinMachO(7, { bits: 32 }))).toMatchObject({ arch: '386', bits: 32 });
    expect(parseBinaryHeader(thinMachO(12, { bits: 32, little: false }))).toMatchObject({ arch: 'arm', bits: 32 });
  });

  it('a truncated thin header is unknown', () => {
    expect(parseBinaryHeader(thinMachO(0x0100000c).subarray(0, 9))).toMatchObject({ what: 'unknown', detail: expect.stringMatching(/truncated.*Mach-O/) });
  });

  it('universal: lists every slice', () => {
    expect(parseBinaryHeader(fatMachO([0x01000007, 0x0100000c]))).toEqual({
      kind: 'universal',
      format: 'macho-fat',
      os: 'darwin',
      slices: [
        { arch: 'amd64', bits: 64 },
        { arch: 'arm64', bits: 64 },
      ],
    });
    expect(parseBinaryHeader(fatMachO([0x0100000c, 7], true))).toMatchObject({ slices: [{ arch: 'arm64', bits: 64 }, { arch: '386', bits: 32 }] });
  });

  it('a Java class file shares the 0xcafebabe magic but is not a universal binary', () => {
    // magic, minor_version 0, major_version 65 (Java 21), then the constant pool count.
    const classFile = new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0x00, 0x00, 0x00, 0x41, 0x00, 0x1d, 0x0a, 0x00]);
    expect(parseBinaryHeader(classFile)).toEqual({ kind: 'not-executable', what: 'unknown', detail: expect.stringMatching(/Java class file, version 65\.0 \(Java 21\)/) });
  });

  it('a universal header cut before its slice table is truncated', () => {
    expect(parseBinaryHeader(fatMachO([0x01000007, 0x0100000c]).subarray(0, 20))).toMatchObject({ what: 'unknown', detail: expect.stringContaining('truncated') });
  });
});

describe('parseBinaryHeader: PE', () => {
  it.each([
    [0x8664, 'amd64', 64],
    [0xaa64, 'arm64', 64],
    [0x14c, '386', 32],
  ] as const)('machine 0x%s is windows/%s', (machine, arch, bits) => {
    expect(parseBinaryHeader(pe(machine, { optionalMagic: bits === 64 ? 0x20b : 0x10b }))).toEqual({ kind: 'executable', format: 'pe', os: 'windows', arch, bits });
  });

  it('a PE header past the bytes given is reported, not guessed', () => {
    const head = pe(0x8664, { at: 0x2000 }).subarray(0, 4096);
    expect(parseBinaryHeader(head)).toEqual({ kind: 'not-executable', what: 'unknown', detail: expect.stringContaining('past the 4096 bytes read') });
  });

  it('MZ without PE\\0\\0 is a DOS program', () => {
    const dos = pe(0x8664);
    dos.set([0, 0, 0, 0], 0x80);
    expect(parseBinaryHeader(dos)).toMatchObject({ what: 'unknown', detail: expect.stringContaining('MS-DOS') });
  });

  it('a DOS header shorter than e_lfanew is truncated', () => {
    expect(parseBinaryHeader(pe(0x8664).subarray(0, 30))).toMatchObject({ what: 'unknown', detail: expect.stringContaining('truncated') });
  });
});

describe('parseBinaryHeader: not a program', () => {
  it('empty', () => {
    expect(parseBinaryHeader(new Uint8Array())).toEqual({ kind: 'not-executable', what: 'empty', detail: expect.any(String) });
  });

  it('a script: the detail is its #! line', () => {
    expect(parseBinaryHeader(text('#!/usr/bin/env bash\r\nset -euo pipefail\n'))).toEqual({ kind: 'not-executable', what: 'script', detail: '#!/usr/bin/env bash' });
  });

  it('gzip and zip', () => {
    expect(parseBinaryHeader(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]))).toMatchObject({ what: 'gzip' });
    expect(parseBinaryHeader(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0]))).toMatchObject({ what: 'zip' });
  });

  it('HTML after whitespace and a byte-order mark, any case, with its title', () => {
    const page = new Uint8Array([0xef, 0xbb, 0xbf, ...text('\n\t  <!doctype HTML>\n<html><head><title> 404 Not Found </title></head>')]);
    expect(parseBinaryHeader(page)).toEqual({ kind: 'not-executable', what: 'html', detail: expect.stringContaining('"404 Not Found"') });
    expect(parseBinaryHeader(text('<HTML><BODY>Access denied</BODY></HTML>'))).toMatchObject({ what: 'html' });
  });

  it('an XML error reply from a storage bucket counts as a saved page', () => {
    const reply = text('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code></Error>');
    expect(parseBinaryHeader(reply)).toMatchObject({ what: 'html', detail: expect.stringContaining('XML') });
  });

  it('plain text and unknown bytes are unknown, with what they start with', () => {
    expect(parseBinaryHeader(text('404: Not Found'))).toEqual({ kind: 'not-executable', what: 'unknown', detail: 'text, not a program: "404: Not Found"' });
    expect(parseBinaryHeader(new Uint8Array([0, 1, 2, 3, 0xff]))).toMatchObject({ what: 'unknown', detail: expect.stringContaining('00 01 02 03 ff') });
    expect(parseBinaryHeader(new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0]))).toMatchObject({ what: 'unknown', detail: expect.stringContaining('xz') });
  });
});

describe('binaryRunsOn', () => {
  const macArm = { os: 'darwin', arch: 'arm64' };

  it('same OS and CPU: ok, whatever the host calls its CPU', () => {
    expect(binaryRunsOn(parseBinaryHeader(elf({ machine: 0xb7 })), { os: 'linux', arch: 'aarch64' })).toEqual({ ok: true });
  });

  it('a Linux binary on a Mac is the exec format error', () => {
    const verdict = binaryRunsOn(parseBinaryHeader(elf({ machine: 0xb7 })), macArm);
    expect(verdict).toEqual({ ok: false, reason: expect.stringContaining("built for linux/arm64 (ELF), but this machine is darwin/arm64: macOS cannot run Linux binaries (this is the 'exec format error')") });
  });

  it('darwin/amd64 on Apple Silicon: Rosetta, and kind would build amd64 images', () => {
    const verdict = binaryRunsOn(parseBinaryHeader(thinMachO(0x01000007)), macArm);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.reason).toContain('Rosetta');
      expect(verdict.reason).toContain('kind would then build amd64 images');
    }
  });

  it('a universal binary runs its matching slice, and says which', () => {
    const universal = parseBinaryHeader(fatMachO([0x01000007, 0x0100000c]));
    expect(binaryRunsOn(universal, macArm)).toEqual({ ok: true, note: expect.stringContaining('arm64 slice') });
    expect(binaryRunsOn(universal, { os: 'darwin', arch: 'x86_64' })).toEqual({ ok: true, note: expect.stringContaining('amd64 slice') });
    expect(binaryRunsOn(universal, { os: 'linux', arch: 'arm64' })).toMatchObject({ ok: false, reason: expect.stringContaining('Linux cannot run macOS binaries') });
    expect(binaryRunsOn(parseBinaryHeader(fatMachO([0x01000007])), macArm)).toMatchObject({ ok: false, reason: expect.stringContaining('Rosetta') });
  });

  it('the wrong CPU on Linux', () => {
    const verdict = binaryRunsOn(parseBinaryHeader(elf({ machine: 0x3e })), { os: 'linux', arch: 'arm64' });
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringContaining('this arm64 CPU cannot run amd64 code') });
  });

  it('Windows on Node names (win32, x64)', () => {
    expect(binaryRunsOn(parseBinaryHeader(pe(0x8664)), { os: 'win32', arch: 'x64' })).toEqual({ ok: true });
    expect(binaryRunsOn(parseBinaryHeader(pe(0x8664)), { os: 'linux', arch: 'x64' })).toMatchObject({ ok: false, reason: expect.stringContaining('Linux cannot run Windows binaries') });
  });

  it('scripts are ok with a note; pages, archives and empty files are not programs', () => {
    expect(binaryRunsOn(parseBinaryHeader(text('#!/bin/sh\n')), macArm)).toEqual({ ok: true, note: expect.stringContaining('#!/bin/sh') });
    expect(binaryRunsOn(parseBinaryHeader(text('<html>')), macArm)).toMatchObject({ ok: false, reason: expect.stringContaining('web page') });
    expect(binaryRunsOn(parseBinaryHeader(new Uint8Array([0x1f, 0x8b])), macArm)).toMatchObject({ ok: false, reason: expect.stringContaining('tar -xzf') });
    expect(binaryRunsOn(parseBinaryHeader(new Uint8Array()), macArm)).toMatchObject({ ok: false, reason: expect.stringContaining('empty') });
  });
});
