import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateKindConfig } from '../../shared/kind-config/validate-kind-config.js';
import { fixture } from '../support/fixtures.js';
import { realKind } from '../support/real-kind.js';
import { useTempDir } from '../support/use-temp-dir.js';

const run = promisify(execFile);
const corpus = fixture('kind-configs');
const standins = path.join(path.dirname(corpus), '..', 'standins');

/**
 * The real kind loads and validates each config; the stand-in docker answers only its provider
 * checks (docker -v, docker info, docker ps), so a config kind accepts fails later, at the first
 * real container operation, and a config kind rejects fails with its config error first.
 */
async function kindVerdict(kind: string, file: string, kubeconfig: string): Promise<{ accepted: boolean; output: string }> {
  const result = await run(kind, ['create', 'cluster', '--name', 'verdict', '--config', file, '--kubeconfig', kubeconfig], {
    env: { ...process.env, PATH: `${standins}${path.delimiter}${process.env.PATH ?? ''}` },
    timeout: 60_000,
  }).then(
    (ok) => ({ code: 0, output: `${ok.stdout}${ok.stderr}` }),
    (failed: { code?: number; stdout?: string; stderr?: string }) => ({ code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }),
  );
  return { accepted: result.output.includes('Creating cluster "verdict"'), output: result.output };
}

describe('our validator agrees with the real kind on every config of the corpus', () => {
  const temp = useTempDir('kind-verdict');
  let kind: string;
  beforeAll(async () => {
    kind = await realKind();
  }, 10 * 60_000);

  const files = readdirSync(corpus).filter((name) => name.endsWith('.yaml'));
  it.each(files)('%s', async (name) => {
    const file = path.join(corpus, name);
    const ours = validateKindConfig(readFileSync(file, 'utf8')).filter((p) => p.severity === 'error');
    const theirs = await kindVerdict(kind, file, path.join(temp.dir, 'kubeconfig'));
    expect(ours.length === 0, `ours: ${JSON.stringify(ours)}\nkind: ${theirs.output}`).toBe(theirs.accepted);
    // Where kind's decoder names a line, ours names the same one (its YAML syntax errors point at
    // where the parser gave up, ours at the offending line, so those are not compared).
    const kindLine = /unmarshal errors:\s*line (\d+):/.exec(theirs.output)?.[1];
    if (kindLine) expect(ours.map((p) => p.line)).toContain(Number(kindLine));
  });
});
