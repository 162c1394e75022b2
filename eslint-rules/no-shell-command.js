// Everything the app runs is an argv array. This rule refuses each way a command line can reach a
// shell, or be split from one string, as read in the tools' own sources:
//  - Node's lib/child_process.js: exec() and execSync() always set `shell` (true, or the string
//    given), and spawn/execFile/fork hand the command to that shell whenever `shell` is not false;
//  - execa 9 (node_modules/execa/index.js and lib/methods/): execaCommand, execaCommandSync and
//    parseCommandString split one string into a command; `$` and every execa function used as a
//    template tag (execa`…`) parse the template into a command; `shell` is passed on to Node.
//  - an argv whose program is a shell (sh, bash, zsh, …) with -c runs its next argument as a script.
import { keyName, loadedModule, memberName, unwrap } from './ast-reading.js';
import { isChildProcess, staticString } from './module-specifier.js';

const shellProgram = /^(?:.*\/)?(?:sh|bash|zsh|dash|ksh|mksh|ash|fish|csh|tcsh|cmd|cmd\.exe|powershell|powershell\.exe|pwsh|pwsh\.exe)$/i;
const shortCommandFlag = /^-[a-zA-Z]*c[a-zA-Z]*$/; // -c, -lc, -ec, … (sh, bash, zsh, fish)
const longCommandFlag = /^(?:-command|--command|\/c)$/i; // powershell, fish, cmd
const childProcessShellRunners = new Set(['exec', 'execSync']);
const execaStringApis = new Set(['execaCommand', 'execaCommandSync', '$', 'parseCommandString']);
const execaFunctions = new Set(['execa', 'execaSync', 'execaNode']);
const processStarters = new Set(['execa', 'execaSync', 'execaNode', 'spawn', 'spawnSync', 'execFile', 'execFileSync', 'fork', 'exec', 'execSync']);

function isProcessRunner(specifier) {
  return isChildProcess(specifier) || specifier === 'execa' || specifier === 'node-pty';
}

function isCommandFlag(text) {
  return shortCommandFlag.test(text) || longCommandFlag.test(text);
}

