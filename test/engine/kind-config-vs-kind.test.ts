import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateKindConfig } from '../../shared/kind-config/validate-kind-config.js';
import { fixture } from '../support/fixtures.js';
import { kindVerdict } from '../support/kind-verdict.js';
import { realKind, testKindVersion } from '../support/real-kind.js';
import { useTempDir } from '../support/use-temp-dir.js';

const corpus = fixture('kind-configs');

describe('our validator agrees with the real kind on every config of the corpus', () => {
  const temp = useTempDir('kind-verdict');
  let kind: string;
  beforeAll(async () => {
    kind = await realKind();
  }, 10 * 60_000);

  const files = readdirSync(corpus).filter((name) => name.endsWith('.yaml'));
  it.each(files)('%s', async (name) => {
    const file = path.join(corpus, name);
    const ours = validateKindConfig(readFileSync(file, 'utf8'), { kindVersion: testKindVersion }).filter((p) => p.severity === 'error');
    const theirs = await kindVerdict(kind, file, path.join(temp.dir, 'kubeconfig'));
    expect(ours.length === 0, `ours: ${JSON.stringify(ours)}\nkind: ${theirs.output}`).toBe(theirs.accepted);
    // Where kind's decoder names a line, ours names the same one (its YAML syntax errors point at
    // where the parser gave up, ours at the offending line, so those are not compared).
    const kindLine = /unmarshal errors:\s*line (\d+):/.exec(theirs.output)?.[1];
    if (kindLine) expect(ours.map((p) => p.line)).toContain(Number(kindLine));
  });
});
