import { describe, expect, it } from 'vitest';
import { toolchainPlan } from '../../../shared/source/toolchain-plan.js';

// The same decisions hack/lib/golang.sh makes.
describe('toolchainPlan', () => {
  it('uses the local go when it is exactly .go-version', () => {
    expect(toolchainPlan({ goVersionFile: '1.26.8', localGo: 'go1.26.8' })).toMatchObject({ version: 'go1.26.8', action: 'local' });
  });
  it('says Go will download the version .go-version names otherwise', () => {
    expect(toolchainPlan({ goVersionFile: '1.26.8\n', localGo: 'go1.25.1' })).toMatchObject({ version: 'go1.26.8', action: 'download', note: expect.stringMatching(/GOTOOLCHAIN=go1\.26\.8/) });
  });
  it('respects an explicit GOTOOLCHAIN, and FORCE_HOST_GO', () => {
    expect(toolchainPlan({ goVersionFile: '1.26.8', localGo: 'go1.25.1', gotoolchain: 'local' })).toMatchObject({ action: 'env', version: 'local' });
    expect(toolchainPlan({ goVersionFile: '1.26.8', localGo: 'go1.25.1', gotoolchain: 'auto' }).action).toBe('download');
    expect(toolchainPlan({ goVersionFile: '1.26.8', localGo: 'go1.25.1', forceHostGo: 'y' })).toMatchObject({ action: 'local', note: expect.stringMatching(/although the tree asks for go1\.26\.8/) });
  });
  it('without .go-version or without go', () => {
    expect(toolchainPlan({ localGo: 'go1.26.8' }).action).toBe('unknown');
    expect(toolchainPlan({ goVersionFile: '1.26.8' }).action).toBe('download');
  });
});
