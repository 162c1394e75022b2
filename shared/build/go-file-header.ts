/**
 * The part of a Go source file that `go list` reads to place it in the import graph: its build
 * constraints (`//go:build`, `// +build`), package clause, import declarations and `//go:embed`
 * directives, as one canonical text. Everything else (function bodies, declarations, ordinary
 * comments) can change without changing which package the file is in, what that package imports or
 * embeds, or whether the file is built at all. (cmd/go reads a file only up to the end of its import
 * block for imports: go/build's readGoInfo, "read the package clause and import declarations".)
 *
 * When the file imports "C", the comment before that import is cgo's preamble, which may hold
 * `#cgo` directives: the whole header is kept as it is. When the file cannot be read this way (it
 * is not Go, or an import block is not closed), the answer is the whole text, so any change counts.
 */
export function goFileHeader(text: string): string {
  const scan = new HeaderScanner(text);
  const header = scan.read();
  if (header === undefined) return `unreadable\n${text}`;
  const embeds = text.split('\n').filter((line) => /^\s*\/\/go:embed\s/.test(line)).map((line) => line.trim());
  return [...header, ...embeds].join('\n');
}

/** Reads tokens from the start of a Go file until the first one that is not a comment, the package clause or an import. */
class HeaderScanner {
  private at = 0;
  private readonly kept: string[] = [];
  private readonly comments: string[] = [];
  private importsC = false;

  constructor(private readonly text: string) {}

  read(): string[] | undefined {
    this.skipSpaceAndComments();
    if (!this.word('package')) return undefined;
    const name = this.identifier();
    if (!name) return undefined;
    this.kept.push(`package ${name}`);
    for (;;) {
      this.skipSpaceAndComments();
      if (this.text.startsWith(';', this.at)) {
        this.at++;
        continue;
      }
      if (!this.word('import')) break;
      this.skipSpaceAndComments();
      if (this.text.startsWith('(', this.at)) {
        this.at++;
        for (;;) {
          this.skipSpaceAndComments();
          if (this.at >= this.text.length) return undefined;
          if (this.text.startsWith(')', this.at)) {
            this.at++;
            break;
          }
          if (this.text.startsWith(';', this.at)) {
            this.at++;
            continue;
          }
          if (!this.importSpec()) return undefined;
        }
      } else if (!this.importSpec()) return undefined;
    }
    if (this.importsC) return [`cgo\n${this.text.slice(0, this.at)}`];
    return [...this.comments, ...this.kept];
  }

  /** One import: an optional name (identifier, "." or "_"), then the quoted path. */
  private importSpec(): boolean {
    let name = '';
    if (this.text.startsWith('.', this.at) || this.text.startsWith('_', this.at) && !/[\p{L}\p{N}_]/u.test(this.text[this.at + 1] ?? '')) {
      name = this.text[this.at] as string;
      this.at++;
    } else {
      name = this.identifier() ?? '';
    }
    this.skipSpaceAndComments();
    const quoted = /^("(?:[^"\\\n]|\\.)*"|`[^`]*`)/.exec(this.text.slice(this.at, this.at + 4096))?.[1];
    if (!quoted) return false;
    this.at += quoted.length;
    if (quoted === '"C"' || quoted === '`C`') this.importsC = true;
    this.kept.push(`import ${name ? `${name} ` : ''}${quoted}`);
    return true;
  }

  private word(word: string): boolean {
    if (!this.text.startsWith(word, this.at) || /[\p{L}\p{N}_]/u.test(this.text[this.at + word.length] ?? '')) return false;
    this.at += word.length;
    return true;
  }

  private identifier(): string | undefined {
    this.skipSpaceAndComments();
    const name = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(this.text.slice(this.at, this.at + 256))?.[0];
    if (name) this.at += name.length;
    return name;
  }

  /** Skips blanks and comments; keeps the build-constraint lines among them. */
  private skipSpaceAndComments(): void {
    for (;;) {
      const blank = /^\s+/.exec(this.text.slice(this.at, this.at + 65536))?.[0];
      if (blank) this.at += blank.length;
      if (this.text.startsWith('//', this.at)) {
        const end = this.text.indexOf('\n', this.at);
        const line = this.text.slice(this.at, end < 0 ? this.text.length : end).trimEnd();
        if (/^\/\/go:build\s|^\/\/ \+build\s/.test(line)) this.comments.push(line);
        this.at = end < 0 ? this.text.length : end + 1;
      } else if (this.text.startsWith('/*', this.at)) {
        const end = this.text.indexOf('*/', this.at + 2);
        this.at = end < 0 ? this.text.length : end + 2;
      } else if (!blank) {
        return;
      }
    }
  }
}
