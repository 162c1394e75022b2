import { LineCounter, isMap, isScalar, isSeq, parseDocument, stringify, type Node, type YAMLMap } from 'yaml';

/** One thing wrong with the user's scheduler YAML, on its line when it has one. */
export interface SchedulerConfigProblem {
  line?: number;
  message: string;
}

/** The fields the app itself sets: the local scheduler must reach the copied kubeconfig and must not take part in leader election. */
const forbiddenKeys = new Set(['apiVersion', 'kind', 'clientConnection', 'leaderElection', 'healthzBindAddress', 'metricsBindAddress']);
const allowedKeys = new Set(['profiles', 'percentageOfNodesToScore', 'podInitialBackoffSeconds', 'podMaxBackoffSeconds', 'parallelism', 'extenders']);
/**
 * KubeSchedulerConfiguration v1 has no featureGates field (k8s.io/kube-scheduler v0.35.4
 * config/v1/types.go), and kube-scheduler decodes its config strictly, so it would refuse to start
 * (strict decoding error: unknown field "featureGates"). Gates go on its command line instead.
 */
const featureGatesKey = 'featureGates';
const profileKeys = new Set(['schedulerName', 'plugins', 'pluginConfig', 'percentageOfNodesToScore']);
const extensionPoints = new Set(['preEnqueue', 'queueSort', 'preFilter', 'filter', 'postFilter', 'preScore', 'score', 'reserve', 'permit', 'preBind', 'bind', 'postBind', 'multiPoint']);
const defaultScheduler = 'default-scheduler';

const keyOf = (node: unknown): string => (isScalar(node) ? String(node.value) : String(node));

/** Checks the user's extra KubeSchedulerConfiguration YAML, for the editor; an empty list means it can be used. */
export function schedulerConfigProblems(extraYaml: string): SchedulerConfigProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(extraYaml, { lineCounter });
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => ({ line: lineCounter.linePos(error.pos[0]).line, message: error.message.split('\n')[0] ?? error.message }));
  }
  const problems: SchedulerConfigProblem[] = [];
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as Node | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const add = (node: unknown, message: string): void => {
    const line = lineOf(node);
    problems.push(line === undefined ? { message } : { line, message });
  };

  const top = doc.contents;
  if (top === null || (isScalar(top) && top.value === null)) return []; // empty, or only comments
  if (!isMap(top)) {
    add(top, 'The scheduler settings must be a mapping of key: value lines.');
    return problems;
  }
  for (const pair of top.items) {
    const key = keyOf(pair.key);
    const value = pair.value;
    if (forbiddenKeys.has(key)) {
      add(pair.key, `${key} is set by the app and cannot be changed here; remove it.`);
      continue;
    }
    if (key === featureGatesKey) {
      add(pair.key, 'featureGates is not part of the scheduler configuration (kube-scheduler refuses it: unknown field "featureGates"); set the gates in the Feature gates field, which passes them as --feature-gates.');
      continue;
    }
    if (!allowedKeys.has(key)) {
      add(pair.key, `${key} is not a setting that can be given here (allowed: ${[...allowedKeys].join(', ')}).`);
      continue;
    }
    switch (key) {
      case 'profiles':
        checkProfiles(pair.key, value, add);
        break;
      case 'percentageOfNodesToScore':
        checkInteger(value, key, 0, 100, add);
        break;
      case 'podInitialBackoffSeconds':
      case 'podMaxBackoffSeconds':
      case 'parallelism':
        checkInteger(value, key, 1, Number.MAX_SAFE_INTEGER, add);
        break;
      case 'extenders':
        if (!isSeq(value)) add(value ?? pair.key, 'extenders must be a list.');
        break;
    }
  }
  return problems;
}

type Add = (node: unknown, message: string) => void;

function checkInteger(value: unknown, key: string, min: number, max: number, add: Add): void {
  const number = isScalar(value) ? value.value : undefined;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
    add(value, `${key} must be a whole number${max === 100 ? ' from 0 to 100' : ' of at least 1'}.`);
  }
}

function checkProfiles(keyNode: unknown, value: unknown, add: Add): void {
  if (!isSeq(value)) {
    add(value ?? keyNode, 'profiles must be a list of profiles, each with a schedulerName.');
    return;
  }
  const names = new Set<string>();
  value.items.forEach((profile, index) => {
    if (!isMap(profile)) {
      add(profile, `profiles[${index}] must be a mapping with a schedulerName.`);
      return;
    }
    const schedulerName = profile.get('schedulerName', true);
    if (!isScalar(schedulerName) || typeof schedulerName.value !== 'string' || schedulerName.value === '') {
      add(profile, `profiles[${index}] has no schedulerName.`);
    } else if (names.has(schedulerName.value)) {
      add(schedulerName, `Two profiles are named ${schedulerName.value}.`);
    } else {
      names.add(schedulerName.value);
    }
    const where = `profiles[${index}]`;
    for (const pair of profile.items) {
      const key = keyOf(pair.key);
      if (!profileKeys.has(key)) add(pair.key, `${where}.${key} is not a profile field (schedulerName, plugins, pluginConfig, percentageOfNodesToScore).`);
      else if (key === 'plugins') checkPlugins(pair.key, pair.value, `${where}.plugins`, add);
      else if (key === 'pluginConfig') checkPluginConfig(pair.key, pair.value, `${where}.pluginConfig`, add);
      else if (key === 'percentageOfNodesToScore') checkInteger(pair.value, `${where}.percentageOfNodesToScore`, 0, 100, add);
    }
  });
  if (!names.has(defaultScheduler)) add(value, `profiles must keep a profile with schedulerName: ${defaultScheduler} (the e2e tests' pods ask for it).`);
}

