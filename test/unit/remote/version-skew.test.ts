import { describe, expect, it } from 'vitest';
import { parseKubeVersion, skewWarning } from '../../../shared/remote/version-skew.js';

describe('parseKubeVersion', () => {
  it.each([
    ['v1.35.4', { major: 1, minor: 35, patch: 4 }],
    ['v1.35.4-gke.100', { major: 1, minor: 35, patch: 4 }],
    ['v1.36.0-alpha.1.123+abcdef', { major: 1, minor: 36, patch: 0 }],
    ['1.35', { major: 1, minor: 35, patch: 0 }],
    ['  v1.33.10+k3s1\n', { major: 1, minor: 33, patch: 10 }],
    ['v1.31.2-eks-7f9249a', { major: 1, minor: 31, patch: 2 }],
  ])('%s', (text, version) => {
    expect(parseKubeVersion(text)).toEqual(version);
  });

  it('gives undefined for what is not a version', () => {
    for (const text of ['', 'v1', 'latest', 'v1.x.3', 'Server Version: v1.35.4', '1.35.4.5']) expect(parseKubeVersion(text)).toBeUndefined();
  });
});

describe('skewWarning', () => {
  it('accepts the same minor or a scheduler one minor older', () => {
    expect(skewWarning('v1.35.4', 'v1.35.0')).toBeUndefined();
    expect(skewWarning('v1.35.0', 'v1.35.9-dirty')).toBeUndefined();
    expect(skewWarning('v1.35.4-gke.100', 'v1.34.2')).toBeUndefined();
  });

  it('warns when the scheduler is newer than the API server', () => {
    const warning = skewWarning('v1.35.4-gke.100', 'v1.36.0-alpha.1.123+abcdef');
    expect(warning).toMatch(/v1\.36\) is newer than the API server \(v1\.35\)/);
  });

  it('warns when the scheduler is more than one minor older', () => {
    expect(skewWarning('v1.35.1', 'v1.33.5')).toMatch(/2 minor versions older than the API server \(v1\.35\)/);
  });

  it('warns when the majors differ', () => {
    expect(skewWarning('v2.0.0', 'v1.35.0')).toMatch(/different major versions/);
  });

  it('says nothing when a version cannot be read', () => {
    expect(skewWarning('', 'v1.36.0')).toBeUndefined();
    expect(skewWarning('v1.30.0', 'unknown')).toBeUndefined();
  });
});
