import { describe, expect, it } from 'vitest';
import { kindAssetUrl, kindBaseProblem, kindVersionProblem, parseSha256Sum, pinnedKindVersion } from '../../../shared/kind/kind-release.js';

describe('kind releases', () => {
  it('builds the asset URL for the hardware', () => {
    expect(kindAssetUrl('https://kind.sigs.k8s.io/dl/', 'v0.32.0', 'darwin', 'arm64')).toBe('https://kind.sigs.k8s.io/dl/v0.32.0/kind-darwin-arm64');
    expect(kindAssetUrl('https://mirror.example/kind', 'v0.32.0', 'win32', 'amd64')).toBe('https://mirror.example/kind/v0.32.0/kind-windows-amd64');
  });

  it('refuses /dl/latest/ with the reason, and what is not a URL', () => {
    expect(kindBaseProblem('https://kind.sigs.k8s.io/dl/latest')).toMatch(/CI-only builds/);
    expect(kindBaseProblem('https://kind.sigs.k8s.io/dl/latest/')).toMatch(/CI-only builds/);
    expect(kindBaseProblem('file:///tmp/kind')).toMatch(/Only http/);
    expect(kindBaseProblem('kind.sigs.k8s.io')).toMatch(/not a URL/);
    expect(kindBaseProblem('https://kind.sigs.k8s.io/dl')).toBeUndefined();
  });

  it('accepts release versions from the minimum on', () => {
    expect(kindVersionProblem(pinnedKindVersion)).toBeUndefined();
    expect(kindVersionProblem('v0.30.0')).toBeUndefined();
    expect(kindVersionProblem('v0.29.0')).toMatch(/older than/);
    expect(kindVersionProblem('0.32.0')).toMatch(/not a kind release version/);
    expect(kindVersionProblem('latest')).toMatch(/not a kind release version/);
  });

  it('reads shasum -a 256 output', () => {
    const digest = 'a'.repeat(64);
    expect(parseSha256Sum(`${digest}  kind-darwin-arm64\n`, 'kind-darwin-arm64')).toBe(digest);
    expect(parseSha256Sum(`${digest.toUpperCase()} *bin/kind-linux-amd64\n`, 'kind-linux-amd64')).toBe(digest);
    expect(parseSha256Sum(`${digest}  kind-linux-amd64\n`, 'kind-darwin-arm64')).toBeUndefined();
    expect(parseSha256Sum('<html>404</html>', 'kind-darwin-arm64')).toBeUndefined();
  });
});