/** @type {import('eslint').Rule.RuleModule} */
export const noShellCommand = {
  meta: {
    type: 'problem',
    docs: { description: 'Commands are argv arrays: nothing reaches a shell or is split from a string.' },
    schema: [],
    messages: {
      exec: '{{name}}() runs a shell string; start the process through the exec layer with an argv array.',
      childProcessExec: "child_process's {{name}} runs its command through a shell; use the exec layer (electron/engine/exec/) with an argv array.",
      execaString: "execa's {{name}} makes a command out of one string; pass an argv array instead.",
      execaTemplate: '{{name}}`…` splits a template string into a command; pass an argv array instead.',
      shellOption: 'The shell option hands the command to a shell; leave it out (or false) and pass an argv array.',
      shellArgv: "'{{program}}' with '{{flag}}' runs a string through a shell; run the program itself with an argv array.",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const childProcessModules = new Set(); // variables holding the child_process module
    const execaModules = new Set(); // variables holding execa's namespace
    const execaRunners = new Set(); // variables holding execa, execaSync or execaNode
    const reported = new Set();
    const members = [];
    const tags = [];
    const optionCalls = [];
    const shellProperties = [];
    // In a file that loads a process runner, a `shell` property set from a variable is refused
    // wherever it is (an options object built apart from the call); literals are judged as anywhere.
    let loadsProcessRunner = false;

    function report(node, messageId, data = {}) {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId, data });
    }

    function variableOf(identifier) {
      for (let scope = sourceCode.getScope(identifier); scope; scope = scope.upper) {
        const variable = scope.set.get(identifier.name);
        if (variable) return variable;
      }
      return undefined;
    }

    function declared(node, into) {
      for (const variable of sourceCode.getDeclaredVariables(node)) into.add(variable);
    }

    /** Names taken from a module: `import { a as b }` or `const { a: b } = require(…)`. */
    function takeNames(specifier, imported, local, node) {
      if (isChildProcess(specifier) && childProcessShellRunners.has(imported)) report(node, 'childProcessExec', { name: imported });
      if (specifier !== 'execa') return;
      if (execaStringApis.has(imported)) report(node, 'execaString', { name: imported });
      if (execaFunctions.has(imported) && local) {
        const variable = variableOf(local);
        if (variable) execaRunners.add(variable);
      }
    }

    function isExecaRunner(node) {
      const expression = unwrap(node);
      if (!expression) return false;
      if (expression.type === 'Identifier') {
        const variable = variableOf(expression);
        return variable !== undefined && execaRunners.has(variable);
      }
      if (expression.type === 'MemberExpression' && expression.object.type === 'Identifier') {
        const variable = variableOf(expression.object);
        return variable !== undefined && execaModules.has(variable) && execaFunctions.has(memberName(expression) ?? '');
      }
      if (expression.type === 'CallExpression') return isExecaRunner(expression.callee); // execa({ … }) binds options
      return false;
    }

    function isStarter(callee) {
      const expression = unwrap(callee);
      if (expression.type === 'Identifier' && processStarters.has(expression.name)) return true;
      if (expression.type === 'MemberExpression' && processStarters.has(memberName(expression) ?? '')) return true;
      return isExecaRunner(expression);
    }

    /** `strict`: an argument of a process-starting call, where only false is fine. */
    function checkShellProperty(property, strict) {
      if (keyName(property) !== 'shell') return;
      const value = property.value;
      const isFalse = value.type === 'Literal' && value.value === false;
      const namesShell = value.type === 'Literal' && (value.value === true || (typeof value.value === 'string' && shellProgram.test(value.value)));
      const computedNearRunner = loadsProcessRunner && value.type !== 'Literal' && property.parent?.type === 'ObjectExpression';
      if (namesShell || computedNearRunner || (strict && !isFalse)) report(property, 'shellOption');
    }

    function checkArgv(elements, node) {
      const strings = elements.map((element) => (element ? staticString(element) : undefined));
      const programAt = strings.findIndex((text) => text !== undefined && shellProgram.test(text));
      if (programAt === -1) return;
      const flag = strings.slice(programAt + 1).find((text) => text !== undefined && isCommandFlag(text));
      if (flag !== undefined) report(node, 'shellArgv', { program: strings[programAt], flag });
    }

    return {
      ImportDeclaration(node) {
        const specifier = staticString(node.source);
        if (specifier === undefined) return;
        if (isProcessRunner(specifier)) loadsProcessRunner = true;
        for (const item of node.specifiers) {
          if (item.type === 'ImportSpecifier') {
            const imported = item.imported.type === 'Identifier' ? item.imported.name : String(item.imported.value);
            takeNames(specifier, imported, item.local, item);
          } else if (isChildProcess(specifier)) declared(item, childProcessModules);
          else if (specifier === 'execa') declared(item, execaModules);
        }
      },
      ImportExpression(node) {
        if (isProcessRunner(staticString(node.source) ?? '')) loadsProcessRunner = true;
      },
      VariableDeclarator(node) {
        const specifier = loadedModule(node.init);
        if (specifier === undefined) return;
        if (isProcessRunner(specifier)) loadsProcessRunner = true;
        if (node.id.type === 'Identifier') {
          if (isChildProcess(specifier)) declared(node, childProcessModules);
          else if (specifier === 'execa') declared(node, execaModules);
          return;
        }
        if (node.id.type !== 'ObjectPattern') return;
        for (const property of node.id.properties) {
          const imported = keyName(property);
          if (imported === undefined) continue;
          const local = property.value.type === 'Identifier' ? property.value : property.value.type === 'AssignmentPattern' && property.value.left.type === 'Identifier' ? property.value.left : undefined;
          takeNames(specifier, imported, local, property);
        }
      },
      MemberExpression(node) {
        const name = memberName(node);
        if (name === undefined || !(childProcessShellRunners.has(name) || execaStringApis.has(name))) return;
        const specifier = loadedModule(node.object);
        if (specifier !== undefined) {
          if (isChildProcess(specifier) && childProcessShellRunners.has(name)) report(node, 'childProcessExec', { name });
          if (specifier === 'execa' && execaStringApis.has(name)) report(node, 'execaString', { name });
          return;
        }
        members.push(node);
      },
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type === 'Identifier' && childProcessShellRunners.has(callee.name)) report(node, 'exec', { name: callee.name });
        const [program, args] = node.arguments;
        const programText = staticString(program);
        if (programText !== undefined && shellProgram.test(programText) && args?.type === 'ArrayExpression') checkArgv([program, ...args.elements], node);
        optionCalls.push(node);
      },
      ArrayExpression(node) {
        checkArgv(node.elements, node);
      },
      Property(node) {
        shellProperties.push(node);
      },
      TaggedTemplateExpression(node) {
        tags.push(node);
      },
      'Program:exit'() {
        for (const node of members) {
          const object = unwrap(node.object);
          if (object?.type !== 'Identifier') continue;
          const variable = variableOf(object);
          if (!variable) continue;
          const name = memberName(node) ?? '';
          if (childProcessModules.has(variable) && childProcessShellRunners.has(name)) report(node, 'childProcessExec', { name });
          if (execaModules.has(variable) && execaStringApis.has(name)) report(node, 'execaString', { name });
        }
        for (const node of tags) {
          if (isExecaRunner(node.tag)) report(node, 'execaTemplate', { name: sourceCode.getText(node.tag) });
        }
        for (const node of shellProperties) checkShellProperty(node, false);
        for (const node of optionCalls) {
          if (!isStarter(node.callee)) continue;
          for (const argument of node.arguments) {
            if (argument.type !== 'ObjectExpression') continue;
            for (const property of argument.properties) checkShellProperty(property, true);
          }
        }
      },
    };
  },
};
