import { execa } from 'execa';

/**
 * The pool path of a Debian package as this machine's apt sources have it (apt-cache show's
 * Filename). A fresh machine may have no package lists yet; as root, they are fetched once.
 */
export async function debianPackageFile(name: string): Promise<string> {
  const show = async () => (await execa('apt-cache', ['show', '--no-all-versions', name], { reject: false })).stdout.match(/^Filename: (\S+)$/m)?.[1];
  let filename = await show();
  if (!filename && process.getuid?.() === 0) {
    await execa('apt-get', ['update', '-qq'], { timeout: 10 * 60_000 });
    filename = await show();
  }
  if (!filename) throw new Error(`apt-cache knows no ${name}: run apt-get update (as root)`);
  return filename;
}
