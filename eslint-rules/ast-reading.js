// Small readers of ESLint's syntax tree, for no-shell-command.
import { staticString } from './module-specifier.js';

/** The name of an object property's key, computed or not, when it is written out. */
export function keyName(property) {
  if (property.type !== 'Property') return undefined;
  if (!property.computed && property.key.type === 'Identifier') return property.key.name;
  return staticString(property.key);
}

/** The property a member expression reads (`a.b`, `a['b']`), when it is written out. */
export function memberName(member) {
  if (!member.computed && member.property.type === 'Identifier') return member.property.name;
  return member.computed ? staticString(member.property) : undefined;
}

/** The expression under `await`, `?.`, `as` and `!`. */
export function unwrap(node) {
  let current = node;
  while (current && (current.type === 'AwaitExpression' || current.type === 'ChainExpression' || current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression')) {
    current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  }
  return current;
}

/** The module a `require('x')`, `import('x')` or `await import('x')` expression loads, if written out. */
export function loadedModule(node) {
  const expression = unwrap(node);
  if (!expression) return undefined;
  if (expression.type === 'ImportExpression') return staticString(expression.source);
  if (expression.type === 'CallExpression' && expression.callee.type === 'Identifier' && expression.callee.name === 'require') return staticString(expression.arguments[0]);
  return undefined;
}
