/**
 * How go.yaml.in/yaml/v3 (v3.0.4, the decoder kind v0.30–v0.32 load configs with, see kind's
 * pkg/internal/apis/config/encoding/load.go) reads one scalar, and what it then lets into a Go
 * string, int32 or bool field (decode.go `scalar`, resolve.go `resolve`). Our YAML parser gives the
 * scalar's text and style; the typing is decided here, as Go does it, not by YAML 1.2's core schema:
 * - quoted and block scalars, and `!!str`, are strings;
 * - a plain scalar is null (`~`, `null`, empty), a bool (`true`/`True`/`TRUE`, `false`…), a float
 *   (`.inf`, `.nan`, `1.5`, `1e3`), an int (Go's strconv.ParseInt with base prefix after removing
 *   `_`: `0x50`, `0o17`, `017` octal, `+5`; `0b101`), a timestamp (`2001-02-03`), else a string;
 * - a string field takes any scalar as its text; an int32 field an int in range or a float whose
 *   truncation is in range (`80.9` is 80); a bool field a bool or one of YAML 1.1's words
 *   (`yes`, `on`, `n`, …, also when quoted).
 */

export type GoScalar =
  | { tag: '!!null' }
  | { tag: '!!bool'; value: boolean }
  | { tag: '!!int'; value: bigint }
  | { tag: '!!float'; value: number }
  | { tag: '!!timestamp' }
  | { tag: '!!str'; value: string }
  /** An explicit tag yaml.v3 does not resolve (`!foo`, `!!seq` on a scalar…): the text, unresolved. */
  | { tag: 'other'; value: string }
  /** An explicit tag the text does not fit (`!!int abc`): yaml.v3 fails the whole decode. */
  | { tag: 'error'; message: string };

export type ScalarStyle = 'plain' | 'quoted' | 'block';

const longTagPrefix = 'tag:yaml.org,2002:';
const nulls = new Set(['', '~', 'null', 'Null', 'NULL']);
const trues = new Set(['true', 'True', 'TRUE']);
const falses = new Set(['false', 'False', 'FALSE']);
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const int64Min = -(1n << 63n);
const int64Max = (1n << 63n) - 1n;
const uint64Max = (1n << 64n) - 1n;

/** Go's strconv.ParseInt(s, 0, 64) / ParseUint(s, 0, 64): sign, base prefix (0x, 0o, 0b, 0), digits. */
function parseGoInt(text: string): bigint | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const [, sign, digits = ''] = match;
  let value: bigint;
  if (/^0[oO]/.test(digits)) value = BigInt(`0o${digits.slice(2)}`);
  else if (/^0[0-7]+$/.test(digits)) value = BigInt(`0o${digits.slice(1)}`);
  else value = BigInt(digits);
  if (sign === '-') value = -value;
  if (value < int64Min || value > uint64Max || (sign === '-' && value < int64Min)) return undefined;
  if (sign === '+' && value > int64Max) return undefined; // ParseInt fails and ParseUint refuses a sign
  return value;
}

