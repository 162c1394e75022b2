import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { moduleLayers } from '../../../eslint-rules/module-layers.js';
import { noShellCommand } from '../../../eslint-rules/no-shell-command.js';

// The project's own eslint.config.js, run through ESLint's Node API on snippets placed (by name) in
// each folder. Every probe must be refused by the rule it names, and must lint clean with only that
// rule turned off: so each probe shows a hole that rule, and nothing else, closes.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const overrideConfigFile = path.join(root, 'eslint.config.js');
const linters = new Map<string, ESLint>();

function linter(rulesOff: string[]): ESLint {
  const key = rulesOff.join(' ');
  let eslint = linters.get(key);
  if (!eslint) {
    const rules = Object.fromEntries(rulesOff.map((rule) => [rule, 'off' as const]));
    eslint = new ESLint({ cwd: root, overrideConfigFile, ...(rulesOff.length > 0 ? { overrideConfig: { rules } } : {}) });
    linters.set(key, eslint);
  }
  return eslint;
}

/** Lints `code` as if it were the file at `file` (relative to the repository), with `rulesOff` turned off. */
async function lint(file: string, code: string, rulesOff: string[] = []): Promise<Linter.LintMessage[]> {
  const [result] = await linter(rulesOff).lintText(code, { filePath: path.join(root, file) });
  return result?.messages ?? [];
}

const describeMessages = (messages: Linter.LintMessage[]) => messages.map((m) => `${m.ruleId ?? 'parse-error'}: ${m.message}`).join('\n') || '(no messages)';

type Rule = 'studio/module-layers' | 'studio/no-shell-command' | 'no-restricted-globals' | 'no-restricted-syntax';
interface Probe {
  hole: string;
  file: string;
  code: string;
  rule: Rule;
  /** A rule of typescript-eslint's that refuses this form too: the probe runs with it off, so it shows what our rule alone does. */
  alsoRefusedBy?: string;
}

