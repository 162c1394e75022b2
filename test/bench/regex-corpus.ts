/** Seeded random patterns built from pieces of regex syntax, valid and broken, Go's and other dialects'. */
const pieces = ['a', 'b', '.', '|', '(', ')', '(?:', '(?i)', '(?i:', '(?=', '(?!', '(?<=', '(?<!', '(?P<n>', '(?<n>', '(?P=n)', '(?>', '[', ']', '[^', '[:alpha:]', '[[:^digit:]]', '-', '\\', '\\d', '\\1', '\\Q', '\\E', '\\pL', '\\p{Greek}', '\\P{L}', '\\p{greek}', '\\p{Nag_Mundari}', '\\p{ASCII}', '\\x{41}', '\\x4', '\\z', '\\Z', '\\b', '\\C', '\\k<n>', '*', '+', '?', '*?', '++', '{2}', '{2,}', '{2,1}', '{1001}', '{,3}', '{', '}', '^', '$', '\\.', '\\[', '(?s)', '(?U)', '(?-i)', '(?im-s:', '(?)', '(?x)', '\\0', '\\07', '\\8', '\\cA', '\\e', '\\a', '\\f', '\\v', '\\N', 'é', '[a-z]', '[z-a]', '\\pZ', '\\p{Han}', '\\p{Foo}'];

export function regexCorpus(size: number, seed = 42): string[] {
  let state = seed;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % n;
  };
  const corpus = new Set<string>(pieces);
  while (corpus.size < size) {
    let pattern = '';
    for (let n = 1 + next(6); n > 0; n -= 1) pattern += pieces[next(pieces.length)];
    corpus.add(pattern);
  }
  return [...corpus].slice(0, size);
}
