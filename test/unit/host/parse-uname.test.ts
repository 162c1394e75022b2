import { describe, expect, it } from 'vitest';
import { parseUname } from '../../../shared/host/parse-uname.js';

describe('parseUname', () => {
  it('reads Linux and macOS', () => {
    expect(parseUname('Linux 6.1.0-18-arm64 aarch64\n')).toEqual({ kernel: 'Linux', release: '6.1.0-18-arm64', machine: 'aarch64' });
    expect(parseUname('Darwin 23.4.0 arm64\n')).toEqual({ kernel: 'Darwin', release: '23.4.0', machine: 'arm64' });
  });
  it('refuses other shapes', () => {
    expect(parseUname('Linux\n')).toBeUndefined();
  });
});
