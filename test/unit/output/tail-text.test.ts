import { describe, expect, it } from 'vitest';
import { tailLines } from '../../../shared/output/tail-lines.js';
import { TailText } from '../../../shared/output/tail-text.js';

describe('TailText', () => {
  it('keeps everything below its limit', () => {
    const tail = new TailText(10);
    tail.append('abc');
    tail.append('def');
    expect(tail.snapshot()).toEqual({ text: 'abcdef', omitted: 0 });
  });
  it('keeps the last characters and counts the rest', () => {
    const tail = new TailText(4);
    for (const part of ['abc', 'def', 'ghi']) tail.append(part);
    expect(tail.snapshot()).toEqual({ text: 'fghi', omitted: 5 });
  });
});

describe('tailLines', () => {
  it('takes the last non-empty lines', () => {
    expect(tailLines('a\n\nb\r\nc\n\n', 2)).toBe('b\nc');
  });
  it('bounds the characters', () => {
    expect(tailLines('x'.repeat(100), 5, 10)).toBe('x'.repeat(10));
  });
});

describe('TailText against a plain string', () => {
  it('keeps exactly the last characters for any mix of piece sizes', () => {
    for (const limit of [0, 1, 7, 100, 5000]) {
      const tail = new TailText(limit);
      let all = '';
      let seed = limit + 1;
      // Tiny pieces (more than the tail keeps apart), pieces larger than the limit, and empty ones.
      for (let i = 0; i < 3000; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const size = i % 500 === 0 ? limit * 2 + 3 : seed % 9;
        const piece = String.fromCharCode(97 + (i % 26)).repeat(size);
        tail.append(piece);
        all += piece;
        if (i % 97 === 0 || i === 2999) {
          const kept = all.slice(Math.max(0, all.length - limit));
          expect(tail.snapshot()).toEqual({ text: kept, omitted: all.length - kept.length });
        }
      }
    }
  });
});
