import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../../shared/output/strip-ansi.js';

describe('stripAnsi', () => {
  it('removes colours, cursor moves, links and two-character escapes', () => {
    expect(stripAnsi('\x1b[38;5;10m• [4.146 seconds]\x1b[0m')).toBe('• [4.146 seconds]');
    expect(stripAnsi('\x1b[1mbold\x1b[22m \x1b[2K\x1b[1Gline')).toBe('bold line');
    expect(stripAnsi('\x1b]8;;https://k8s.io\x07link\x1b]8;;\x1b\\ and \x1b]0;title\x1b\\done')).toBe('link and done');
    expect(stripAnsi('a\x1bMb\x1b7c\x1b(B\x1b[md')).toBe('abcd');
  });

  it('leaves plain text as it is', () => {
    const text = '[sig-node] Pods should get a host IP [NodeConformance] [Conformance] [sig-node, NodeConformance, Conformance]';
    expect(stripAnsi(text)).toBe(text);
    expect(stripAnsi('')).toBe('');
  });
});
