import { RE2JS, RE2JSSyntaxException } from 're2js';
import { re2HandScan } from './re2-hand-scan.js';

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
    const hand = re2HandScan(pattern);
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
