import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { goCommand } from '../support/go-command.js';
import { goBuildEnv } from './kubernetes-build-module.js';

/**
 * The kwok binary does nothing without Stage definitions; kwokctl feeds it the "fast" set that
 * kwok publishes in its module (kustomize/stage/fast = node/fast + node/heartbeat-with-lease +
 * pod/fast). We take those same files from the module cache at the pinned kwok version and join
 * them into one multi-document YAML for `kwok --config`, so node and pod lifecycles are kwok's own.
 */
export async function writeKwokStages(kwokVersion: string, file: string): Promise<void> {
  const { stdout } = await execa(goCommand(), ['mod', 'download', '-json', `sigs.k8s.io/kwok@${kwokVersion}`], { env: { ...goBuildEnv(), GOFLAGS: '' } });
  const info = JSON.parse(stdout) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download sigs.k8s.io/kwok@${kwokVersion}: ${info.Error ?? 'no folder in the answer'}`);

  const documents: string[] = [];
  for (const folder of ['node/fast', 'node/heartbeat-with-lease', 'pod/fast']) {
    const dir = path.join(info.Dir, 'kustomize', 'stage', folder);
    const stages = (await readdir(dir)).filter((name) => name.endsWith('.yaml') && name !== 'kustomization.yaml').sort();
    if (stages.length === 0) throw new Error(`no kwok stages in ${dir}`);
    for (const name of stages) documents.push((await readFile(path.join(dir, name), 'utf8')).trim());
  }
  await writeFile(file, `${documents.join('\n---\n')}\n`);
}
