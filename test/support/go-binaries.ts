import { createHash } from 'node:crypto';
import { access, constants, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

export type GoTarget = 'linux-amd64' | 'linux-arm64' | 'darwin-amd64' | 'darwin-arm64' | 'windows-amd64';
export type GoBinaryName = GoTarget | 'darwin-universal';

const targets: GoTarget[] = ['linux-amd64', 'linux-arm64', 'darwin-amd64', 'darwin-arm64', 'windows-amd64'];

// The smallest useful program: `println` needs only the runtime, so a cold build compiles as
// little of the standard library as possible for each target.
const goMod = 'module example.com/headerprobe\n\ngo 1.21\n';
const mainGo = 'package main\n\nfunc main() { println("k8s-e2e-studio header probe") }\n';
const buildFlags = ['-trimpath', '-ldflags=-s -w'];

// Apple's lipo puts each slice on a 2^14 boundary; so do we.
const fatAlignLog2 = 14;

/**
 * Real executables built by the real Go toolchain for five targets, plus a universal (fat)
 * Mach-O assembled from the two darwin slices. They are cached outside the repo, per Go
 * version, so only the first run on a machine pays for the cross-compiles.
 */
export async function goBinaries(): Promise<Record<GoBinaryName, string>> {
  const go = await findGo();
  const version = (await execa(go, ['env', 'GOVERSION'])).stdout.trim();
  const dir = path.join(cacheRoot(), 'k8s-e2e-studio-test', 'go-binaries', version);
  await mkdir(dir, { recursive: true });

  // The recipe is in the names, so changing the program or the flags never reuses a stale file.
  const recipe = createHash('sha256').update(goMod).update(mainGo).update(buildFlags.join('\0')).digest('hex').slice(0, 10);
  const fileFor = (name: GoBinaryName): string => path.join(dir, `probe-${recipe}-${name}${name.startsWith('windows') ? '.exe' : ''}`);

  const missing: GoTarget[] = [];
  for (const target of targets) if (!(await exists(fileFor(target)))) missing.push(target);
  if (missing.length > 0) await buildAll(go, missing, fileFor);

  const universal = fileFor('darwin-universal');
  if (!(await exists(universal))) await assembleFatMachO([fileFor('darwin-amd64'), fileFor('darwin-arm64')], universal);

  return {
    'linux-amd64': fileFor('linux-amd64'),
    'linux-arm64': fileFor('linux-arm64'),
    'darwin-amd64': fileFor('darwin-amd64'),
    'darwin-arm64': fileFor('darwin-arm64'),
    'windows-amd64': fileFor('windows-amd64'),
    'darwin-universal': universal,
  };
}

/**
 * Writes a universal Mach-O the way lipo does: a big-endian fat header, one 20-byte fat_arch
 * per slice (cputype and cpusubtype copied from the slice's own header), and each thin slice
 * at an offset aligned to 2^14. The file appears at `out` in one rename.
 */
export async function assembleFatMachO(slices: string[], out: string): Promise<void> {
  const bodies = await Promise.all(slices.map((file) => readFile(file)));
  const align = 2 ** fatAlignLog2;
  const roundUp = (n: number): number => Math.ceil(n / align) * align;

  const entries: Array<{ cputype: number; cpusubtype: number; offset: number; size: number }> = [];
  let next = roundUp(8 + 20 * bodies.length);
  bodies.forEach((body, index) => {
    const { cputype, cpusubtype } = thinCpu(body, slices[index] ?? '');
    entries.push({ cputype, cpusubtype, offset: next, size: body.length });
    next = roundUp(next + body.length);
  });
  const last = entries.at(-1);
  const total = last ? last.offset + last.size : 8;

  const fat = new Uint8Array(total);
  const view = new DataView(fat.buffer);
  view.setUint32(0, 0xcafebabe);
  view.setUint32(4, entries.length);
  entries.forEach((entry, index) => {
    const at = 8 + 20 * index;
    view.setUint32(at, entry.cputype);
    view.setUint32(at + 4, entry.cpusubtype);
    view.setUint32(at + 8, entry.offset);
    view.setUint32(at + 12, entry.size);
    view.setUint32(at + 16, fatAlignLog2);
    fat.set(bodies[index] ?? new Uint8Array(), entry.offset);
  });
  await writeAtomically(out, fat);
}

async function buildAll(go: string, wanted: GoTarget[], fileFor: (name: GoBinaryName) => string): Promise<void> {
  const module = await mkdtemp(path.join(os.tmpdir(), 'studio-go-probe-'));
  try {
    await writeFile(path.join(module, 'go.mod'), goMod);
    await writeFile(path.join(module, 'main.go'), mainGo);
    // One target at a time: each `go build` already uses every core, and parallel cold builds
    // of the runtime would only compete for them.
    for (const target of wanted) {
      const [goos = '', goarch = ''] = target.split('-');
      const final = fileFor(target);
      const temp = `${final}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
      try {
        await execa(go, ['build', ...buildFlags, '-o', temp, '.'], {
          cwd: module,
          env: { GOOS: goos, GOARCH: goarch, CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOWORK: 'off', GOFLAGS: '' },
        });
        await rename(temp, final);
      } finally {
        await rm(temp, { force: true });
      }
    }
  } finally {
    await rm(module, { recursive: true, force: true });
  }
}

/** cputype and cpusubtype of a thin Mach-O, whichever byte order it was written in. */
function thinCpu(body: Uint8Array, file: string): { cputype: number; cpusubtype: number } {
  if (body.length < 12) throw new Error(`${file}: too short to be a Mach-O`);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const magic = view.getUint32(0, false);
  const little = magic === 0xcefaedfe || magic === 0xcffaedfe;
  if (!little && magic !== 0xfeedface && magic !== 0xfeedfacf) throw new Error(`${file}: not a thin Mach-O (magic 0x${magic.toString(16)})`);
  return { cputype: view.getUint32(4, little), cpusubtype: view.getUint32(8, little) };
}

async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  const temp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    await writeFile(temp, data, { mode: 0o755 });
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/** `go` from PATH, else the usual tarball location. */
async function findGo(): Promise<string> {
  const name = process.platform === 'win32' ? 'go.exe' : 'go';
  const candidates = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name));
  candidates.push('/usr/local/go/bin/go');
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next one
    }
  }
  throw new Error('These tests build real binaries and need Go: put `go` on PATH or install it at /usr/local/go.');
}

function cacheRoot(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