function checkPlugins(keyNode: unknown, value: unknown, where: string, add: Add): void {
  if (!isMap(value)) {
    add(value ?? keyNode, `${where} must be a mapping of extension points (filter, score, multiPoint…).`);
    return;
  }
  for (const point of (value as YAMLMap).items) {
    const pointName = keyOf(point.key);
    if (!extensionPoints.has(pointName)) {
      add(point.key, `${where}.${pointName} is not an extension point (${[...extensionPoints].join(', ')}).`);
      continue;
    }
    if (!isMap(point.value)) {
      add(point.value ?? point.key, `${where}.${pointName} must have enabled and/or disabled lists.`);
      continue;
    }
    for (const set of point.value.items) {
      const setName = keyOf(set.key);
      const path = `${where}.${pointName}.${setName}`;
      if (setName !== 'enabled' && setName !== 'disabled') {
        add(set.key, `${where}.${pointName}.${setName} is not allowed: only enabled and disabled.`);
        continue;
      }
      if (!isSeq(set.value)) {
        add(set.value ?? set.key, `${path} must be a list of {name, weight}.`);
        continue;
      }
      set.value.items.forEach((plugin, index) => {
        const name = isMap(plugin) ? plugin.get('name', true) : undefined;
        if (!isMap(plugin) || !isScalar(name) || typeof name.value !== 'string' || name.value === '') {
          add(plugin, `${path}[${index}] needs a plugin name (name: …).`);
          return;
        }
        for (const field of plugin.items) {
          const fieldName = keyOf(field.key);
          if (fieldName === 'weight') {
            const weight = isScalar(field.value) ? field.value.value : undefined;
            if (typeof weight !== 'number' || !Number.isInteger(weight)) add(field.value ?? field.key, `${path}[${index}].weight must be a whole number.`);
          } else if (fieldName !== 'name') {
            add(field.key, `${path}[${index}].${fieldName} is not allowed: a plugin has only name and weight.`);
          }
        }
      });
    }
  }
}

function checkPluginConfig(keyNode: unknown, value: unknown, where: string, add: Add): void {
  if (!isSeq(value)) {
    add(value ?? keyNode, `${where} must be a list of {name, args}.`);
    return;
  }
  value.items.forEach((entry, index) => {
    const name = isMap(entry) ? entry.get('name', true) : undefined;
    if (!isMap(entry) || !isScalar(name) || typeof name.value !== 'string' || name.value === '') {
      add(entry, `${where}[${index}] needs a plugin name (name: …).`);
      return;
    }
    for (const field of entry.items) {
      const fieldName = keyOf(field.key);
      if (fieldName === 'args') {
        if (!isMap(field.value)) add(field.value ?? field.key, `${where}[${index}].args must be a mapping.`);
      } else if (fieldName !== 'name') {
        add(field.key, `${where}[${index}].${fieldName} is not allowed: a plugin config has only name and args.`);
      }
    }
  });
}

/**
 * The KubeSchedulerConfiguration for the local scheduler: talks to the cluster through `kubeconfig`,
 * never runs leader election, and has the default-scheduler profile; `extraYaml` adds the user's
 * settings on top. Throws on any problem schedulerConfigProblems finds.
 */
export function schedulerConfig(options: { kubeconfig: string; extraYaml?: string }): string {
  const config: Record<string, unknown> = {
    apiVersion: 'kubescheduler.config.k8s.io/v1',
    kind: 'KubeSchedulerConfiguration',
    clientConnection: { kubeconfig: options.kubeconfig },
    leaderElection: { leaderElect: false },
    profiles: [{ schedulerName: defaultScheduler }],
  };
  const extra = options.extraYaml ?? '';
  const problem = schedulerConfigProblems(extra)[0];
  if (problem) throw new Error(`The scheduler settings cannot be used${problem.line === undefined ? '' : ` (line ${problem.line})`}: ${problem.message}`);
  const user: unknown = parseDocument(extra).toJS();
  if (user !== null && typeof user === 'object') Object.assign(config, user);
  return stringify(config);
}
