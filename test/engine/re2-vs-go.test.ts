import { describe, expect, it } from 'vitest';
import { re2Problem } from '../../shared/e2e/re2-problem.js';
import { regexCorpus } from '../bench/regex-corpus.js';
import { goRegexpErrors } from '../support/go-regexp-oracle.js';

/** Focus and skip expressions people write, and ones that trip them: Go's regexp package is the judge. */
const table = [
  '\\[sig-scheduling\\] SchedulerPredicates \\[Serial\\] validates that NodeSelector is respected if matching',
  '\\[Conformance\\]',
  'Feature:.*Slow|\\[Disruptive\\]',
  '(?i)predicates',
  '(?P<sig>sig-\\w+)',
  '(?<sig>sig-\\w+)',
  '\\Q[sig-node]\\E pods',
  '[[:alpha:]]+ \\d{2,3}',
  '\\p{Greek}|\\pL',
  '^$',
  'a{1000}',
  '[]a]',
  '[^]a]',
  'x*?y+?z??',
  // Valid in JavaScript, not in Go:
  'NodeSelector(?=.*respected)',
  '(?<!flaky )predicates',
  '(\\w+) \\1',
  '(?<n>a)\\k<n>',
  'a++',
  '(?>atomic)',
  'a{1001}',
  'end\\Z',
  // Broken everywhere:
  '[sig-scheduling',
  '(unclosed',
  'closed)',
  '*start',
  'a**',
  'trailing\\',
  '(?)',
  '\\y',
  // Where re2js alone and Go 1.26's regexp/syntax part ways, and where the old hand list was wrong:
  '\\p{ASCII}',
  '[\\P{ascii}]',
  '\\p{greek}',
  '\\p{Letter}',
  '\\pl',
  '\\p{Nag_Mundari}',
  '\\p{Garay}',
  '\\p{Unknown}',
  '(?P<n>x)(?P<n>y)',
  '(?<n>x)(?P<n>y)\\p{Foo}',
  '[z-a]',
  '\\x4',
  '\\E',
  '(?i-)',
  '(a{100}){100}',
  '('.repeat(1001) + 'a' + ')'.repeat(1001),
  '[[:foo:]]',
  '[\\Q]\\E]',
];

describe('re2Problem agrees with Go’s regexp.Compile', () => {
  it.each(table.map((pattern) => [pattern]))('%s', async (pattern) => {
    const [goError] = await goRegexpErrors([pattern]);
    const ours = re2Problem(pattern);
    expect(ours === undefined, `Go says: ${goError || 'ok'}; we say: ${ours?.message ?? 'ok'}`).toBe(goError === '');
  });

  it('agrees on 3,000 seeded patterns built from pieces of many dialects', async () => {
    const patterns = regexCorpus(3000);
    const go = await goRegexpErrors(patterns);
    const unlike = patterns.filter((pattern, i) => (re2Problem(pattern) === undefined) !== (go[i] === ''));
    expect(unlike).toEqual([]);
  });

  it('points at the offending part', () => {
    expect(re2Problem('x \\p{Nag_Mundari}')).toMatchObject({ position: 2, message: expect.stringMatching(/Unicode class/) });
    expect(re2Problem('ab[z-a]')).toMatchObject({ position: 3, message: expect.stringMatching(/invalid character class range/) });
    expect(re2Problem('a\\Q\\y\\E\\y')).toMatchObject({ position: 7 });
    expect(re2Problem('NodeSelector(?=.*respected)')).toMatchObject({ position: 12, message: expect.stringMatching(/look-ahead/) });
    expect(re2Problem('(\\w+) \\1')).toMatchObject({ position: 6, message: expect.stringMatching(/back-references/) });
    expect(re2Problem('[sig-scheduling')).toMatchObject({ position: 0, message: expect.stringMatching(/missing closing \]/) });
    expect(re2Problem('ok (unclosed')).toMatchObject({ position: 3, message: expect.stringMatching(/missing closing \)/) });
  });
});