const probes: Probe[] = [
  // Node builtins, from node:module's builtinModules, with and without node:, subpaths too.
  { hole: 'zlib in shared/', file: 'shared/host/x.ts', code: "import { gzipSync } from 'zlib';\nexport const a = gzipSync;\n", rule: 'studio/module-layers' },
  { hole: 'node:dns in shared/', file: 'shared/host/x.ts', code: "import dns from 'node:dns';\nexport const a = dns;\n", rule: 'studio/module-layers' },
  { hole: 'a builtin subpath (dns/promises) in shared/', file: 'shared/host/x.ts', code: "import { lookup } from 'dns/promises';\nexport const a = lookup;\n", rule: 'studio/module-layers' },
  { hole: 'a scheme-only builtin (node:test) in shared/', file: 'shared/host/x.ts', code: "import { test } from 'node:test';\nexport const a = test;\n", rule: 'studio/module-layers' },
  { hole: 'a rarely listed builtin (v8) in renderer/', file: 'renderer/src/x.ts', code: "import v8 from 'v8';\nexport const a = v8;\n", rule: 'studio/module-layers' },
  { hole: 'node:fs in shared/', file: 'shared/host/x.ts', code: "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", rule: 'studio/module-layers' },
  { hole: 'node:path in renderer/', file: 'renderer/src/x.ts', code: "import path from 'node:path';\nexport const a = path;\n", rule: 'studio/module-layers' },
  // Every way of naming a module.
  { hole: "dynamic import('node:fs') in shared/", file: 'shared/host/x.ts', code: "export const load = () => import('node:fs');\n", rule: 'studio/module-layers' },
  { hole: 'dynamic import of a template literal in renderer/', file: 'renderer/src/x.ts', code: 'export const load = () => import(`node:child_process`);\n', rule: 'studio/module-layers' },
  { hole: 'a computed dynamic import in shared/', file: 'shared/host/x.ts', code: "const name = 'node:' + 'fs';\nexport const load = () => import(name);\n", rule: 'studio/module-layers' },
  { hole: "require('fs') in shared/", file: 'shared/host/x.ts', code: "declare const require: (id: string) => unknown;\nexport const fs = require('fs');\n", rule: 'studio/module-layers' },
  { hole: "a type from import('node:fs') in shared/", file: 'shared/host/x.ts', code: "export type Fs = typeof import('node:fs');\n", rule: 'studio/module-layers', alsoRefusedBy: '@typescript-eslint/consistent-type-imports' },
  { hole: 'import = require() of os in shared/', file: 'shared/host/x.ts', code: "import os = require('os');\nexport const a = os;\n", rule: 'studio/module-layers', alsoRefusedBy: '@typescript-eslint/no-require-imports' },
  { hole: 're-exporting node:os from shared/', file: 'shared/host/x.ts', code: "export * from 'node:os';\n", rule: 'studio/module-layers' },
  { hole: 'a named re-export of crypto from renderer/', file: 'renderer/src/x.ts', code: "export { randomUUID } from 'crypto';\n", rule: 'studio/module-layers' },
  { hole: 'a reference to Node types in shared/', file: 'shared/host/x.ts', code: '/// <reference types="node" />\nexport const a = 1;\n', rule: 'studio/module-layers' },
  { hole: 'a reference to the DOM lib in shared/', file: 'shared/host/x.ts', code: '/// <reference lib="dom" />\nexport const a = 1;\n', rule: 'studio/module-layers' },
  // npm packages: deny by default.
  { hole: 'an unlisted package (lodash) in shared/', file: 'shared/host/x.ts', code: "import lodash from 'lodash';\nexport const a = lodash;\n", rule: 'studio/module-layers' },
  { hole: 'react in shared/', file: 'shared/host/x.ts', code: "import { useState } from 'react';\nexport const a = useState;\n", rule: 'studio/module-layers' },
  { hole: 'zustand in shared/', file: 'shared/host/x.ts', code: "import { create } from 'zustand';\nexport const a = create;\n", rule: 'studio/module-layers' },
  { hole: 'electron in shared/', file: 'shared/host/x.ts', code: "import { app } from 'electron';\nexport const a = app;\n", rule: 'studio/module-layers' },
  { hole: 'execa in shared/', file: 'shared/host/x.ts', code: "import { execa } from 'execa';\nexport const a = execa;\n", rule: 'studio/module-layers' },
  { hole: 'an unlisted package (axios) in renderer/', file: 'renderer/src/x.ts', code: "import axios from 'axios';\nexport const a = axios;\n", rule: 'studio/module-layers' },
  { hole: 'node-pty in renderer/', file: 'renderer/src/x.ts', code: "import { spawn } from 'node-pty';\nexport const a = spawn;\n", rule: 'studio/module-layers' },
  { hole: 'an unlisted package (lodash) in the engine', file: 'electron/engine/x.ts', code: "import lodash from 'lodash';\nexport const a = lodash;\n", rule: 'studio/module-layers' },
  // Files outside the layer.
  { hole: 'the engine from renderer/', file: 'renderer/src/x.ts', code: "import { Engine } from '../../electron/engine/engine.js';\nexport const a = Engine;\n", rule: 'studio/module-layers' },
  { hole: 'the renderer from shared/', file: 'shared/host/x.ts', code: "import { App } from '../../renderer/src/components/App.js';\nexport const a = App;\n", rule: 'studio/module-layers' },
  { hole: 'the renderer from the engine', file: 'electron/engine/x.ts', code: "import { App } from '../../renderer/src/components/App.js';\nexport const a = App;\n", rule: 'studio/module-layers' },
  // Electron and process runners by folder.
  { hole: 'electron in the engine', file: 'electron/engine/x.ts', code: "import { app } from 'electron';\nexport const a = app;\n", rule: 'studio/module-layers' },
  { hole: 'execa in the engine outside exec/', file: 'electron/engine/e2e/x.ts', code: "import { execa } from 'execa';\nexport const a = execa;\n", rule: 'studio/module-layers' },
  { hole: 'node-pty in the engine outside exec/', file: 'electron/engine/shell/x.ts', code: "import { spawn } from 'node-pty';\nexport const a = spawn;\n", rule: 'studio/module-layers' },
  { hole: 'child_process in the engine outside exec/', file: 'electron/engine/tools/x.ts', code: "import { spawn } from 'child_process';\nexport const a = spawn;\n", rule: 'studio/module-layers' },
  { hole: "dynamic import('execa') in the engine outside exec/", file: 'electron/engine/remote/x.ts', code: "export const load = () => import('execa');\n", rule: 'studio/module-layers' },
  { hole: 'execa in browser mode', file: 'electron/web/x.ts', code: "import { execa } from 'execa';\nexport const a = execa;\n", rule: 'studio/module-layers' },
  { hole: 'execa in the Electron shell', file: 'electron/main/x.ts', code: "import { execa } from 'execa';\nexport const a = execa;\n", rule: 'studio/module-layers' },
  { hole: 'child_process in the preload', file: 'electron/preload/x.ts', code: "import { spawn } from 'node:child_process';\nexport const a = spawn;\n", rule: 'studio/module-layers' },
  // Node globals, also through globalThis and window.
  { hole: 'process in shared/', file: 'shared/host/x.ts', code: 'export const cwd = process.cwd();\n', rule: 'no-restricted-globals' },
  { hole: 'Buffer in renderer/', file: 'renderer/src/x.ts', code: "export const b = Buffer.from('a');\n", rule: 'no-restricted-globals' },
  { hole: 'globalThis.process in shared/', file: 'shared/host/x.ts', code: 'export const env = (globalThis as unknown as { process: { env: unknown } }).process.env;\nexport const argv = globalThis.process;\n', rule: 'no-restricted-syntax' },
  { hole: 'globalThis.require in renderer/', file: 'renderer/src/x.ts', code: "export const fs = globalThis.require('fs');\n", rule: 'no-restricted-syntax' },
  { hole: 'window.process in renderer/', file: 'renderer/src/x.ts', code: 'export const env = window.process.env;\n', rule: 'no-restricted-syntax' },
  { hole: "globalThis['process'] in shared/", file: 'shared/host/x.ts', code: "export const p = globalThis['process'];\n", rule: 'no-restricted-syntax' },
  { hole: 'process taken apart from globalThis in renderer/', file: 'renderer/src/x.ts', code: 'const { process: host } = globalThis;\nexport const p = host;\n', rule: 'no-restricted-syntax' },
  // Commands that reach a shell, everywhere (probes sit in exec/, where child_process and execa may be imported).
  { hole: 'exec() called plainly', file: 'electron/engine/exec/x.ts', code: "declare function exec(command: string): void;\nexec('ls -la');\n", rule: 'studio/no-shell-command' },
  { hole: 'cp.exec() on a child_process namespace', file: 'electron/engine/exec/x.ts', code: "import * as cp from 'node:child_process';\nexport const run = () => cp.exec('ls -la');\n", rule: 'studio/no-shell-command' },
  { hole: 'cp.execSync() on a default import', file: 'electron/engine/exec/x.ts', code: "import cp from 'child_process';\nexport const run = () => cp.execSync('ls -la');\n", rule: 'studio/no-shell-command' },
  { hole: "cp['exec'] passed around", file: 'electron/engine/exec/x.ts', code: "import * as cp from 'node:child_process';\nimport { promisify } from 'node:util';\nexport const run = promisify(cp['exec']);\n", rule: 'studio/no-shell-command' },
  { hole: 'exec imported under another name', file: 'electron/engine/exec/x.ts', code: "import { exec as run } from 'node:child_process';\nexport const go = () => run('ls');\n", rule: 'studio/no-shell-command' },
  { hole: "require('child_process').exec()", file: 'electron/engine/exec/x.ts', code: "declare const require: (id: string) => { exec(c: string): void };\nrequire('child_process').exec('ls');\n", rule: 'studio/no-shell-command' },
  { hole: 'execSync taken from a dynamic import', file: 'electron/engine/exec/x.ts', code: "export async function go(): Promise<void> {\n  const { execSync: run } = await import('node:child_process');\n  run('ls');\n}\n", rule: 'studio/no-shell-command' },
  { hole: "shell: '/bin/sh' in spawn's options", file: 'electron/engine/exec/x.ts', code: "import { spawn } from 'node:child_process';\nspawn('ls', ['-la'], { shell: '/bin/sh' });\n", rule: 'studio/no-shell-command' },
  { hole: 'shell: true in spawn options', file: 'electron/engine/exec/x.ts', code: "import { spawn } from 'node:child_process';\nspawn('ls', [], { shell: true });\n", rule: 'studio/no-shell-command' },
  { hole: 'shell: true in an options object kept aside', file: 'electron/engine/exec/x.ts', code: 'export const options = { cwd: "/", shell: true };\n', rule: 'studio/no-shell-command' },
  { hole: "shell: 'bash' in an options object kept aside", file: 'electron/engine/exec/x.ts', code: "export const options = { shell: 'bash' };\n", rule: 'studio/no-shell-command' },
  { hole: 'a shell option from a variable, in options kept apart from the call', file: 'electron/engine/exec/x.ts', code: "import { spawn } from 'node:child_process';\nconst options = { shell: process.env.SHELL };\nexport const p = spawn('ls', [], options);\n", rule: 'studio/no-shell-command' },
  { hole: 'a computed shell option passed to execa', file: 'electron/engine/exec/x.ts', code: "import { execa } from 'execa';\ndeclare const which: string;\nexport const p = execa('ls', [], { shell: which });\n", rule: 'studio/no-shell-command' },
  { hole: 'execa bound to a shell', file: 'electron/engine/exec/x.ts', code: "import { execa as run } from 'execa';\nexport const bound = run({ shell: process.env.SHELL });\n", rule: 'studio/no-shell-command' },
  { hole: "execa('sh', ['-c', …])", file: 'electron/engine/exec/x.ts', code: "import { execa } from 'execa';\nexport const p = execa('sh', ['-c', 'ls -la']);\n", rule: 'studio/no-shell-command' },
  { hole: "execa('/bin/bash', ['-lc', …])", file: 'electron/engine/exec/x.ts', code: "import { execa } from 'execa';\nexport const p = execa('/bin/bash', ['-lc', 'ls -la']);\n", rule: 'studio/no-shell-command' },
  { hole: "spawn('zsh', ['-e', '-c', …])", file: 'electron/engine/exec/x.ts', code: "import { spawn } from 'node:child_process';\nexport const p = spawn('zsh', ['-e', '-c', 'ls -la']);\n", rule: 'studio/no-shell-command' },
  { hole: "an argv array ['/bin/sh', '-c', …]", file: 'electron/engine/x.ts', code: "export const argv = ['/bin/sh', '-c', 'ls -la'];\n", rule: 'studio/no-shell-command' },
  { hole: "an argv array ['env', 'bash', '-c', …]", file: 'electron/engine/x.ts', code: "export const argv = ['env', 'bash', '-c', 'ls -la'];\n", rule: 'studio/no-shell-command' },
  { hole: 'execaCommand', file: 'electron/engine/exec/x.ts', code: "import { execaCommand } from 'execa';\nexport const p = execaCommand('ls -la');\n", rule: 'studio/no-shell-command' },
  { hole: 'execaCommandSync', file: 'electron/engine/exec/x.ts', code: "import { execaCommandSync as run } from 'execa';\nexport const p = run('ls -la');\n", rule: 'studio/no-shell-command' },
  { hole: "execa's $", file: 'electron/engine/exec/x.ts', code: "import { $ } from 'execa';\nexport const p = $`ls -la`;\n", rule: 'studio/no-shell-command' },
  { hole: 'parseCommandString', file: 'electron/engine/exec/x.ts', code: "import { parseCommandString } from 'execa';\nexport const argv = parseCommandString('ls -la');\n", rule: 'studio/no-shell-command' },
  { hole: '$ through a namespace import', file: 'electron/engine/exec/x.ts', code: "import * as run from 'execa';\nexport const p = run.$`ls -la`;\n", rule: 'studio/no-shell-command' },
  { hole: 'execaCommand from a dynamic import', file: 'electron/engine/exec/x.ts', code: "export async function go(): Promise<unknown> {\n  const { execaCommand: run } = await import('execa');\n  return run('ls -la');\n}\n", rule: 'studio/no-shell-command' },
  { hole: 'execa as a template tag', file: 'electron/engine/exec/x.ts', code: "import { execa } from 'execa';\nexport const p = execa`ls -la`;\n", rule: 'studio/no-shell-command' },
  { hole: 'execa bound to options, as a template tag', file: 'electron/engine/exec/x.ts', code: "import { execa } from 'execa';\nexport const p = execa({ cwd: '/' })`ls -la`;\n", rule: 'studio/no-shell-command' },
  { hole: 'a shell string in a test, too', file: 'test/support/x.ts', code: "import { execa } from 'execa';\nexport const p = execa('sh', ['-c', 'ls -la']);\n", rule: 'studio/no-shell-command' },
];

