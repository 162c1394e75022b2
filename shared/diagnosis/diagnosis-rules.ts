import { dockerStartCommand, type FixPlatform } from '../toolchain/fix-command.js';
import type { Diagnosis } from './diagnosis.js';

export interface DiagnosisRule {
  id: string;
  pattern: RegExp;
  explain(match: RegExpExecArray, platform: FixPlatform): Omit<Diagnosis, 'id'>;
}

const nativeHint = (platform: FixPlatform): string =>
  `Run the Toolchain step: it reads every tool's header and says which one is not ${platform.os}/${platform.arch}, with the command that installs the native build.`;

/** The failure signatures of the toolchain area: wrong-platform binaries and an absent Docker daemon. */
export const toolchainRules: DiagnosisRule[] = [
  {
    id: 'exec-format-error',
    pattern: /exec format error/i,
    explain: (_match, platform) => ({
      title: 'A binary was built for another OS or CPU',
      explanation:
        `The system refused to start a program because it is not a ${platform.os}/${platform.arch} executable. ` +
        'The usual cause is a Linux binary on macOS (e.g. a kind-linux-arm64 or a /dl/latest/…tgz from kind\'s CI downloads) or an amd64 binary on an arm64 Linux box.',
      fix: nativeHint(platform),
    }),
  },
  {
    id: 'bad-cpu-type',
    pattern: /bad CPU type in executable/i,
    explain: (_match, platform) => ({
      title: 'macOS cannot run this binary on this CPU',
      explanation: 'macOS reports "bad CPU type" for an executable built for a CPU this Mac cannot run (an x86_64 binary without Rosetta, or an arm64 binary on an Intel Mac).',
      fix: nativeHint(platform),
    }),
  },
  {
    id: 'cannot-execute-binary',
    pattern: /cannot execute binary file/i,
    explain: (_match, platform) => ({
      title: 'The shell cannot execute this binary',
      explanation: 'A shell tried to run a file built for another operating system (a Linux ELF on macOS, a Mach-O on Linux) or an archive saved under a binary\'s name.',
      fix: nativeHint(platform),
    }),
  },
  {
    id: 'docker-not-running',
    pattern: /Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|docker\.sock: connect: (no such file|connection refused)/i,
    explain: (_match, platform) => ({
      title: 'Docker is not running',
      explanation: 'The docker client found no daemon to talk to. kind runs every node as a Docker container, so nothing can be built or created until the engine is up.',
      fix: dockerStartCommand(platform),
    }),
  },
  {
    id: 'docker-default-platform',
    pattern: /does not match the (specified|detected host) platform|DOCKER_DEFAULT_PLATFORM/i,
    explain: (_match, platform) => ({
      title: 'An image or DOCKER_DEFAULT_PLATFORM is for a foreign platform',
      explanation: `An image or DOCKER_DEFAULT_PLATFORM names a platform other than the daemon's (linux/${platform.arch}); kind's images and containers then disagree on their platform and run emulated or fail.`,
      fix: 'unset DOCKER_DEFAULT_PLATFORM   # and remove it from your shell profile',
    }),
  },
  {
    id: 'emulated-node',
    pattern: /qemu: uncaught target signal/i,
    explain: (_match, platform) => ({
      title: 'A container ran under CPU emulation and crashed',
      explanation: `An image for another CPU ran under qemu emulation on ${platform.arch} and crashed. kind node images must match the host: build them with --arch ${platform.arch}.`,
      fix: nativeHint(platform),
    }),
  },
];
