import os from 'node:os';
import { detectLinuxArch, detectMacArch, type ArchVerdict } from '../../../shared/host/detect-arch.js';
import type { DiskFacts, HostFacts } from '../../../shared/host/host-facts.js';
import { hostWarnings } from '../../../shared/host/host-warnings.js';
import { parseDfPosix } from '../../../shared/host/parse-df.js';
import { parseUname } from '../../../shared/host/parse-uname.js';
import { AppError } from '../../../shared/errors/app-error.js';
import type { Step, StepContext } from './step.js';

export interface HostStepOptions {
  /** Electron's app.runningUnderARM64Translation, when running inside Electron on macOS. */
  electronTranslated?: boolean;
}

/** Step 1: what this machine is. Reads the kernel, not the (possibly translated) process. */
export class HostStep implements Step {
  readonly id = 'host';
  readonly title = 'Host';
  readonly summary = 'Operating system, CPU architecture of the hardware and of this process (Rosetta included), cores, memory and free disk.';

  constructor(private readonly options: HostStepOptions = {}) {}

  async execute(context: StepContext): Promise<void> {
    const unameOut = await context.run({ argv: ['uname', '-srm'] }, { terminal: 'pipe' });
    const uname = parseUname(unameOut.stdout);
    if (!uname) throw new AppError(`Expected "kernel release machine" from uname -srm, got: ${unameOut.stdout.trim()}`);

    const arch = process.platform === 'darwin' ? await this.macArch(context) : detectLinuxArch({ processArch: process.arch, unameMachine: uname.machine });
    const disks: DiskFacts[] = [];
    for (const dir of new Set([context.dataDir, context.homeDir])) {
      const df = await context.run({ argv: ['df', '-Pk', dir] }, { terminal: 'pipe' });
      const disk = parseDfPosix(df.stdout, dir);
      if (disk) disks.push(disk);
    }
    const memoryBytes = os.totalmem();
    const facts: HostFacts = {
      os: process.platform,
      osRelease: uname.release,
      ...arch,
      cores: os.availableParallelism(),
      memoryBytes,
      disks,
      warnings: hostWarnings(arch, memoryBytes, disks),
    };
    context.setResult({ kind: 'host', facts });
    context.print(`hardware ${facts.hardwareArch}, process ${facts.processArch}${facts.translated ? ' (translated)' : ''}, ${facts.cores} cores, ${(memoryBytes / 1024 ** 3).toFixed(1)} GiB memory`);
    for (const warning of facts.warnings) context.print(`warning: ${warning}`);
  }

  private async macArch(context: StepContext): Promise<ArchVerdict> {
    // Both keys are missing on Intel Macs; sysctl then exits 1, which is an answer, not a failure.
    const sysctl = async (key: string): Promise<string | undefined> => {
      const out = await context.run({ argv: ['sysctl', '-n', key] }, { terminal: 'pipe', acceptExitCodes: [0, 1] });
      return out.exitCode === 0 ? out.stdout : undefined;
    };
    return detectMacArch({
      processArch: process.arch,
      electronTranslated: this.options.electronTranslated,
      procTranslated: await sysctl('sysctl.proc_translated'),
      optionalArm64: await sysctl('hw.optional.arm64'),
    });
  }
}
