import type { Arch } from './host-facts.js';
import { normalizeArch } from './normalize-arch.js';

export interface ArchVerdict {
  hardwareArch: Arch;
  processArch: Arch;
  translated: boolean;
}

export interface MacArchProbe {
  /** Node's `process.arch` of the engine process. */
  processArch: string;
  /** Electron's `app.runningUnderARM64Translation`, when the engine runs inside Electron. */
  electronTranslated?: boolean;
  /** stdout of `sysctl -n sysctl.proc_translated`; undefined when the key does not exist (Intel Macs). */
  procTranslated?: string;
  /** stdout of `sysctl -n hw.optional.arm64`; undefined when the key does not exist (Intel Macs). */
  optionalArm64?: string;
}

/**
 * On macOS a process translated by Rosetta sees an x86_64 world: `uname -m` says x86_64.
 * The kernel still tells the truth through sysctl, so the hardware is read from there.
 */
export function detectMacArch(probe: MacArchProbe): ArchVerdict {
  const processArch = normalizeArch(probe.processArch);
  const translated = probe.electronTranslated ?? probe.procTranslated?.trim() === '1';
  const armHardware = probe.optionalArm64?.trim() === '1' || translated || processArch === 'arm64';
  return { hardwareArch: armHardware ? 'arm64' : processArch, processArch, translated };
}

export interface LinuxArchProbe {
  processArch: string;
  /** The machine field of `uname -srm`. */
  unameMachine: string;
}

/** On Linux `uname -m` reports the kernel's machine, which is the hardware for every native process. */
export function detectLinuxArch(probe: LinuxArchProbe): ArchVerdict {
  const hardwareArch = normalizeArch(probe.unameMachine);
  const processArch = normalizeArch(probe.processArch);
  return { hardwareArch, processArch, translated: hardwareArch !== processArch };
}
