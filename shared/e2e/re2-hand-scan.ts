import type { Re2Problem } from './re2-problem.js';

/**
 * A scan of the pattern for what Go's regexp refuses (look-arounds, back-references, possessive
 * quantifiers, unbalanced groups…), with the position. It was the whole check before re2js; now it
 * places the problems whose only clue from the parser is the whole pattern, and the benchmark
 * measures it against re2js.
 */
export function re2HandScan(pattern: string): Re2Problem | undefined {
  const groups: number[] = [];
  let canRepeat = false;
  let i = 0;
  const fail = (position: number, message: string): Re2Problem => ({ position, message });
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const problem = escapeProblem(pattern, i);
      if (problem) return fail(i, problem);
      if (pattern[i + 1] === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        i = end === -1 ? pattern.length : end + 2;
      } else i += escapeLength(pattern, i);
      canRepeat = true;
      continue;
    }
    if (c === '[') {
      const end = classEnd(pattern, i);
      if (end === -1) return fail(i, 'missing closing ] for the character class');
      i = end + 1;
      canRepeat = true;
      continue;
    }
    if (c === '(') {
      const rest = pattern.slice(i);
      if (/^\(\?(=|!|<=|<!)/.test(rest)) return fail(i, 'look-ahead and look-behind ((?=…), (?!…), (?<=…), (?<!…)) are not supported by Go regular expressions');
      if (rest.startsWith('(?>')) return fail(i, 'atomic groups (?>…) are not supported by Go regular expressions');
      if (rest.startsWith('(?(')) return fail(i, 'conditionals (?(…)…) are not supported by Go regular expressions');
      const named = /^\(\?P?<([A-Za-z0-9_]*)>/.exec(rest);
      const flags = /^\(\?([imsU]*)(-[imsU]*)?(:|\))/.exec(rest);
      if (named) {
        if (!named[1]) return fail(i, 'a named group needs a name');
        i += named[0].length;
      } else if (flags) {
        i += flags[0].length;
        if (flags[3] === ')') {
          canRepeat = false;
          continue;
        }
      } else if (rest.startsWith('(?')) {
        return fail(i, `unknown group flag or syntax ${rest.slice(0, 4)}`);
      } else i += 1;
      groups.push(i);
      canRepeat = false;
      continue;
    }
    if (c === ')') {
      if (groups.length === 0) return fail(i, 'unexpected ): no group is open');
      groups.pop();
      i += 1;
      canRepeat = true;
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      if (!canRepeat) return fail(i, `missing argument to repetition operator ${c}`);
      i += 1;
      if (pattern[i] === '?') i += 1;
      if (pattern[i] === '+') return fail(i, 'possessive quantifiers (*+, ++, ?+) are not supported by Go regular expressions');
      if (pattern[i] === '*' || pattern[i] === '+' || (pattern[i] === '?' && pattern[i - 1] !== '?')) return fail(i, `invalid nested repetition operator ${pattern[i]}`);
      canRepeat = false;
      continue;
    }
    if (c === '{') {
      const repeat = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (repeat) {
        if (!canRepeat) return fail(i, `missing argument to repetition operator ${repeat[0]}`);
        const min = Number(repeat[1]);
        const max = repeat[3] ? Number(repeat[3]) : min;
        if (min > 1000 || max > 1000) return fail(i, `invalid repeat count ${repeat[0]}: Go allows at most 1000`);
        if (repeat[3] && max < min) return fail(i, `invalid repeat count ${repeat[0]}`);
        i += repeat[0].length;
        if (pattern[i] === '?') i += 1;
        if (pattern[i] === '+') return fail(i, 'possessive quantifiers are not supported by Go regular expressions');
        canRepeat = false;
        continue;
      }
    }
    canRepeat = c !== '|';
    i += 1;
  }
  if (groups.length > 0) return fail((groups.at(-1) ?? 1) - 1, 'missing closing ): a group is not closed');
  return undefined;
}

/** What Go does not accept after a backslash outside a class. */
function escapeProblem(pattern: string, at: number): string | undefined {
  const next = pattern[at + 1];
  if (next === undefined) return 'trailing backslash at the end of the expression';
  if (/[1-9]/.test(next)) return `back-references (\\${next}) are not supported by Go regular expressions`;
  if (next === 'k' && pattern[at + 2] === '<') return 'named back-references (\\k<…>) are not supported by Go regular expressions';
  if ('ZGRXKhHVN'.includes(next)) return `\\${next} is not supported by Go regular expressions`;
  if (/[A-Za-z]/.test(next) && !'AbBdDfnprsStvwWxzQEPpa'.includes(next)) return `invalid escape sequence \\${next}`;
  return undefined;
}

function escapeLength(pattern: string, at: number): number {
  const rest = pattern.slice(at);
  const long = /^\\(x\{[0-9A-Fa-f]+\}|x[0-9A-Fa-f]{2}|[pP]\{[^}]*\}|[pP][A-Za-z]|0[0-7]{0,2})/.exec(rest);
  return long ? long[0].length : 2;
}

/** The index of the ] closing a class that starts at `at`, or -1. A ] right after [ or [^ is literal. */
function classEnd(pattern: string, at: number): number {
  let i = at + 1;
  if (pattern[i] === '^') i += 1;
  if (pattern[i] === ']') i += 1;
  while (i < pattern.length) {
    if (pattern[i] === '\\') i += 2;
    else if (pattern.startsWith('[:', i)) {
      const end = pattern.indexOf(':]', i + 2);
      i = end === -1 ? i + 1 : end + 2;
    } else if (pattern[i] === ']') return i;
    else i += 1;
  }
  return -1;
}
