import type { Rule } from 'eslint';

/** See no-shell-command.js. */
export declare const noShellCommand: Rule.RuleModule;
