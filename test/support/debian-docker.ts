import { access, constants } from 'node:fs/promises';
import { execa } from 'execa';

/** The programs of Debian's docker.io package (and the containerd and runc it depends on) the tests use. */
export interface DebianDocker {
  dockerd: string;
  /** The package's own client, the same release as the daemon. */
  client: string;
  runc: string;
}

const wanted = { dockerd: '/usr/sbin/dockerd', client: '/usr/bin/docker', runc: '/usr/sbin/runc', containerd: '/usr/bin/containerd', shim: '/usr/bin/containerd-shim-runc-v2' };

const executable = (file: string): Promise<boolean> => access(file, constants.X_OK).then(() => true, () => false);

async function missing(): Promise<string[]> {
  const found = await Promise.all(Object.values(wanted).map(async (file) => ((await executable(file)) ? undefined : file)));
  return found.filter((file): file is string => file !== undefined);
}

/**
 * The Debian docker.io engine, installed with apt-get where it is missing and this process may (root
 * on a Debian-like system), as `npm test` installs Chromium; otherwise an error that says what to
 * install. Installing it starts no daemon here: there is no init system, so invoke-rc.d refuses, and
 * the tests never use a system daemon anyway (they start their own, see docker-engine.ts).
 */
export async function debianDocker(): Promise<DebianDocker> {
  let absent = await missing();
  if (absent.length > 0) {
    const canApt = process.getuid?.() === 0 && (await executable('/usr/bin/apt-get'));
    if (!canApt) {
      throw new Error(`The real Docker engine tests need Debian's docker.io package (missing: ${absent.join(', ')}). Install it: sudo apt-get install -y docker.io`);
    }
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = (): Promise<unknown> => execa('apt-get', ['install', '-y', '-qq', 'docker.io'], { env, timeout: 10 * 60_000 });
    // A fresh machine may have no package lists yet: update once, then try again.
    await install().catch(async () => {
      await execa('apt-get', ['update', '-qq'], { env, timeout: 10 * 60_000 });
      await install();
    });
    absent = await missing();
    if (absent.length > 0) throw new Error(`apt-get install docker.io finished but these are still missing: ${absent.join(', ')}`);
  }
  return { dockerd: wanted.dockerd, client: wanted.client, runc: wanted.runc };
}
