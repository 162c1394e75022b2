import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateKindConfig } from '../../shared/kind-config/validate-kind-config.js';
import { kindConfigText } from '../support/kind-config-arbitrary.js';
import { kindVerdict } from '../support/kind-verdict.js';
import { realKind, testKindVersion } from '../support/real-kind.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Differential test of the kind config check against the real kind (v0.32.0, built with go install):
 * generated configs (test/support/kind-config-arbitrary.ts) go to both; the app's verdict (no error
 * = valid) must equal kind's (kind got as far as "Creating cluster") on every case.
 * STUDIO_KIND_DIFF_CASES sets the number of cases (500 by default; 5000 for a nightly run),
 * STUDIO_KIND_DIFF_SEED the seed (fixed by default, printed, so a disagreement can be replayed).
 */
const cases = Number(process.env.STUDIO_KIND_DIFF_CASES ?? 500);
const seed = Number(process.env.STUDIO_KIND_DIFF_SEED ?? 20260513);
const concurrency = 3;

const ours = (text: string): boolean => !validateKindConfig(text, { kindVersion: testKindVersion }).some((p) => p.severity === 'error');

describe(`the kind config check agrees with the real kind ${testKindVersion} on generated configs`, () => {
  let kind: string;
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    kind = await realKind();
    dir = await tempDir('kind-diff');
    return () => dir.remove();
  }, 10 * 60_000);

  const verdicts = new Map<string, Promise<{ accepted: boolean; output: string }>>();
  let written = 0;
  const theirs = (text: string): Promise<{ accepted: boolean; output: string }> => {
    let verdict = verdicts.get(text);
    if (!verdict) {
      const file = path.join(dir.dir, `case-${written++}.yaml`);
      verdict = writeFile(file, text).then(() => kindVerdict(kind, file, path.join(dir.dir, 'kubeconfig')));
      verdicts.set(text, verdict);
    }
    return verdict;
  };

  it(`${cases} cases, 0 disagreements (seed ${seed})`, async () => {
    const started = Date.now();
    // The first `cases` distinct configs the seed generates (mutations can land on the same text).
    const texts = [...new Set(fc.sample(kindConfigText, { seed, numRuns: cases * 3 }))].slice(0, cases);
    expect(texts.length, 'the generator made too few distinct configs').toBe(cases);
    // kind runs on the cases a few at a time; each verdict is kept for the property run below.
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < texts.length) {
          const text = texts[next++] as string;
          await theirs(text);
        }
      }),
    );
    const results = await Promise.all(texts.map(async (text) => ({ text, ours: ours(text), kind: (await theirs(text)).accepted })));
    const disagreements = results.filter((r) => r.ours !== r.kind);
    const accepted = results.filter((r) => r.kind).length;
    console.log(
      `kind-config differential vs kind ${testKindVersion}: ${cases} cases, ${disagreements.length} disagreements (seed ${seed}; every case a distinct config; kind accepted ${accepted}, refused ${cases - accepted}; ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    // Both verdicts must be well represented, or the generator tests nothing.
    expect(accepted, 'kind accepted too few generated configs').toBeGreaterThan(cases * 0.2);
    expect(cases - accepted, 'kind refused too few generated configs').toBeGreaterThan(cases * 0.2);
    if (disagreements.length === 0) return;
    // Shrink to the smallest disagreeing config with fast-check (same seed; kind answers from the cache or runs again).
    const shrunk = await fc.check(
      fc.asyncProperty(kindConfigText, async (text) => ours(text) === (await theirs(text)).accepted),
      { seed, numRuns: cases },
    );
    const example = shrunk.counterexample?.[0] ?? disagreements[0]?.text ?? '';
    const kindSays = (await theirs(example)).output;
    expect.fail(
      `${disagreements.length} of ${cases} generated configs get a different verdict from the app and from kind (seed ${seed}).\n` +
        `Smallest one (app says ${ours(example) ? 'valid' : 'invalid'}):\n${example}\n` +
        `app: ${JSON.stringify(validateKindConfig(example, { kindVersion: testKindVersion }))}\nkind: ${kindSays}\n` +
        `Other disagreements:\n${disagreements.slice(0, 5).map((d) => `--- app ${d.ours ? 'valid' : 'invalid'}, kind ${d.kind ? 'valid' : 'invalid'}:\n${d.text}`).join('\n')}`,
    );
  }, 15 * 60_000);
});
