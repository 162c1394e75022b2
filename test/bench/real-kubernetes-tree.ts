import { access, chmod, cp, mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { goCommand } from '../support/go-command.js';
import { testCacheDir } from '../support/real-kind.js';

/** The release the real-shaped tree is made from, and the staging modules' matching tag (v0.X.Y for v1.X.Y). */
export const realTreeRelease = { kubernetes: 'v1.35.4', staging: 'v0.35.4' } as const;

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

/** The module cache the tree's pieces come from: the user's own (go env GOMODCACHE), never the tree's _output one. */
const downloadEnv = (): Record<string, string | undefined> => ({ ...process.env, GOTOOLCHAIN: 'local', GOWORK: 'off', GOFLAGS: '' });

async function moduleDir(module: string, version: string): Promise<string> {
  // go mod download -json prints the module's Dir in the cache (cmd/go: go help mod download).
  const { stdout } = await execa(goCommand(), ['mod', 'download', '-json', `${module}@${version}`], { env: downloadEnv() });
  const info = JSON.parse(stdout) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download ${module}@${version}: ${info.Error ?? 'no Dir in the answer'}`);
  return info.Dir;
}

/** The folders go.work's use block names (kubernetes v1.35.4 go.work: "." and ./staging/src/k8s.io/<name>). */
export function workspaceFolders(goWork: string): string[] {
  const block = /^use \(\n([\s\S]*?)^\)/m.exec(goWork)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('./'));
}

/**
 * Lays out a Kubernetes checkout as a contributor has it, from published modules:
 * - the k8s.io/kubernetes module at the release (the module zip has no staging/ sources and no vendor/);
 * - each workspace folder under staging/src/k8s.io/ from its own module at the matching tag;
 * - vendor/ made with `go work vendor`, as hack/update-vendor.sh makes it (GOWORK and GOFLAGS unset),
 *   since the build runs `GOPROXY=off go install` (hack/lib/golang.sh, kube::golang::build_some_binaries);
 * - the root Makefile as the repository has it, a link to the Makefile in build/root;
 * - executable bits on the scripts (the module cache drops them);
 * - one git commit and the release's annotated tag, which hack/print-workspace-status.sh reads.
 */
async function layOutTree(dir: string, log: (line: string) => void): Promise<void> {
  log(`   real tree: k8s.io/kubernetes@${realTreeRelease.kubernetes} from the module cache or the Go module proxy…`);
  await cp(await moduleDir('k8s.io/kubernetes', realTreeRelease.kubernetes), dir, { recursive: true });
  await execa('chmod', ['-R', 'u+w', dir]);
  const folders = workspaceFolders(await readFile(path.join(dir, 'go.work'), 'utf8')).filter((folder) => folder.startsWith('./staging/src/k8s.io/'));
  if (folders.length === 0) throw new Error('go.work names no staging modules; the layout changed');
  log(`   real tree: ${folders.length} staging modules at ${realTreeRelease.staging}…`);
  for (const folder of folders) {
    const module = folder.replace('./staging/src/', '');
    const target = path.join(dir, folder);
    await rm(target, { recursive: true, force: true });
    await cp(await moduleDir(module, realTreeRelease.staging), target, { recursive: true });
  }
  await execa('chmod', ['-R', 'u+w', dir]);
  log('   real tree: go work vendor…');
  // The Go the tree asks for (.go-version), as the build will use it.
  const goVersion = (await readFile(path.join(dir, '.go-version'), 'utf8')).trim();
  await execa(goCommand(), ['work', 'vendor'], { cwd: dir, env: { ...process.env, GOWORK: undefined, GOFLAGS: undefined, GOTOOLCHAIN: `go${goVersion}` } });
  await symlink(path.join('build', 'root', 'Makefile'), path.join(dir, 'Makefile'));
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.sh')) await chmod(path.join(entry.parentPath, entry.name), 0o755);
  }
  log('   real tree: git commit and tag…');
  const git = (args: string[]) => execa('git', ['-c', 'user.name=studio-bench', '-c', 'user.email=studio-bench@example.invalid', ...args], { cwd: dir });
  await git(['init', '--quiet']);
  await git(['add', '--all']);
  await git(['commit', '--quiet', '--message', `k8s.io/kubernetes ${realTreeRelease.kubernetes} with its staging modules and vendor/`]);
  await git(['tag', '--annotate', realTreeRelease.kubernetes, '--message', realTreeRelease.kubernetes]);
}

/**
 * The real-shaped checkout, made once and cached (~/.cache/k8s-e2e-studio-test/real-tree/<release>/kubernetes).
 * A half-made tree is never taken for a ready one: it is laid out in a staging folder and renamed.
 */
export async function realKubernetesTree(log: (line: string) => void): Promise<{ checkout: string; made: boolean }> {
  const root = testCacheDir('real-tree', realTreeRelease.kubernetes);
  const checkout = path.join(root, 'kubernetes');
  if (await exists(path.join(checkout, '.git'))) return { checkout, made: false };
  const staging = path.join(root, `.staging-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await layOutTree(staging, log);
  await rename(staging, checkout);
  await writeFile(path.join(root, 'made.json'), JSON.stringify({ at: new Date().toISOString(), ...realTreeRelease }));
  return { checkout, made: true };
}
