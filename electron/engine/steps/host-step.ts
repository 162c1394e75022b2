import os from 'node:os';
import type { DiskFacts, HostFacts } from '../../../shared/host/host-facts.js';
import { hostWarnings } from '../../../shared/host/host-warnings.js';
import { parseDfPosix } from '../../../shared/host/parse-df.js';
import { probeArch } from './probe-arch.js';
import type { Step, StepContext } from './step.js';

/** Step 1: what this machine is. Reads the kernel, not the (possibly translated) process. */
export class HostStep implements Step {
  readonly id = 'host';

  async execute(context: StepContext): Promise<void> {
    const { uname, arch } = await probeArch(context, context.electronTranslated);
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
}
