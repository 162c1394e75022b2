/** Packages compiled so far of those a build prints, and the last one. */
export interface CompileCount {
  done: number;
  total: number;
  last?: string;
}

/**
 * Counts the packages a Go build compiles from its output: with -v, `go build` prints each
 * package's import path on a line of its own as it compiles it (cached ones are not printed, so a
 * warm build ends below the total). Only the artefact's own packages count, each once; the
 * standard library and everything else the build prints are left out. Output arrives in chunks
 * that may split a line.
 */
export class CompileProgress {
  private readonly compiled = new Set<string>();
  private partial = '';
  private last: string | undefined;

  constructor(private readonly packages: ReadonlySet<string>) {}

  /** Reads a chunk of output; true when the count moved. */
  feed(text: string): boolean {
    const lines = (this.partial + text).split(/\r?\n|\r/);
    this.partial = lines.pop() ?? '';
    let moved = false;
    for (const line of lines) {
      const name = line.trim();
      if (this.packages.has(name) && !this.compiled.has(name)) {
        this.compiled.add(name);
        this.last = name;
        moved = true;
      }
    }
    return moved;
  }

  get count(): CompileCount {
    return { done: this.compiled.size, total: this.packages.size, ...(this.last ? { last: this.last } : {}) };
  }
}
