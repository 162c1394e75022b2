import { createHash } from 'node:crypto';
import { access, mkdir, readFile, symlink, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import type { DockerEngine } from './docker-engine.js';
import { tempDir } from './temp-dir.js';

/** Debian's busybox-static puts its one static binary here. */
const busybox = '/bin/busybox';

/**
 * A tiny image made here, since nothing can be pulled: a root filesystem of Debian's static busybox
 * with a link for each of its applets, tarred and `docker import`ed under a tag made from the
 * binary's hash. Imported once per data root; later calls find the tag.
 */
export async function busyboxImage(engine: DockerEngine): Promise<string> {
  if (!(await access(busybox).then(() => true, () => false))) {
    if (process.getuid?.() !== 0) throw new Error('These tests need Debian\'s busybox-static (/bin/busybox). Install it: sudo apt-get install -y busybox-static');
    await execa('apt-get', ['install', '-y', '-qq', 'busybox-static'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 10 * 60_000 });
  }
  const binary = await readFile(busybox);
  if (!isStaticElf(binary)) throw new Error(`${busybox} is linked dynamically (the busybox package, not busybox-static); an image of it alone would not run. Install busybox-static.`);
  const tag = `studio-test/busybox:${createHash('sha256').update(binary).digest('hex').slice(0, 12)}`;
  const docker = (args: string[], input?: string): Promise<{ exitCode?: number; stdout: string }> => execa(engine.client, args, { env: engine.env, reject: false, input });
  if ((await docker(['image', 'inspect', '--format', '{{.Id}}', tag])).exitCode === 0) return tag;

  const work = await tempDir('busybox-rootfs');
  try {
    const root = path.join(work.dir, 'root');
    await mkdir(path.join(root, 'bin'), { recursive: true });
    for (const dir of ['etc', 'tmp', 'proc', 'sys', 'dev']) await mkdir(path.join(root, dir));
    await copyFile(busybox, path.join(root, 'bin', 'busybox'));
    const applets = (await execa(busybox, ['--list'])).stdout.split('\n').map((name) => name.trim()).filter((name) => /^[\w.[-]+$/.test(name) && name !== 'busybox');
    for (const applet of applets) await symlink('busybox', path.join(root, 'bin', applet));
    const tarball = path.join(work.dir, 'rootfs.tar');
    await execa('tar', ['--numeric-owner', '--owner=0', '--group=0', '-C', root, '-cf', tarball, '.']);
    const imported = await execa(engine.client, ['import', '--change', 'CMD ["/bin/sh"]', '--change', 'ENV PATH=/bin', tarball, tag], { env: engine.env, reject: false });
    if (imported.exitCode !== 0) throw new Error(`docker import of the busybox root filesystem failed: ${imported.stderr}`);
  } finally {
    await work.remove();
  }
  return tag;
}

/** An ELF with no PT_INTERP program header needs no dynamic loader. */
function isStaticElf(file: Buffer): boolean {
  if (file.length < 64 || file.readUInt32BE(0) !== 0x7f454c46 || file[4] !== 2) return false;
  const little = file[5] === 1;
  const u16 = (at: number): number => (little ? file.readUInt16LE(at) : file.readUInt16BE(at));
  const offset = Number(little ? file.readBigUInt64LE(32) : file.readBigUInt64BE(32));
  const size = u16(54);
  const count = u16(56);
  for (let index = 0; index < count; index += 1) {
    const type = little ? file.readUInt32LE(offset + index * size) : file.readUInt32BE(offset + index * size);
    if (type === 3) return false;
  }
  return true;
}
