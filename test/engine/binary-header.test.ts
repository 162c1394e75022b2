import { existsSync } from 'node:fs';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBinaryHeader } from '../../electron/engine/tools/read-binary-header.js';
import { binaryHeaderBytes } from '../../shared/binary/binary-header.js';
import { binaryRunsOn } from '../../shared/binary/binary-runs-on.js';
import { parseBinaryHeader } from '../../shared/binary/parse-binary-header.js';
import { goBinaries, type GoBinaryName } from '../support/go-binaries.js';
import { useTempDir } from '../support/use-temp-dir.js';

// The first run on a machine cross-compiles the Go runtime for five targets; later runs reuse
// the cached binaries.
const firstBuildTimeout = 10 * 60_000;

describe('readBinaryHeader on binaries built by the real Go toolchain', () => {
  const temp = useTempDir('binary-header');
  let bins: Record<GoBinaryName, string>;
  beforeAll(async () => {
    bins = await goBinaries();
  }, firstBuildTimeout);

  it.each([
    ['linux-amd64', { kind: 'executable', format: 'elf', os: 'linux', arch: 'amd64', bits: 64 }],
    ['linux-arm64', { kind: 'executable', format: 'elf', os: 'linux', arch: 'arm64', bits: 64 }],
    ['darwin-amd64', { kind: 'executable', format: 'macho', os: 'darwin', arch: 'amd64', bits: 64 }],
    ['darwin-arm64', { kind: 'executable', format: 'macho', os: 'darwin', arch: 'arm64', bits: 64 }],
    ['windows-amd64', { kind: 'executable', format: 'pe', os: 'windows', arch: 'amd64', bits: 64 }],
  ] as const)('%s', async (name, expected) => {
    expect(await readBinaryHeader(bins[name])).toEqual(expected);
  });

  it('the universal binary lists both darwin slices', async () => {
    expect(await readBinaryHeader(bins['darwin-universal'])).toEqual({
      kind: 'universal',
      format: 'macho-fat',
      os: 'darwin',
      slices: [
        { arch: 'amd64', bits: 64 },
        { arch: 'arm64', bits: 64 },
      ],
    });
  });

  it('says in plain words which binary runs where', async () => {
    const macArm = { os: 'darwin', arch: 'arm64' };
    const verdict = async (name: GoBinaryName, host: { os: string; arch: string }) => binaryRunsOn(await readBinaryHeader(bins[name]), host);

    expect(await verdict('linux-arm64', macArm)).toEqual({ ok: false, reason: expect.stringContaining("macOS cannot run Linux binaries (this is the 'exec format error')") });
    expect(await verdict('darwin-universal', macArm)).toEqual({ ok: true, note: expect.stringContaining('arm64 slice') });
    expect(await verdict('darwin-arm64', macArm)).toEqual({ ok: true });
    expect(await verdict('darwin-amd64', macArm)).toEqual({ ok: false, reason: expect.stringMatching(/Rosetta.*kind would then build amd64 images/) });
    expect(await verdict('darwin-arm64', { os: 'darwin', arch: 'amd64' })).toEqual({ ok: false, reason: expect.stringContaining('Bad CPU type') });
    expect(await verdict('linux-amd64', { os: 'linux', arch: 'x86_64' })).toEqual({ ok: true });
    expect(await verdict('linux-amd64', { os: 'linux', arch: 'arm64' })).toEqual({ ok: false, reason: expect.stringContaining('exec format error') });
    expect(await verdict('windows-amd64', { os: 'win32', arch: 'x64' })).toEqual({ ok: true });
    expect(await verdict('windows-amd64', { os: 'linux', arch: 'amd64' })).toMatchObject({ ok: false });
  });

  it('finds a real PE header that sits beyond the first bytes with one more small read', async () => {
    // The real Windows binary's PE header, moved to offset 0x3000 behind a fresh DOS header.
    const original = await readFile(bins['windows-amd64']);
    const peAt = original.readUInt32LE(0x3c);
    const moved = Buffer.alloc(0x3000 + 4096);
    original.copy(moved, 0, 0, 0x40);
    moved.writeUInt32LE(0x3000, 0x3c);
    original.copy(moved, 0x3000, peAt, peAt + 4096);
    const file = path.join(temp.dir, 'far-pe.exe');
    await writeFile(file, moved);

    expect(parseBinaryHeader(moved.subarray(0, binaryHeaderBytes))).toMatchObject({ what: 'unknown', detail: expect.stringContaining('past the 4096 bytes read') });
    expect(await readBinaryHeader(file)).toEqual({ kind: 'executable', format: 'pe', os: 'windows', arch: 'amd64', bits: 64 });
  });

  it('parses a 50 MB file from its start without reading the rest', async () => {
    const file = await largeFileStartingWith(bins['linux-arm64'], temp.dir);
    expect(await readBinaryHeader(file)).toEqual({ kind: 'executable', format: 'elf', os: 'linux', arch: 'arm64', bits: 64 });
  });

  // /proc/self/io counts every byte this process reads through read()/pread(), so it shows
  // honestly how much of the file was read.
  it.runIf(existsSync('/proc/self/io'))('reads only a few KB of that 50 MB file (measured by the kernel)', async () => {
    const file = await largeFileStartingWith(bins['linux-arm64'], temp.dir);
    const before = await bytesReadSoFar();
    await readBinaryHeader(file);
    const read = (await bytesReadSoFar()) - before;
    expect(read).toBeGreaterThanOrEqual(binaryHeaderBytes);
    expect(read).toBeLessThan(256 * 1024);
  });
});

