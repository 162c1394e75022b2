import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layering is enforced here, not in review:
//   shared/    pure: no electron, node:*, execa, node-pty, react, zustand, ws
//   renderer/  no Node: no node:*, electron, execa, node-pty, ws, and no Node globals
//   electron/  the only place that runs processes; electron/engine and electron/web never import electron
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'util', 'stream', 'events', 'url', 'worker_threads', 'timers', 'timers/*', 'string_decoder', 'process', 'buffer'];
const processRunners = ['execa', 'node-pty', 'child_process', 'node:child_process'];

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "Property[key.name='shell'][value.value=true]", message: 'Never run commands through a shell: pass an argv array.' },
        { selector: "CallExpression[callee.name='exec']", message: 'exec() runs a shell string; use the exec layer with an argv array.' },
        { selector: "CallExpression[callee.name='execSync']", message: 'execSync() runs a shell string; use the exec layer with an argv array.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict([...nodeBuiltins, 'electron', 'execa', 'node-pty', 'react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'ws', '@xterm/*', '**/electron/**', '**/renderer/**'], 'shared/ is pure: no Node, Electron, process, UI or transport imports.'),
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', 'window', 'document'],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...restrict([...nodeBuiltins, 'electron', 'execa', 'node-pty', 'ws', '**/electron/**'], 'renderer/ has no Node: talk to the engine through the StudioApi contract.'),
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', '__filename', 'global'],
    },
  },
  {
    files: ['electron/engine/**/*.ts', 'electron/web/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict(['electron', '**/renderer/**'], 'The engine and browser mode run without Electron; only electron/main and electron/preload import it.'),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict([...processRunners, '**/renderer/**'], 'The Electron shell stays thin: processes are run by electron/engine only.'),
  },
  {
    // electron-builder loads its hooks with require(): CommonJS is what it expects there.
    files: ['build/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/launch/**/*.mjs', 'test/**/*.{ts,mjs}', 'renderer/vite.config.ts', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