describe('the layering lint refuses', () => {
  it.each(probes.map((probe) => [probe.hole, probe] as const))('%s', async (_hole, probe) => {
    const others = probe.alsoRefusedBy ? [probe.alsoRefusedBy] : [];
    const messages = await lint(probe.file, probe.code, others);
    expect(messages.map((m) => m.ruleId), describeMessages(messages)).toContain(probe.rule);
    expect(messages.filter((m) => m.ruleId !== probe.rule), describeMessages(messages)).toEqual([]);
    const withoutRule = await lint(probe.file, probe.code, [...others, probe.rule]);
    expect(withoutRule, `with ${probe.rule} off:\n${describeMessages(withoutRule)}`).toEqual([]);
    if (probe.alsoRefusedBy) expect((await lint(probe.file, probe.code, [probe.rule])).map((m) => m.ruleId)).toEqual([probe.alsoRefusedBy]);
  });

  it('with a probe for every message the two studio rules can give', async () => {
    const seen = new Set<string>();
    for (const probe of probes) for (const message of await lint(probe.file, probe.code, probe.alsoRefusedBy ? [probe.alsoRefusedBy] : [])) if (message.messageId) seen.add(`${message.ruleId}:${message.messageId}`);
    const all = [
      ...Object.keys(moduleLayers.meta?.messages ?? {}).map((id) => `studio/module-layers:${id}`),
      ...Object.keys(noShellCommand.meta?.messages ?? {}).map((id) => `studio/no-shell-command:${id}`),
    ];
    expect(all.filter((id) => !seen.has(id))).toEqual([]);
  });

  it('and says why, where the import is', async () => {
    const [message] = await lint('shared/host/x.ts', "import { gzipSync } from 'zlib';\nexport const a = gzipSync;\n");
    expect(message?.message).toBe("'zlib' is a Node builtin, and shared/ may not use Node: shared/ is pure and runs on both sides; it may import only shared/, zod, yaml and re2js.");
    expect([message?.line, message?.column]).toEqual([1, 26]);
  });
});

