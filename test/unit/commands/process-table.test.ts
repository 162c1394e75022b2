import { describe, expect, it } from 'vitest';
import { descendantsOf, parseProcessTable } from '../../../shared/commands/process-table.js';

describe('process table', () => {
  const table = parseProcessTable('    1     0\n  100     1\n  101   100\n  102   101\n  103   100\n  200     1\n junk line\n');

  it('reads pid and ppid columns and skips anything else', () => {
    expect(table).toHaveLength(6);
    expect(table[1]).toEqual({ pid: 100, ppid: 1 });
  });

  it('finds children before grandchildren, and nothing outside the tree', () => {
    expect(descendantsOf(table, 100)).toEqual([101, 103, 102]);
    expect(descendantsOf(table, 200)).toEqual([]);
  });
});
