import type { FixPlatform } from '../toolchain/fix-command.js';
import type { Diagnosis } from './diagnosis.js';
import { buildRules } from './build-rules.js';
import { toolchainRules, type DiagnosisRule } from './diagnosis-rules.js';
import { kindRules } from './kind-rules.js';
import { remoteRules } from './remote-rules.js';

const allRules: DiagnosisRule[] = [...toolchainRules, ...buildRules, ...kindRules, ...remoteRules];

/** Every known failure found in `text`, each once, in the order of the rules. */
export function diagnose(text: string, platform: FixPlatform, rules: DiagnosisRule[] = allRules): Diagnosis[] {
  const found: Diagnosis[] = [];
  for (const rule of rules) {
    const match = rule.pattern.exec(text);
    if (match) found.push({ id: rule.id, ...rule.explain(match, platform) });
  }
  return found;
}