/** Go's strconv.ParseFloat(s, 64) on text that already matched yaml.v3's float pattern or starts with '.'. */
function parseGoFloat(text: string): number | undefined {
  if (!/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return undefined;
  const value = Number(text);
  // Go reports overflow to ±Inf as an error (yaml.v3 then keeps the text as a string); underflow is not.
  return Number.isFinite(value) ? value : undefined;
}

function isTimestamp(text: string): boolean {
  // yaml.v3 tries Go time formats only when the text starts with four digits and a dash.
  if (!/^[0-9]{4}-/.test(text)) return false;
  const date = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})/.exec(text);
  if (!date) return false;
  const month = Number(date[2]);
  const day = Number(date[3]);
  const year = Number(date[1]);
  const daysIn = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > (daysIn[month - 1] ?? 0)) return false;
  const rest = text.slice(date[0].length);
  if (rest === '') return true;
  // "T"/"t"/" " then h:m:s with optional fraction; a zone only after T/t.
  const time = /^([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(\.[0-9]+)?(.*)$/.exec(rest);
  if (!time) return false;
  const [, sep, h, m, s, , zone = ''] = time;
  if (Number(h) > 23 || Number(m) > 59 || Number(s) > 59) return false;
  if (sep === ' ') return zone === '';
  return zone === 'Z' || /^[+-][0-9]{2}:[0-9]{2}$/.test(zone);
}

/** yaml.v3's resolve() of a plain scalar's text with no explicit tag. */
function resolvePlain(text: string): GoScalar {
  if (nulls.has(text)) return { tag: '!!null' };
  if (trues.has(text)) return { tag: '!!bool', value: true };
  if (falses.has(text)) return { tag: '!!bool', value: false };
  if (['.nan', '.NaN', '.NAN'].includes(text)) return { tag: '!!float', value: Number.NaN };
  if (['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].includes(text)) return { tag: '!!float', value: Number.POSITIVE_INFINITY };
  if (['-.inf', '-.Inf', '-.INF'].includes(text)) return { tag: '!!float', value: Number.NEGATIVE_INFINITY };
  const first = text[0] ?? '';
  if (first === '.') {
    const value = parseGoFloat(text);
    return value === undefined ? { tag: '!!str', value: text } : { tag: '!!float', value };
  }
  if (!/[-+0-9]/.test(first)) return { tag: '!!str', value: text };
  if (isTimestamp(text)) return { tag: '!!timestamp' };
  const plain = text.replaceAll('_', '');
  const int = parseGoInt(plain);
  if (int !== undefined) return { tag: '!!int', value: int };
  if (yamlStyleFloat.test(plain)) {
    const value = parseGoFloat(plain);
    if (value !== undefined) return { tag: '!!float', value };
  }
  // yaml.v3 reads "-0b101" and "-0o17" itself after Go's ParseInt refused them.
  const signedPrefixed = /^-0([bo])([0-9]+)$/.exec(plain);
  if (signedPrefixed) {
    const digits = signedPrefixed[2] ?? '';
    const base = signedPrefixed[1] === 'b' ? /^[01]+$/ : /^[0-7]+$/;
    if (base.test(digits)) {
      const value = -BigInt(`0${signedPrefixed[1]}${digits}`);
      if (value >= int64Min) return { tag: '!!int', value };
    }
  }
  return { tag: '!!str', value: text };
}

/**
 * One scalar as yaml.v3 resolves it: `text` is the scalar's content after YAML unquoting,
 * `tag` the explicit tag if one was written (long form "tag:yaml.org,2002:int" or "!foo").
 */
export function resolveGoScalar(text: string, style: ScalarStyle, tag?: string): GoScalar {
  // yaml.v3's parser treats the non-specific tag "!" as no tag at all (decode.go parser.node).
  const short = tag === '!' ? undefined : tag?.startsWith(longTagPrefix) ? `!!${tag.slice(longTagPrefix.length)}` : tag;
  if (short === '!!str' || (short === undefined && style !== 'plain')) return { tag: '!!str', value: text };
  if (short === '!!binary') {
    const compact = text.replace(/\s+/g, '');
    if (!/^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) return { tag: 'error', message: '!!binary value contains invalid base64 data' };
    return { tag: '!!str', value: new TextDecoder().decode(Uint8Array.from(atob(compact), (c) => c.charCodeAt(0))) };
  }
  if (short !== undefined && !['!!bool', '!!int', '!!float', '!!null', '!!timestamp'].includes(short)) return { tag: 'other', value: text };
  const resolved = resolvePlain(text);
  if (short === undefined || short === resolved.tag) return resolved;
  if (short === '!!float' && resolved.tag === '!!int') return { tag: '!!float', value: Number(resolved.value) };
  return { tag: 'error', message: `cannot decode ${resolved.tag} \`${text}\` as a ${short}` };
}

/** What a Go string field holds after decoding the scalar (yaml.v3 copies the scalar's text). */
export function goStringOf(scalar: GoScalar, text: string): string | undefined {
  if (scalar.tag === 'error') return undefined;
  return scalar.tag === '!!str' ? scalar.value : text;
}

/** A Go int32 field's value, or undefined where yaml.v3 reports "cannot unmarshal … into int32". */
export function goInt32Of(scalar: GoScalar): number | undefined {
  const fits = (v: bigint): boolean => v >= -(1n << 31n) && v < 1n << 31n;
  if (scalar.tag === '!!int') return fits(scalar.value) ? Number(scalar.value) : undefined;
  if (scalar.tag === '!!float') {
    const f = scalar.value;
    // yaml.v3: `f <= math.MaxInt64 && !OverflowInt(int64(f))`; NaN fails the comparison, and Go's
    // int64() of -Inf or of anything below -2^63 gives MinInt64, which overflows an int32.
    if (Number.isNaN(f) || f > 2 ** 63 || !Number.isFinite(f)) return undefined;
    const truncated = Math.trunc(f);
    return truncated >= -(2 ** 31) && truncated < 2 ** 31 ? truncated + 0 : undefined;
  }
  return undefined;
}

const yaml11True = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const yaml11False = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

/** A Go bool field's value, or undefined where yaml.v3 reports "cannot unmarshal … into bool". */
export function goBoolOf(scalar: GoScalar): boolean | undefined {
  if (scalar.tag === '!!bool') return scalar.value;
  if (scalar.tag === '!!str' || scalar.tag === 'other') {
    if (yaml11True.has(scalar.value)) return true;
    if (yaml11False.has(scalar.value)) return false;
  }
  return undefined;
}
