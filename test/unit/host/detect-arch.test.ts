import { describe, expect, it } from 'vitest';
import { detectLinuxArch, detectMacArch } from '../../../shared/host/detect-arch.js';
import { normalizeArch } from '../../../shared/host/normalize-arch.js';

// Recorded answers of `sysctl -n sysctl.proc_translated` and `sysctl -n hw.optional.arm64`:
// on Intel Macs both keys are unknown (sysctl exits 1, so the probe is undefined).
describe('detectMacArch', () => {
  it('Apple Silicon, native arm64 process', () => {
    expect(detectMacArch({ processArch: 'arm64', procTranslated: '0\n', optionalArm64: '1\n' })).toEqual({ hardwareArch: 'arm64', processArch: 'arm64', translated: false });
  });

  it('Apple Silicon, x64 process under Rosetta: uname would say x86_64, the hardware is still arm64', () => {
    expect(detectMacArch({ processArch: 'x64', procTranslated: '1\n', optionalArm64: '1\n' })).toEqual({ hardwareArch: 'arm64', processArch: 'amd64', translated: true });
  });

  it('trusts Electron when it says the app is translated', () => {
    expect(detectMacArch({ processArch: 'x64', electronTranslated: true, procTranslated: undefined, optionalArm64: undefined })).toMatchObject({ hardwareArch: 'arm64', translated: true });
  });

  it('Intel Mac: neither key exists', () => {
    expect(detectMacArch({ processArch: 'x64' })).toEqual({ hardwareArch: 'amd64', processArch: 'amd64', translated: false });
  });
});

describe('detectLinuxArch', () => {
  it('arm64 box', () => {
    expect(detectLinuxArch({ processArch: 'arm64', unameMachine: 'aarch64' })).toEqual({ hardwareArch: 'arm64', processArch: 'arm64', translated: false });
  });
  it('x86_64 box', () => {
    expect(detectLinuxArch({ processArch: 'x64', unameMachine: 'x86_64' })).toEqual({ hardwareArch: 'amd64', processArch: 'amd64', translated: false });
  });
  it('an x64 process emulated on arm64 hardware is flagged', () => {
    expect(detectLinuxArch({ processArch: 'x64', unameMachine: 'aarch64' }).translated).toBe(true);
  });
});

describe('normalizeArch', () => {
  it.each([
    ['x86_64', 'amd64'],
    ['x64', 'amd64'],
    ['aarch64', 'arm64'],
    ['ARM64', 'arm64'],
    ['armv7l', 'arm'],
    ['riscv64', 'riscv64'],
  ])('%s is %s', (raw, go) => {
    expect(normalizeArch(raw)).toBe(go);
  });
});
