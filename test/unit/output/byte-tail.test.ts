import { describe, expect, it } from 'vitest';
import { ByteTail } from '../../../electron/engine/output/byte-tail.js';

describe('ByteTail: the last bytes of a command output, decoded when read', () => {
  it('keeps everything while it fits, in order', () => {
    const tail = new ByteTail(100);
    for (const piece of ['first ', 'second ', 'third']) tail.append(Buffer.from(piece));
    expect(tail.text()).toBe('first second third');
  });

  it('keeps exactly the last `limit` bytes of a flood, whatever the chunk sizes', () => {
    const tail = new ByteTail(1000);
    let all = '';
    for (let i = 0; i < 5000; i += 1) {
      const piece = `line ${i}\n`.repeat((i % 7) + 1);
      all += piece;
      tail.append(Buffer.from(piece));
    }
    expect(tail.text()).toBe(all.slice(-1000));
  });

  it('drops a character the window cuts through instead of showing it broken', () => {
    const tail = new ByteTail(5);
    // "é" is two bytes (c3 a9): the window "\xa9bcde" starts inside it.
    tail.append(Buffer.from('aébcde'));
    expect(tail.text()).toBe('bcde');
    const whole = new ByteTail(6);
    whole.append(Buffer.from('aébcde'));
    expect(whole.text()).toBe('ébcde');
  });

  it('decodes a character split across chunks', () => {
    const tail = new ByteTail(100);
    const bytes = Buffer.from('grüße');
    tail.append(bytes.subarray(0, 3));
    tail.append(bytes.subarray(3));
    expect(tail.text()).toBe('grüße');
  });
});
