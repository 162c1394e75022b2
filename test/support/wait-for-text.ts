import { tailOf } from './tail-of.js';
import { waitFor, type WaitOptions } from './wait-for.js';

/** One thing some output must show: a literal piece of text or a pattern. */
export type Expected = string | RegExp;

const found = (text: string, expected: Expected): boolean => (typeof expected === 'string' ? text.includes(expected) : text.search(expected) >= 0);
const label = (expected: Expected): string => (typeof expected === 'string' ? JSON.stringify(expected) : String(expected));

/**
 * Waits until the output `read` returns shows every one of `expected` (all of what the test will
 * then assert), and returns that output. On timeout it says which were missing and shows the last
 * 2 KB of what arrived.
 */
export async function waitForText(read: () => string, expected: Expected | Expected[], what: string, options: number | Omit<WaitOptions, 'describe'> = {}): Promise<string> {
  const all = Array.isArray(expected) ? expected : [expected];
  const tuned = typeof options === 'number' ? { timeoutMs: options } : options;
  return waitFor(
    () => {
      const text = read();
      return all.every((one) => found(text, one)) && text;
    },
    what,
    {
      ...tuned,
      describe: () => {
        const text = read();
        const missing = all.filter((one) => !found(text, one)).map(label);
        return `still missing ${missing.join(', ') || '(nothing: it arrived just now)'}; the output ends with:\n${tailOf(text)}`;
      },
    },
  );
}
