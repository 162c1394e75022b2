import type { ToolName } from './tool-report.js';

/** Where a fix command will be typed: macOS with Homebrew, or a Linux family by its package manager. */
export interface FixPlatform {
  os: string;
  arch: string;
  /** From /etc/os-release ID and ID_LIKE: debian (apt), fedora (dnf), arch (pacman), or unknown. */
  distro?: 'debian' | 'fedora' | 'arch' | 'unknown';
}

const brew: Record<ToolName, string> = {
  docker: 'brew install colima docker && colima start --cpu 4 --memory 8 --disk 100',
  go: 'brew install go',
  git: 'brew install git',
  make: 'brew install make   # then use gmake, or put $(brew --prefix make)/libexec/gnubin first on PATH',
  bash: 'brew install bash',
  kubectl: 'brew install kubectl',
  kind: 'use the Native kind step (or: brew install kind)',
};

const packages: Record<'debian' | 'fedora' | 'arch', Partial<Record<ToolName, string>>> = {
  debian: { docker: 'docker.io', git: 'git', make: 'make', bash: 'bash', kubectl: 'kubernetes-client', go: 'golang-go' },
  fedora: { docker: 'moby-engine', git: 'git', make: 'make', bash: 'bash', kubectl: 'kubernetes-client', go: 'golang' },
  arch: { docker: 'docker', git: 'git', make: 'make', bash: 'bash', kubectl: 'kubectl', go: 'go' },
};

const installers = { debian: 'sudo apt-get install -y', fedora: 'sudo dnf install -y', arch: 'sudo pacman -S --needed' } as const;

/** The command that installs `tool` natively on this platform. */
export function installCommand(tool: ToolName, platform: FixPlatform): string {
  if (tool === 'kind') return 'use the Native kind step (it downloads and verifies kind for this CPU)';
  if (platform.os === 'darwin') return brew[tool];
  if (tool === 'go') {
    // Distribution Go is often older than Kubernetes needs; the official tarball is what the k8s docs use.
    return `curl -fsSLO https://go.dev/dl/$(curl -fsSL 'https://go.dev/VERSION?m=text' | head -1).linux-${platform.arch}.tar.gz && sudo rm -rf /usr/local/go && sudo tar -C /usr/local -xzf go*.linux-${platform.arch}.tar.gz`;
  }
  if (tool === 'kubectl' && platform.distro !== 'arch') {
    return `curl -fsSLo kubectl "https://dl.k8s.io/release/$(curl -fsSL https://dl.k8s.io/release/stable.txt)/bin/linux/${platform.arch}/kubectl" && sudo install -m 0755 kubectl /usr/local/bin/kubectl`;
  }
  const distro = platform.distro;
  if (distro && distro !== 'unknown') {
    const name = packages[distro][tool];
    if (name) return `${installers[distro]} ${name}`;
  }
  return `install ${tool} with your distribution's package manager`;
}

/** The command that starts the Docker daemon for the engine in use. */
export function dockerStartCommand(platform: FixPlatform, engine?: string): string {
  if (platform.os === 'darwin') {
    if (engine === 'Docker Desktop') return 'open -a Docker';
    if (engine === 'OrbStack') return 'open -a OrbStack';
    return 'colima start --cpu 4 --memory 8 --disk 100   # or open Docker Desktop / OrbStack';
  }
  return 'sudo systemctl start docker   # and add yourself to the docker group: sudo usermod -aG docker $USER';
}

/** How to give the Docker VM more memory, per engine. */
export function dockerMemoryFix(platform: FixPlatform, engine?: string): string {
  if (engine === 'colima') return 'colima stop && colima start --cpu 4 --memory 8';
  if (engine === 'Docker Desktop') return 'Docker Desktop → Settings → Resources → Memory: 8 GB or more';
  if (engine === 'OrbStack') return 'orb config set memory_mib 8192';
  if (engine === 'podman') return 'podman machine stop && podman machine set --memory 8192 && podman machine start';
  return platform.os === 'darwin' ? 'give the Docker VM 8 GB of memory or more' : 'free memory on this machine (a source build needs about 8 GB)';
}
