import { detectLinuxArch, detectMacArch, type ArchVerdict } from '../../../shared/host/detect-arch.js';
import { parseUname, type UnameFacts } from '../../../shared/host/parse-uname.js';
import { AppError } from '../../../shared/errors/app-error.js';
import type { StepContext } from './step.js';

/**
 * Asks the kernel what the hardware is, through commands the step shows: `uname -srm`, and on
 * macOS the two sysctl keys that stay truthful under Rosetta.
 */
export async function probeArch(context: StepContext, electronTranslated?: boolean): Promise<{ uname: UnameFacts; arch: ArchVerdict }> {
  const unameOut = await context.run({ argv: ['uname', '-srm'] }, { terminal: 'pipe' });
  const uname = parseUname(unameOut.stdout);
  if (!uname) throw new AppError(`Expected "kernel release machine" from uname -srm, got: ${unameOut.stdout.trim()}`);
  if (process.platform !== 'darwin') return { uname, arch: detectLinuxArch({ processArch: process.arch, unameMachine: uname.machine }) };
  // Both keys are missing on Intel Macs; sysctl then exits 1, which is an answer, not a failure.
  const sysctl = async (key: string): Promise<string | undefined> => {
    const out = await context.run({ argv: ['sysctl', '-n', key] }, { terminal: 'pipe', acceptExitCodes: [0, 1] });
    return out.exitCode === 0 ? out.stdout : undefined;
  };
  const arch = detectMacArch({
    processArch: process.arch,
    electronTranslated,
    procTranslated: await sysctl('sysctl.proc_translated'),
    optionalArm64: await sysctl('hw.optional.arm64'),
  });
  return { uname, arch };
}
