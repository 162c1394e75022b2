// The layering, denied by default: each folder lists what it may import, and anything else is an
// error. It reads every way a module can be named in source: import and export … from, import(),
// require(), import x = require(), TypeScript's import('…') types, and /// <reference> comments.
import path from 'node:path';
import { classifySpecifier, staticString } from './module-specifier.js';

const layerSchema = {
  type: 'object',
  properties: {
    root: { type: 'string' },
    layer: { type: 'string' },
    reach: { type: 'array', items: { type: 'string' } },
    allow: { type: 'array', items: { type: 'string' } },
    deny: { type: 'array', items: { type: 'string' } },
    domLib: { type: 'boolean' },
    why: { type: 'string' },
  },
  required: ['root', 'layer', 'reach', 'allow', 'why'],
  additionalProperties: false,
};

/**
 * Whether a list names this module. Entries: a package (`zod`), a scope (`@xterm/*`), any package
 * (`*`), one Node builtin (`node:fs`), every Node builtin (`node:*`).
 */
function listed(list, parsed) {
  if (parsed.kind === 'builtin') return list.includes('node:*') || list.includes(`node:${parsed.name}`);
  const scope = parsed.name.startsWith('@') ? `${parsed.name.split('/')[0]}/*` : undefined;
  return list.includes('*') || list.includes(parsed.name) || (scope !== undefined && list.includes(scope));
}

function inside(relative, folder) {
  return relative === folder || relative.startsWith(`${folder}/`);
}

/** @type {import('eslint').Rule.RuleModule} */
export const moduleLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its layer allows (deny by default).' },
    schema: [layerSchema],
    messages: {
      node: "'{{specifier}}' is a Node builtin, and {{layer}} may not use Node: {{why}}",
      package: "'{{specifier}}' is not a package {{layer}} may import (allowed: {{allowed}}): {{why}}",
      denied: "'{{specifier}}' may not be imported in {{layer}}: {{why}}",
      file: "'{{specifier}}' leads to {{target}}, outside what {{layer}} may import ({{reach}}): {{why}}",
      computed: 'This module name is computed, so the layering cannot check it: write it as one string.',
      domLib: '/// <reference lib="{{specifier}}"> brings the DOM into {{layer}}, which runs in Node too: {{why}}',
    },
  },
  create(context) {
    const { root, layer, reach, allow, deny = [], domLib = true, why } = context.options[0];
    const dir = path.dirname(context.filename);
    const packagesAllowed = allow.filter((entry) => !entry.startsWith('node:')).join(', ') || 'none';

    function check(node, specifier, shown = specifier) {
      const parsed = classifySpecifier(specifier);
      const data = { specifier: shown, layer, why };
      if (parsed.kind === 'file') {
        const target = path.relative(root, path.resolve(dir, specifier)).split(path.sep).join('/');
        if (!reach.some((folder) => inside(target, folder))) {
          context.report({ node, messageId: 'file', data: { ...data, target: target || '.', reach: reach.join(', ') } });
        }
        return;
      }
      if (listed(deny, parsed)) context.report({ node, messageId: 'denied', data });
      else if (!listed(allow, parsed)) context.report({ node, messageId: parsed.kind === 'builtin' ? 'node' : 'package', data: { ...data, allowed: packagesAllowed } });
    }

    function checkSource(node, source) {
      const specifier = staticString(source);
      if (specifier === undefined) context.report({ node: source ?? node, messageId: 'computed' });
      else check(source, specifier);
    }

    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          if (comment.type !== 'Line' || !comment.value.startsWith('/')) continue;
          const reference = /^\/\s*<reference\s+(path|types|lib)\s*=\s*["']([^"']+)["']/.exec(comment.value);
          if (!reference) continue;
          const [, kind, value = ''] = reference;
          if (kind === 'path') check(comment, value.startsWith('.') || value.startsWith('/') ? value : `./${value}`);
          else if (kind === 'types') check(comment, value === 'node' ? 'node:*' : value, `types="${value}"`);
          else if (!domLib && /^dom/i.test(value)) context.report({ loc: comment.loc, messageId: 'domLib', data: { specifier: value, layer, why } });
        }
      },
      ImportDeclaration: (node) => checkSource(node, node.source),
      ExportNamedDeclaration: (node) => node.source && checkSource(node, node.source),
      ExportAllDeclaration: (node) => checkSource(node, node.source),
      ImportExpression: (node) => checkSource(node, node.source),
      TSImportType: (node) => checkSource(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      TSExternalModuleReference: (node) => checkSource(node, node.expression),
      CallExpression(node) {
        const callee = node.callee;
        const isRequire = callee.type === 'Identifier' && callee.name === 'require';
        const isResolve = callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'require' && callee.property.type === 'Identifier' && callee.property.name === 'resolve';
        if (isRequire || isResolve) checkSource(node, node.arguments[0]);
      },
    };
  },
};
