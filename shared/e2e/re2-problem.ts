import { RE2JS, RE2JSSyntaxException } from 're2js';

export interface Re2Problem {
  /** 0-based index in the pattern where the problem starts (the UI puts a caret there). */
  position: number;
  message: string;
}

/**
 * Why `pattern` is not a valid Go regular expression, with the 0-based position of the problem,
 * or undefined when it is valid. ginkgo's --focus, --skip and label filters are compiled by Go, so
 * JavaScript's own RegExp is no judge: it accepts look-arounds and back-references that Go rejects,
 * and rejects (?i), (?P<name>…) and \Q…\E that Go accepts.
 *
 * The verdict is re2js's parser (a port of Go's regexp/syntax), given the pattern after two
 * corrections where re2js and Go's regexp/syntax (Go 1.26) part ways: Unicode class names are looked
 * up as Go does (see goAcceptsClassName), and a capture name may be used twice. The position comes
 * from the part of the pattern the parser names, or from the scan below when the parser names the
 * whole pattern (an unclosed or unexpected parenthesis).
 */
export function re2Problem(pattern: string): Re2Problem | undefined {
  const { rewritten, classProblem } = asRe2jsSees(pattern);
  const parserProblem = re2jsProblem(pattern, rewritten);
  if (!classProblem) return parserProblem;
  if (!parserProblem) return classProblem;
  return parserProblem.position < classProblem.position ? parserProblem : classProblem;
}

function re2jsProblem(pattern: string, rewritten: string): Re2Problem | undefined {
  try {
    RE2JS.compile(rewritten);
    return undefined;
  } catch (error) {
    if (!(error instanceof RE2JSSyntaxException)) throw error;
    const hand = handProblem(pattern);
    const fragment = error.getPattern() ?? '';
    const own = `${error.getDescription()}${fragment ? `: \`${fragment}\`` : ''}`;
    if (fragment === '') return hand ?? { position: Math.max(0, pattern.length - 1), message: own };
    if (fragment === rewritten) return hand ?? { position: 0, message: own };
    // The scan knows \Q…\E and classes, so where it stops on the same text, that is the place.
    if (hand && pattern.startsWith(fragment, hand.position)) return hand;
    const at = pattern.indexOf(fragment);
    return at === -1 ? (hand ?? { position: 0, message: own }) : { position: at, message: own };
  }
}

/**
 * The canonical Unicode class names Go 1.26's regexp/syntax knows (unicode.Categories and
 * unicode.Scripts at Unicode 15.0.0, unicode.CategoryAliases, Any, Assigned, ASCII), in the form its
 * canonicalName gives: first letter upper case, the rest lower case, no _, - or space.
 */
const goClassNames = new Set(
  'Adlam Ahom Any Arabic Armenian Ascii Assigned Avestan Balinese Bamum Batak Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid C Carian Casedletter Cc Cf Chakma Cham Cherokee Chorasmian Closepunctuation Cn Cntrl Co Combiningmark Common Connectorpunctuation Control Coptic Cs Cuneiform Currencysymbol Cypriot Cyrillic Dashpunctuation Decimalnumber Deseret Devanagari Digit Dogra Duployan Elbasan Elymaic Enclosingmark Ethiopic Finalpunctuation Format Georgian Glagolitic Gothic Grantha Greek Gujarati Gurmukhi Han Hangul Hanunoo Hatran Hebrew Hiragana Inherited Initialpunctuation Javanese Kaithi Kannada Katakana Kawi Kharoshthi Khmer Khojki Khudawadi L Lao Latin Lc Lepcha Letter Letternumber Limbu Lineseparator Lisu Ll Lm Lo Lowercaseletter Lt Lu Lycian Lydian M Mahajani Makasar Malayalam Mandaic Manichaean Marchen Mark Mathsymbol Mc Me Medefaidrin Miao Mn Modi Modifierletter Modifiersymbol Mongolian Mro Multani Myanmar N Nabataean Nandinagari Nd Newa Nko Nl No Nonspacingmark Number Nushu Ogham Openpunctuation Oriya Osage Osmanya Other Otherletter Othernumber Otherpunctuation Othersymbol P Palmyrene Paragraphseparator Pc Pd Pe Pf Phoenician Pi Po Privateuse Ps Punct Punctuation Rejang Runic S Samaritan Saurashtra Sc Separator Sharada Shavian Siddham Sinhala Sk Sm So Sogdian Soyombo Spaceseparator Spacingmark Sundanese Surrogate Symbol Syriac Tagalog Tagbanwa Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Titlecaseletter Toto Ugaritic Unassigned Uppercaseletter Vai Vithkuqi Wancho Yezidi Yi Z Zl Zp Zs'.split(' '),
);

/** Go's lookup: "nag_mundari" becomes "Nagmundari", which unicode.Scripts (keyed "Nag_Mundari") does not have. */
function goAcceptsClassName(name: string): boolean {
  const bare = name.replace(/[_\- ]/g, '');
  return goClassNames.has(bare.charAt(0).toUpperCase() + bare.slice(1).toLowerCase());
}

/**
 * The pattern with every \p/\P class turned into \pL (after judging its name as Go does) and every
 * capture name made unique, so that re2js judges the rest; and the first class name Go refuses.
 */
function asRe2jsSees(pattern: string): { rewritten: string; classProblem?: Re2Problem } {
  let out = '';
  let classProblem: Re2Problem | undefined;
  let inClass = false;
  let names = 0;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === 'Q' && !inClass) {
        const end = pattern.indexOf('\\E', i + 2);
        const stop = end === -1 ? pattern.length : end + 2;
        out += pattern.slice(i, stop);
        i = stop;
        continue;
      }
      if (next === 'p' || next === 'P') {
        const braced = pattern[i + 2] === '{';
        const close = braced ? pattern.indexOf('}', i + 3) : -1;
        const name = braced ? (close === -1 ? undefined : pattern.slice(i + 3, close).replace(/^\^/, '')) : pattern[i + 2];
        const end = braced ? close + 1 : i + 3;
        if (name !== undefined && /^[\w -]+$/.test(name) && [...name].length >= 1) {
          if (!goAcceptsClassName(name)) classProblem ??= { position: i, message: `unknown Unicode class ${pattern.slice(i, end)}: Go's regular expressions do not know it` };
          out += `\\${next}L`;
          i = end;
          continue;
        }
      }
      out += pattern.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (inClass) {
      if (pattern.startsWith('[:', i)) {
        const end = pattern.indexOf(':]', i + 2);
        const stop = end === -1 ? i + 2 : end + 2;
        out += pattern.slice(i, stop);
        i = stop;
        continue;
      }
      if (c === ']') inClass = false;
      out += c;
      i += 1;
      continue;
    }
    if (c === '[') {
      inClass = true;
      let start = i + 1;
      if (pattern[start] === '^') start += 1;
      if (pattern[start] === ']') start += 1;
      out += pattern.slice(i, start);
      i = start;
      continue;
    }
    const group = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(pattern.slice(i, i + 80));
    if (c === '(' && group) {
      names += 1;
      out += `(?P<n${names}>`;
      i += group[0].length;
      continue;
    }
    out += c;
    i += 1;
  }
  return { rewritten: out, classProblem };
}

/** The scan that places problems whose only clue from the parser is the whole pattern. */
function handProblem(pattern: string): Re2Problem | undefined {
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
