export interface UnameFacts {
  kernel: string;
  release: string;
  machine: string;
}

/** Reads `uname -srm`: kernel name, release and machine, separated by blanks. */
export function parseUname(stdout: string): UnameFacts | undefined {
  const fields = stdout.trim().split(/\s+/);
  if (fields.length !== 3) return undefined;
  const [kernel, release, machine] = fields as [string, string, string];
  return { kernel, release, machine };
}
