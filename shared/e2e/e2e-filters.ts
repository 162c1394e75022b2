import { z } from 'zod';
import { re2Problem } from './re2-problem.js';

/** The longest focus, skip or label filter the app keeps and passes on. */
export const filterMaxLength = 4096;

/** What the Test step asks for: which specs, and how to run them. */
export const E2eFiltersSchema = z.object({
  focus: z.string().max(filterMaxLength).default(''),
  skip: z.string().max(filterMaxLength).default(''),
  labelFilter: z.string().max(filterMaxLength).default(''),
  failFast: z.boolean().default(false),
  /** ginkgo --nodes: more than 1 runs specs in parallel through the ginkgo CLI. */
  nodes: z.number().int().min(1).max(32).default(1),
  flakeAttempts: z.number().int().min(0).max(5).default(0),
  timeoutMinutes: z.number().int().min(1).max(24 * 60).default(60),
});
export type E2eFilters = z.infer<typeof E2eFiltersSchema>;

export interface FilterProblem {
  field: 'focus' | 'skip' | 'labelFilter';
  position: number;
  message: string;
}

/**
 * Checks the filters the way Go will read them: focus and skip as RE2 expressions, and the
 * /regular expressions/ inside a label filter too, along with its parentheses.
 */
export function filterProblems(filters: Pick<E2eFilters, 'focus' | 'skip' | 'labelFilter'>): FilterProblem[] {
  const problems: FilterProblem[] = [];
  for (const field of ['focus', 'skip', 'labelFilter'] as const) {
    const length = filters[field].length;
    if (length > filterMaxLength) problems.push({ field, position: filterMaxLength, message: `too long: ${length.toLocaleString('en')} characters, at most ${filterMaxLength.toLocaleString('en')} are kept` });
  }
  if (problems.length > 0) return problems;
  for (const field of ['focus', 'skip'] as const) {
    const problem = filters[field] ? re2Problem(filters[field]) : undefined;
    if (problem) problems.push({ field, ...problem });
  }
  const label = filters.labelFilter;
  for (const match of label.matchAll(/\/((?:[^/\\]|\\.)*)\//g)) {
    const problem = re2Problem(match[1] ?? '');
    if (problem) problems.push({ field: 'labelFilter', position: (match.index ?? 0) + 1 + problem.position, message: problem.message });
  }
  let depth = 0;
  for (const [index, char] of [...label.replace(/\/(?:[^/\\]|\\.)*\//g, (m) => ' '.repeat(m.length))].entries()) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (depth < 0) {
      problems.push({ field: 'labelFilter', position: index, message: 'unexpected ): no group is open' });
      break;
    }
  }
  if (depth > 0) problems.push({ field: 'labelFilter', position: label.length, message: 'missing closing )' });
  return problems;
}