describe('readBinaryHeader on files that are not programs', () => {
  const temp = useTempDir('not-binary');
  const write = async (name: string, data: string | Uint8Array): Promise<string> => {
    const file = path.join(temp.dir, name);
    await writeFile(file, data);
    return file;
  };

  it('a shell script', async () => {
    expect(await readBinaryHeader(await write('kind', '#!/bin/sh\nexec /opt/kind "$@"\n'))).toEqual({ kind: 'not-executable', what: 'script', detail: '#!/bin/sh' });
  });

  it('a gzip file', async () => {
    expect(await readBinaryHeader(await write('kind.tar.gz', gzipSync('not really a tarball')))).toMatchObject({ what: 'gzip' });
  });

  it('an empty file', async () => {
    expect(await readBinaryHeader(await write('kind', ''))).toMatchObject({ what: 'empty' });
  });

  it('an HTML error page saved in place of a binary', async () => {
    const page = '\n  <!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>nope</body></html>\n';
    const header = await readBinaryHeader(await write('kind-linux-arm64', page));
    expect(header).toMatchObject({ what: 'html', detail: expect.stringContaining('404 Not Found') });
    expect(binaryRunsOn(header, { os: 'linux', arch: 'arm64' })).toMatchObject({ ok: false, reason: expect.stringContaining('web page') });
  });

  it('a missing file throws an error that names it and says why', async () => {
    const missing = path.join(temp.dir, 'no-such-kind');
    await expect(readBinaryHeader(missing)).rejects.toThrow(`Cannot read ${missing}: there is no such file.`);
  });

  it('a folder throws too', async () => {
    const folder = path.join(temp.dir, 'bin');
    await mkdir(folder);
    await expect(readBinaryHeader(folder)).rejects.toThrow(`Cannot read ${folder}: it is a folder`);
  });
});

/** A 50 MB file whose first 64 KB are a real binary's; the rest is a hole. */
async function largeFileStartingWith(source: string, dir: string): Promise<string> {
  const file = path.join(dir, 'large');
  const handle = await open(file, 'w');
  try {
    await handle.write((await readFile(source)).subarray(0, 64 * 1024), 0, 64 * 1024, 0);
    await handle.truncate(50 * 1024 * 1024);
  } finally {
    await handle.close();
  }
  return file;
}

async function bytesReadSoFar(): Promise<number> {
  const io = await readFile('/proc/self/io', 'utf8');
  return Number(/^rchar:\s*(\d+)/m.exec(io)?.[1] ?? Number.NaN);
}