describe('the layering lint allows what each layer is for', () => {
  it.each([
    ['zod, yaml, re2js and shared/ files in shared/', 'shared/host/x.ts', "import { z } from 'zod';\nimport YAML from 'yaml';\nimport { RE2JS } from 're2js';\nimport { AppError } from '../errors/app-error.js';\nexport const a = [z.string(), YAML.parse, RE2JS, AppError];\nexport const appInfo = z.object({ shell: z.enum(['electron', 'browser']) });\n"],
    ['URL, TextDecoder and a regexp exec in shared/', 'shared/host/x.ts', "export const host = new URL('https://kind.sigs.k8s.io').hostname;\nexport const text = new TextDecoder('utf-8').decode(new Uint8Array([104]));\nexport const match = /a(b)/.exec('ab');\n"],
    ['react, react-dom, zustand, xterm, codemirror, shared/ and lazy chunks in renderer/', 'renderer/src/components/x.tsx', "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { create } from 'zustand';\nimport { FitAddon } from '@xterm/addon-fit';\nimport { Terminal } from '@xterm/xterm';\nimport { EditorView } from '@codemirror/view';\nimport { tags } from '@lezer/highlight';\nimport { AppError } from '../../../shared/errors/app-error.js';\nimport './x.css';\nexport const a = [useState, createRoot, create, FitAddon, Terminal, EditorView, tags, AppError, window.location.href, globalThis.setTimeout];\nexport const lazyPanel = () => import('./TerminalPanel.js');\n"],
    ['Node, zod, yaml and shared/ in the engine', 'electron/engine/steps/x.ts', "import { readFile } from 'node:fs/promises';\nimport path from 'path';\nimport { z } from 'zod';\nimport YAML from 'yaml';\nimport { runToCompletion } from '../exec/run-to-completion.js';\nimport { AppError } from '../../../shared/errors/app-error.js';\nexport const a = [readFile, path, z, YAML, AppError];\nexport const probe = () => runToCompletion(['git', '-c', 'user.name=x', 'status'], { timeoutMs: 1000 });\nexport const info = { shell: 'browser' };\n"],
    ['execa, node-pty and child_process argv calls in electron/engine/exec/', 'electron/engine/exec/x.ts', "import { execa, ExecaError } from 'execa';\nimport { spawn } from 'node-pty';\nimport * as cp from 'node:child_process';\nexport const a = [execa('ls', ['-la'], { shell: false, reject: false }), spawn('ls', [], {}), cp.spawn('ls', ['-la']), cp.execFile('ls', ['-c']), ExecaError];\nexport const run = (shell: string) => execa(shell, ['-l', '-i']);\n"],
    ['ws, zod and the engine in browser mode', 'electron/web/x.ts', "import { WebSocketServer } from 'ws';\nimport { z } from 'zod';\nimport http from 'node:http';\nimport { Engine } from '../engine/engine.js';\nexport const a = [WebSocketServer, z, http, Engine];\n"],
    ['electron and the engine in the Electron shell', 'electron/main/x.ts', "import { app } from 'electron';\nimport path from 'node:path';\nimport { Engine } from '../engine/engine.js';\nexport const a = [app, path, Engine];\n"],
    ['anything but a shell string in tests', 'test/support/x.ts', "import { execa } from 'execa';\nimport { spawn } from 'node-pty';\nimport { spawnSync } from 'node:child_process';\nimport { Engine } from '../../electron/engine/engine.js';\nexport const a = [execa('git', ['-c', 'a=b', 'log']), spawn, spawnSync('ls', []), Engine.start({ dataDir: '/tmp/x', shell: 'browser', version: 'test' })];\n"],
    ['child_process in build scripts', 'electron/launch/x.mjs', "import { spawnSync } from 'node:child_process';\nexport const a = spawnSync('npm', ['--version'], { stdio: 'inherit' });\n"],
  ])('%s', async (_what, file, code) => {
    const messages = await lint(file, code);
    expect(messages, describeMessages(messages)).toEqual([]);
  });
});
