// The few WHATWG globals shared/ uses, which both of its hosts provide: Node (the engine) and the
// renderer's browser page. shared/tsconfig.json has neither Node's types nor the DOM, so whatever is
// not declared here (fs, process, document, fetch, …) does not compile in shared/. Add a global here
// only if Node and browsers both have it. The root tsconfig.json excludes this file: there the real
// declarations from the DOM and @types/node apply.

interface URLSearchParams {
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string): boolean;
  toString(): string;
}

declare class URL {
  constructor(url: string | URL, base?: string | URL);
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  readonly searchParams: URLSearchParams;
  username: string;
  toString(): string;
  toJSON(): string;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

/** Base64 to a binary string (each char one byte), and back. */
declare function atob(data: string): string;
declare function btoa(data: string): string;
