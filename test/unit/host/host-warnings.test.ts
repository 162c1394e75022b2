import { describe, expect, it } from 'vitest';
import { hostWarnings, minimumFreeDiskBytes, minimumMemoryBytes } from '../../../shared/host/host-warnings.js';

const native = { hardwareArch: 'arm64', processArch: 'arm64', translated: false };
const disk = (freeBytes: number) => ({ path: '/Users/me', mountPoint: '/', totalBytes: 1e12, freeBytes });

describe('hostWarnings', () => {
  it('says nothing about a well-equipped native machine', () => {
    expect(hostWarnings(native, minimumMemoryBytes, [disk(minimumFreeDiskBytes)])).toEqual([]);
  });
  it('explains a translated process, low memory and low disk', () => {
    const warnings = hostWarnings({ hardwareArch: 'arm64', processArch: 'amd64', translated: true }, 4 * 1024 ** 3, [disk(10 * 1024 ** 3)]);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('amd64 on arm64 hardware');
    expect(warnings[1]).toContain('4.0 GiB of memory');
    expect(warnings[2]).toContain('10.0 GiB free on /');
  });
});
