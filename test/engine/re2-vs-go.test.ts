import { describe, expect, it } from 'vitest';
import { re2Problem } from '../../shared/e2e/re2-problem.js';
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
];

describe('re2Problem agrees with Go’s regexp.Compile', () => {
  it.each(table.map((pattern) => [pattern]))('%s', async (pattern) => {
    const [goError] = await goRegexpErrors([pattern]);
    const ours = re2Problem(pattern);
    expect(ours === undefined, `Go says: ${goError || 'ok'}; we say: ${ours?.message ?? 'ok'}`).toBe(goError === '');
  });

  it('points at the offending part', () => {
    expect(re2Problem('NodeSelector(?=.*respected)')).toMatchObject({ position: 12, message: expect.stringMatching(/look-ahead/) });
    expect(re2Problem('(\\w+) \\1')).toMatchObject({ position: 6, message: expect.stringMatching(/back-references/) });
    expect(re2Problem('[sig-scheduling')).toMatchObject({ position: 0, message: expect.stringMatching(/missing closing \]/) });
    expect(re2Problem('ok (unclosed')).toMatchObject({ position: 3, message: expect.stringMatching(/missing closing \)/) });
  });
});
