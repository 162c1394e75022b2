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
