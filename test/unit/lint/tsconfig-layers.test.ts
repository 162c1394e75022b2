import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

// shared/tsconfig.json and renderer/tsconfig.json carry no Node types (and shared/ no DOM), so the
// compiler refuses what the layering lint refuses. Each probe is a file compiled (in memory, at a
// path inside the folder) with the folder's tsconfig, and again with the root tsconfig.json, which
// has Node and the DOM: a refused probe must compile there, so it is the folder's tsconfig that refuses it.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface Probe {
  what: string;
  code: string;
  /** The TypeScript error code the folder's tsconfig gives; undefined: it must compile. */
  refusedWith?: number;
}

const cannotFindModule = 2307;
const cannotFindName = 2304;
const cannotFindNodeName = 2591; // "Cannot find name 'process'. Do you need to install type definitions for node? …"
const cannotFindDomName = 2584; // "Cannot find name 'document'. … include 'dom'."
const notOnGlobalThis = 7017; // "Element implicitly has an 'any' type because type 'typeof globalThis' has no index signature."

const folders: Array<{ tsconfig: string; dir: string; probes: Probe[] }> = [
  {
    tsconfig: 'shared/tsconfig.json',
    dir: 'shared/host',
    probes: [
      { what: 'node:fs', code: "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", refusedWith: cannotFindModule },
      { what: 'zlib', code: "import { gzipSync } from 'zlib';\nexport const a = gzipSync;\n", refusedWith: cannotFindModule },
      { what: 'process', code: 'export const cwd = process.cwd();\n', refusedWith: cannotFindNodeName },
      { what: 'Buffer', code: "export const b = Buffer.from('a');\n", refusedWith: cannotFindNodeName },
      { what: 'globalThis.process', code: 'export const p = globalThis.process;\n', refusedWith: notOnGlobalThis },
      { what: 'document', code: 'export const title = document.title;\n', refusedWith: cannotFindDomName },
      { what: 'window', code: 'export const href = window.location.href;\n', refusedWith: cannotFindName },
      {
        what: 'zod, yaml, URL, TextDecoder and shared/ files',
        code: "import { z } from 'zod';\nimport YAML from 'yaml';\nimport { AppError } from '../errors/app-error.js';\nexport const a = [z.string(), YAML.parse('a: 1'), AppError];\nexport const host: string = new URL('/x', 'https://go.dev').hostname;\nexport const text: string = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([104]));\n",
      },
    ],
  },
  {
    tsconfig: 'renderer/tsconfig.json',
    dir: 'renderer/src/components',
    probes: [
      { what: 'node:path', code: "import path from 'node:path';\nexport const a = path;\n", refusedWith: cannotFindModule },
      { what: 'process', code: 'export const env = process.env;\n', refusedWith: cannotFindNodeName },
      { what: 'Buffer', code: "export const b = Buffer.from('a');\n", refusedWith: cannotFindNodeName },
      { what: 'require', code: "export const fs: unknown = require('fs');\n", refusedWith: cannotFindNodeName },
      {
        what: 'the DOM, react, zustand and shared/',
        code: "import { useState } from 'react';\nimport { create } from 'zustand';\nimport { AppError } from '../../../shared/errors/app-error.js';\nexport const a = [useState, create, AppError, document.title, window.setTimeout(() => undefined, 1)];\n",
      },
    ],
  },
];

// Library and package declarations parsed once for all the programs below (they are the slow part).
const parsedFiles = new Map<string, ts.SourceFile>();

/** Compiles the probes as files at `dir/__probe_N__.ts` with `tsconfig`; answers each one's error codes. */
function compile(tsconfig: string, dir: string, probes: Probe[]): number[][] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, tsconfig), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`${tsconfig} could not be read`);
  const files = new Map(probes.map((probe, index) => [path.join(root, dir, `__probe_${index}__.ts`), probe.code]));
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, ...rest) => {
    const code = files.get(name);
    if (code !== undefined) return ts.createSourceFile(name, code, languageVersion);
    const cached = parsedFiles.get(name);
    if (cached) return cached;
    const file = getSourceFile(name, languageVersion, ...rest);
    if (file) parsedFiles.set(name, file);
    return file;
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  // The folder's own declaration files (shared/host-globals.d.ts) come with its tsconfig.
  const declarations = parsed.fileNames.filter((name) => name.endsWith('.d.ts'));
  const program = ts.createProgram({ rootNames: [...files.keys(), ...declarations], options: { ...parsed.options, noEmit: true }, host });
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  if (global.length > 0) throw new Error(ts.formatDiagnostics(global, host));
  return [...files.keys()].map((name) => ts.getPreEmitDiagnostics(program, program.getSourceFile(name)).map((diagnostic) => diagnostic.code));
}

describe.each(folders)('$tsconfig', ({ tsconfig, dir, probes }) => {
  let own: number[][] = [];
  let withNodeAndDom: number[][] = [];
  beforeAll(() => {
    own = compile(tsconfig, dir, probes);
    withNodeAndDom = compile('tsconfig.json', dir, probes);
  }, 180_000);

  it.each(probes.map((probe, index) => [probe.what, probe, index] as const))('%s', (_what, probe, index) => {
    if (probe.refusedWith === undefined) expect(own[index]).toEqual([]);
    else expect(own[index]).toEqual([probe.refusedWith]);
    // The root tsconfig (Node types and the DOM) accepts every probe: the folder's tsconfig is what refuses it.
    expect(withNodeAndDom[index]).toEqual([]);
  });
});
