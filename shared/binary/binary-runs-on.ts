import { normalizeArch } from '../host/normalize-arch.js';
import type { BinaryHeader } from './binary-header.js';

type Verdict = { ok: true; note?: string } | { ok: false; reason: string };
type Executable = Extract<BinaryHeader, { kind: 'executable' }>;
type Universal = Extract<BinaryHeader, { kind: 'universal' }>;
type NotExecutable = Extract<BinaryHeader, { kind: 'not-executable' }>;

/**
 * Whether a binary can run natively on a host, in words a person can act on. `host` is the
 * hardware (under Rosetta that is arm64, not what the process sees). Running only under
 * emulation counts as "no": the program would then believe it is on the emulated CPU, and
 * whatever it builds or downloads would be for that CPU too.
 */
export function binaryRunsOn(header: BinaryHeader, host: { os: string; arch: string }): Verdict {
  const here = { os: normalizeOs(host.os), arch: normalizeArch(host.arch) };
  switch (header.kind) {
    case 'executable':
      return executableVerdict(header, here);
    case 'universal':
      return universalVerdict(header, here);
    case 'not-executable':
      return notExecutableVerdict(header);
  }
}

type Host = { os: string; arch: string };
const formatNames = { elf: 'ELF', macho: 'Mach-O', pe: 'PE' } as const;

function executableVerdict(header: Executable, host: Host): Verdict {
  const built = `built for ${header.os}/${header.arch} (${formatNames[header.format]})`;
  const machine = `this machine is ${host.os}/${host.arch}`;
  if (header.os !== host.os) {
    const elsewhere = header.os === 'linux' ? `, or run this one inside a Linux container or VM` : '';
    return no(`${built}, but ${machine}: ${osName(host.os)} cannot run ${osName(header.os)} binaries (${wrongFormatError(host.os)}). Use a ${host.os}/${host.arch} build${elsewhere}.`);
  }
  if (header.arch === host.arch) return { ok: true };

  if (host.arch === 'arm64' && header.arch === 'amd64' && (host.os === 'darwin' || host.os === 'windows')) {
    return no(`${built}, but ${machine}: ${emulatedAmd64(host.os)}. Use a ${host.os}/arm64 build.`);
  }
  if (host.arch === 'amd64' && header.arch === '386' && (host.os === 'linux' || host.os === 'windows')) {
    const how = host.os === 'windows' ? 'Windows runs it through WOW64' : "it needs the kernel's 32-bit support, which most amd64 Linux kernels have";
    return { ok: true, note: `A 32-bit ${header.os}/386 binary on ${host.os}/amd64: ${how}.` };
  }
  if (host.arch === 'arm64' && header.arch === 'arm' && host.os === 'linux') {
    return no(`${built}, but ${machine}: 32-bit arm programs need a CPU with a 32-bit mode, which many arm64 machines lack (Apple Silicon and its VMs included), so this usually ends in ${wrongCpuError(host.os)}. Use a linux/arm64 build.`);
  }
  return no(`${built}, but ${machine}: this ${host.arch} CPU cannot run ${header.arch} code (${wrongCpuError(host.os)}). Use a ${host.os}/${host.arch} build.`);
}

function universalVerdict(header: Universal, host: Host): Verdict {
  const archs = header.slices.map((slice) => slice.arch);
  const built = `a universal macOS binary (Mach-O with ${archs.join(' and ')} slices)`;
  const machine = `this machine is ${host.os}/${host.arch}`;
  if (host.os !== 'darwin') {
    return no(`${built}, but ${machine}: ${osName(host.os)} cannot run macOS binaries (${wrongFormatError(host.os)}). Use a ${host.os}/${host.arch} build.`);
  }
  if (archs.includes(host.arch)) return { ok: true, note: `A universal binary: macOS will run its ${host.arch} slice.` };
  if (host.arch === 'arm64' && archs.includes('amd64')) {
    return no(`${built} without an arm64 slice, but ${machine}: ${emulatedAmd64('darwin')}. Use a darwin/arm64 build.`);
  }
  return no(`${built} without a ${host.arch} slice, but ${machine} (${wrongCpuError('darwin')}). Use a darwin/${host.arch} build.`);
}

function notExecutableVerdict(header: NotExecutable): Verdict {
  switch (header.what) {
    case 'script':
      return { ok: true, note: `A script (${header.detail}): its interpreter decides whether it runs here, so check that the interpreter exists on this machine.` };
    case 'empty':
      return no('The file is empty (0 bytes): the download or build that made it did not finish.');
    case 'gzip':
      return no(`This is not a program but ${header.detail}: unpack it first (for a .tar.gz: tar -xzf FILE) and use the binary inside.`);
    case 'zip':
      return no(`This is not a program but ${header.detail}: unzip it first and use the binary inside.`);
    case 'html':
      return no(`This is not a program: the download saved a web page instead, probably an error page or a wrong URL (${header.detail}).`);
    case 'unknown':
      return no(`This is not a program this app recognises: ${header.detail}.`);
  }
}

function emulatedAmd64(os: string): string {
  const translator = os === 'darwin' ? 'translated by Rosetta 2' : "under Windows' x64 emulation";
  return `it would only run ${translator}, slower, and believing it is on amd64 — kind would then build amd64 images and pull amd64 node images, which this arm64 machine can only emulate`;
}

/** What the OS says when asked to run another OS's executable format. */
function wrongFormatError(os: string): string {
  if (os === 'windows') return 'Windows reports this as "not a valid Win32 application"';
  return "this is the 'exec format error'";
}

/** What the OS says when the format is right but the CPU is not. */
function wrongCpuError(os: string): string {
  if (os === 'darwin') return 'macOS reports this as "Bad CPU type in executable"';
  if (os === 'windows') return `Windows reports this as "This app can't run on your PC"`;
  return "the 'exec format error', unless qemu-user emulation is set up";
}

const osNames: Record<string, string> = { darwin: 'macOS', linux: 'Linux', windows: 'Windows', freebsd: 'FreeBSD', netbsd: 'NetBSD', openbsd: 'OpenBSD', solaris: 'Solaris' };

function osName(os: string): string {
  return osNames[os] ?? os;
}

/** Node's and people's names for an OS, as Go names it. */
function normalizeOs(raw: string): string {
  const os = raw.trim().toLowerCase();
  if (os === 'win32') return 'windows';
  if (os === 'macos' || os === 'mac' || os === 'osx') return 'darwin';
  return os;
}

function no(reason: string): Verdict {
  return { ok: false, reason };
}
