import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { moduleLayers } from './eslint-rules/module-layers.js';
import { noShellCommand } from './eslint-rules/no-shell-command.js';

// The layering is enforced here, not in review, and it denies by default: each folder lists what it
// may import (studio/module-layers), and anything not listed is an error. Node builtins come from
// node:module's builtinModules (with and without `node:`, subpaths included); import(), require() and
// TypeScript's import('…') types are read as well as import statements.
//   shared/            pure, runs in the engine and in the renderer: only shared/, zod, yaml and re2js.
//                      zod, yaml and re2js are the npm packages allowed: all pure libraries (no Node,
//                      no DOM) that shared/ uses today (the contract's schemas; kind configs and
//                      kubeconfigs; Go's regexp syntax for e2e filters). Any other package needs a
//                      decision here first.
//   renderer/src/      a browser page: shared/, itself, react, react-dom, zustand, @xterm/*, @codemirror/* (and
//                      @lezer/highlight, its highlighting tags); no Node.
//   electron/engine/   shared/, itself, Node, zod, yaml; execa, node-pty and child_process only in
//                      electron/engine/exec/, the one place that starts processes. Never electron.
//   electron/web/      browser mode's server: shared/, the engine, Node, zod, ws. No process runners.
//   electron/main/, electron/preload/   the thin Electron shell: electron, shared/, the engine; no
//                      process runners.
//   electron/launch/, build/, test/     build scripts and tests: anything.
// Everywhere: no command reaches a shell (studio/no-shell-command: exec, the shell option, sh -c,
// execa's string and template forms). shared/ and renderer/ see no Node globals, not even through
// globalThis/window. tsconfig files in shared/ and renderer/ make the compiler refuse the same.
const root = path.dirname(fileURLToPath(import.meta.url));
const studio = { rules: { 'module-layers': moduleLayers, 'no-shell-command': noShellCommand } };

const layer = (options) => ({ 'studio/module-layers': ['error', { root, ...options }] });

const nodeGlobals = ['process', 'require', 'module', 'exports', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate', 'clearImmediate'];
const hosts = '^(globalThis|window|self|global|top|parent|frames)$';
const nodeGlobalNames = `^(${nodeGlobals.join('|')})$`;
const noNodeThroughGlobals = (message) => [
  'error',
  { selector: `MemberExpression[object.name=/${hosts}/][property.name=/${nodeGlobalNames}/]`, message },
  { selector: `MemberExpression[object.name=/${hosts}/][property.value=/${nodeGlobalNames}/]`, message },
  { selector: `VariableDeclarator[init.name=/${hosts}/] > ObjectPattern > Property[key.name=/${nodeGlobalNames}/]`, message },
];

const processRunners = ['execa', 'node-pty', 'node:child_process'];
const sharedWhy = 'shared/ is pure and runs on both sides; it may import only shared/, zod, yaml and re2js.';
const rendererWhy = 'renderer/ is a web page with no Node; it talks to the engine through the StudioApi contract.';
const engineWhy = 'the engine runs without Electron, and only electron/engine/exec/ starts processes (execa, node-pty, child_process).';
const webWhy = 'browser mode serves the engine over HTTP and WebSocket; processes are started by electron/engine/exec/ only.';
const shellWhy = 'the Electron shell stays thin: processes are started by electron/engine/exec/ only.';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { studio },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'studio/no-shell-command': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...layer({ layer: 'shared/', reach: ['shared'], allow: ['zod', 'yaml', 're2js'], domLib: false, why: sharedWhy }),
      'no-restricted-globals': ['error', ...nodeGlobals, 'window', 'document', 'navigator', 'localStorage'],
      'no-restricted-syntax': noNodeThroughGlobals('shared/ has no Node globals, not even through globalThis.'),
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...layer({ layer: 'renderer/src/', reach: ['renderer/src', 'shared'], allow: ['react', 'react-dom', 'zustand', '@xterm/*', '@codemirror/*', '@lezer/highlight'], why: rendererWhy }),
      'no-restricted-globals': ['error', ...nodeGlobals],
      'no-restricted-syntax': noNodeThroughGlobals('renderer/ has no Node globals, not even through window or globalThis.'),
    },
  },
  {
    files: ['electron/engine/**/*.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: layer({ layer: 'electron/engine/', reach: ['electron/engine', 'shared'], allow: ['node:*', 'zod', 'yaml'], deny: processRunners, why: engineWhy }),
  },
  {
    files: ['electron/engine/exec/**/*.{ts,mjs}'],
    rules: layer({ layer: 'electron/engine/exec/', reach: ['electron/engine', 'shared'], allow: ['node:*', 'zod', 'yaml', ...processRunners], why: engineWhy }),
  },
  {
    files: ['electron/web/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: layer({ layer: 'electron/web/', reach: ['electron/web', 'electron/engine', 'shared'], allow: ['node:*', 'zod', 'ws'], deny: processRunners, why: webWhy }),
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: layer({ layer: 'electron/main/', reach: ['electron/main', 'electron/engine', 'electron/web', 'shared'], allow: ['node:*', 'electron'], deny: processRunners, why: shellWhy }),
  },
  {
    files: ['electron/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: layer({ layer: 'electron/preload/', reach: ['electron/preload', 'shared'], allow: ['electron'], why: shellWhy }),
  },
  {
    // electron-builder loads its hooks with require(): CommonJS is what it expects there.
    files: ['build/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/launch/**/*.mjs', 'test/**/*.{ts,tsx,mjs}', 'renderer/vite.config.ts', 'eslint.config.js', 'eslint-rules/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
