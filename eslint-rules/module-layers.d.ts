import type { Rule } from 'eslint';

/** See module-layers.js. */
export declare const moduleLayers: Rule.RuleModule;
