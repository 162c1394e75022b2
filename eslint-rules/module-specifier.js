// What a module specifier names: a Node builtin, an npm package, or a file. Both layering rules
// (module-layers and no-shell-command) read specifiers through this one function.
import { builtinModules } from 'node:module';

// Node's own list, with and without the `node:` scheme. Modules that exist only with the scheme
// (node:test, node:sea, node:sqlite, …) are covered by the scheme itself: `node:` always means a builtin.
const builtins = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));

/**
 * @typedef {{ kind: 'file', path: string }
 *   | { kind: 'builtin', name: string }
 *   | { kind: 'package', name: string }} ModuleSpecifier
 * `name` is the builtin without `node:` and without its subpath (`fs/promises` → `fs`), or the
 * package without its subpath (`react-dom/client` → `react-dom`, `@xterm/addon-fit` stays whole).
 */

/** @returns {ModuleSpecifier} */
export function classifySpecifier(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return { kind: 'file', path: specifier };
  if (specifier.startsWith('node:')) return { kind: 'builtin', name: specifier.slice('node:'.length).split('/')[0] };
  const [first = '', second = ''] = specifier.split('/');
  if (builtins.has(first) || builtins.has(specifier)) return { kind: 'builtin', name: first };
  return { kind: 'package', name: first.startsWith('@') ? `${first}/${second}` : first };
}

/** The string a specifier node holds when it is written out in full: 'x' or `x` without `${}`. */
export function staticString(node) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** True for `child_process`, `node:child_process` (and their subpaths, should Node add any). */
export function isChildProcess(specifier) {
  const parsed = classifySpecifier(specifier);
  return parsed.kind === 'builtin' && parsed.name === 'child_process';
}
