import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { goCommand } from '../support/go-command.js';
import { stagingVersion } from './pinned-release.js';

/** The environment every go command of the build runs with: this Go, no workspace, no cgo. */
export function goBuildEnv(): Record<string, string> {
  return { GOTOOLCHAIN: 'local', GOWORK: 'off', GOFLAGS: '-mod=mod', CGO_ENABLED: '0' };
}

/**
 * Writes a throw-away go.mod in `dir` that requires k8s.io/kubernetes at `kubernetes` and
 * points every k8s.io/* staging module at its published v0.X.Y tag. k8s.io/kubernetes itself
 * replaces them with ./staging folders, which only work inside its own repository; this list of
 * names is read from that same go.mod (fetched through the module proxy), so it always matches
 * the release.
 */
export async function writeKubernetesBuildModule(dir: string, kubernetes: string): Promise<void> {
  const { stdout } = await execa(goCommand(), ['mod', 'download', '-json', `k8s.io/kubernetes@${kubernetes}`], { cwd: dir, env: goBuildEnv() });
  const info = JSON.parse(stdout) as { GoMod?: string; Error?: string };
  if (!info.GoMod) throw new Error(`go mod download k8s.io/kubernetes@${kubernetes}: ${info.Error ?? 'no go.mod in the answer'}`);
  const staging = stagingModules(await readFile(info.GoMod, 'utf8'));
  if (staging.length === 0) throw new Error(`k8s.io/kubernetes@${kubernetes} replaces no staging modules; the go.mod layout changed`);

  const version = stagingVersion(kubernetes);
  const lines = [
    'module k8s-e2e-studio.test/kubernetes-build',
    '',
    'go 1.25.0',
    '',
    `require k8s.io/kubernetes ${kubernetes}`,
    '',
    'replace (',
    ...staging.map((name) => `\t${name} => ${name} ${version}`),
    ')',
    '',
  ];
  await writeFile(path.join(dir, 'go.mod'), lines.join('\n'));
}

/** Module names that k8s.io/kubernetes's go.mod replaces with a ./staging/src/… folder. */
export function stagingModules(goMod: string): string[] {
  const names: string[] = [];
  for (const line of goMod.split('\n')) {
    const match = /^\s*(?:replace\s+)?(k8s\.io\/[\w.-]+)\s+=>\s+\.\/staging\//.exec(line);
    if (match?.[1]) names.push(match[1]);
  }
  return names;
}
