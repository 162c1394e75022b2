/**
 * kube-scheduler's feature gates, as its command line takes them. KubeSchedulerConfiguration v1 has
 * no featureGates field (k8s.io/kube-scheduler v0.35.4 config/v1/types.go) and the config file is
 * decoded strictly, so gates go on `--feature-gates=A=true,B=false`.
 *
 * How kube-scheduler v1.35.4 reads that flag (k8s.io/component-base v0.35.4):
 * - compatibility/registry.go AddFlags registers it as a ColonSeparatedMultimapStringString
 *   (cli/flag/colon_separated_multimap_string_string.go): split on ",", and a "component:" prefix
 *   before the first ":" picks the component (none means "kube");
 * - featuregate/feature_gate.go Set: each "name=value" is split at the first "=", both sides
 *   trimmed, the value read with Go's strconv.ParseBool, and an unknown name is refused
 *   ("unrecognized feature gate: X") when the scheduler starts.
 * So a name may hold none of ",", "=", ":" or spaces; every Kubernetes gate name is a CamelCase
 * identifier, which is what is accepted here. Whether the name is a gate this kube-scheduler knows
 * only the binary can say: it refuses an unknown one at start, and the app shows its message.
 */

export type FeatureGates = Record<string, boolean>;

/** The shape of a gate name: letters and digits, starting with a letter (AllAlpha, SchedulerQueueingHints…). */
export const featureGateName = /^[A-Za-z][A-Za-z0-9]*$/;

// strconv.ParseBool's accepted spellings (Go's strconv/atob.go).
const goTrue = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const goFalse = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

export interface FeatureGatesParse {
  gates: FeatureGates;
  /** What is wrong, naming the entry; undefined when the text can be used. */
  problem?: string;
}

/** Why a gate name cannot go on the command line, or undefined when it can. */
export function featureGateNameProblem(name: string): string | undefined {
  if (name === '') return 'A feature gate needs a name.';
  if (!featureGateName.test(name)) return `"${name}" is not a feature gate name: gate names are letters and digits, starting with a letter (e.g. SchedulerQueueingHints).`;
  return undefined;
}

/**
 * Reads the feature gates as typed in the form, the way kube-scheduler reads its flag:
 * "A=true, B=false" (commas between entries, spaces around them ignored).
 */
export function parseFeatureGates(text: string): FeatureGatesParse {
  const gates: FeatureGates = {};
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const equals = entry.indexOf('=');
    const name = (equals < 0 ? entry : entry.slice(0, equals)).trim();
    if (equals < 0) return { gates, problem: `${name} has no value: write ${name}=true or ${name}=false.` };
    const nameProblem = featureGateNameProblem(name);
    if (nameProblem) return { gates, problem: nameProblem };
    const value = entry.slice(equals + 1).trim();
    if (goTrue.has(value)) gates[name] = true;
    else if (goFalse.has(value)) gates[name] = false;
    else return { gates, problem: `${name}=${value}: the value must be true or false.` };
  }
  return { gates };
}

/** The gates as the form shows them: sorted, "A=true, B=false". */
export function formatFeatureGates(gates: FeatureGates): string {
  return sortedNames(gates)
    .map((name) => `${name}=${String(gates[name])}`)
    .join(', ');
}

/** Why these gates cannot be passed, or undefined when they can. */
export function featureGatesProblem(gates: FeatureGates): string | undefined {
  for (const name of Object.keys(gates)) {
    const problem = featureGateNameProblem(name);
    if (problem) return problem;
    if (typeof gates[name] !== 'boolean') return `${name} must be true or false.`;
  }
  return undefined;
}

/** The kube-scheduler argument for the gates, sorted by name; none when there are no gates. Throws on a bad name. */
export function featureGatesArgs(gates: FeatureGates): string[] {
  const problem = featureGatesProblem(gates);
  if (problem) throw new Error(`The feature gates cannot be used: ${problem}`);
  const names = sortedNames(gates);
  return names.length === 0 ? [] : [`--feature-gates=${names.map((name) => `${name}=${String(gates[name])}`).join(',')}`];
}

function sortedNames(gates: FeatureGates): string[] {
  return Object.keys(gates).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
