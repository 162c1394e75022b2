import type { ToolName } from './tool-report.js';

/** The argv that asks each tool for its version; the tool's path replaces the first element. */
export const versionArgv: Record<ToolName, string[]> = {
  docker: ['docker', 'version', '--format', '{{json .}}'],
  go: ['go', 'version'],
  git: ['git', '--version'],
  make: ['make', '--version'],
  bash: ['bash', '--version'],
  kubectl: ['kubectl', 'version', '--client', '--output=json'],
  kind: ['kind', 'version'],
};

export interface ParsedVersion {
  version: string;
  /** Extra facts some tools print: GNU or not (make), the platform the binary reports (go, kind, kubectl). */
  gnu?: boolean;
  platform?: string;
}

/** Reads the version out of what `versionArgv[tool]` printed; undefined when it is not recognisable. */
export function parseToolVersion(tool: ToolName, output: string): ParsedVersion | undefined {
  switch (tool) {
    case 'go': {
      const match = /go version (go[\w.+-]+) (\w+\/\w+)/.exec(output);
      return match ? { version: match[1] ?? '', platform: match[2] } : undefined;
    }
    case 'kind': {
      const match = /kind (v[\w.+-]+)(?: go[\w.]+)? (\w+\/\w+)/.exec(output);
      return match ? { version: match[1] ?? '', platform: match[2] } : undefined;
    }
    case 'git': {
      const match = /git version ([\w.]+)/.exec(output);
      return match ? { version: match[1] ?? '' } : undefined;
    }
    case 'make': {
      const gnu = /GNU Make ([\d.]+)/.exec(output);
      if (gnu) return { version: gnu[1] ?? '', gnu: true };
      return output.trim() ? { version: output.trim().split('\n')[0] ?? '', gnu: false } : undefined;
    }
    case 'bash': {
      const match = /version (\d+\.\d+(\.\d+)?)/.exec(output);
      return match ? { version: match[1] ?? '' } : undefined;
    }
    case 'kubectl': {
      try {
        const client = (JSON.parse(output) as { clientVersion?: { gitVersion?: string; platform?: string } }).clientVersion;
        return client?.gitVersion ? { version: client.gitVersion, platform: client.platform } : undefined;
      } catch {
        return undefined;
      }
    }
    case 'docker': {
      // `docker version --format '{{json .}}'` prints the client even when the server is down.
      const line = output.split('\n').find((l) => l.trim().startsWith('{'));
      if (!line) return undefined;
      try {
        const client = (JSON.parse(line) as { Client?: { Version?: string; Os?: string; Arch?: string } }).Client;
        return client?.Version ? { version: client.Version, platform: client.Os && client.Arch ? `${client.Os}/${client.Arch}` : undefined } : undefined;
      } catch {
        return undefined;
      }
    }
  }
}
