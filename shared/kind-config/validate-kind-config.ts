import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ConfigProblem } from './config-problem.js';
import { kindApiVersion, kindTypes, type FieldType } from './kind-config-schema.js';
import { kubeadmPatchWarnings } from './kubeadm-patch-warnings.js';

export interface ValidationOptions {
  /** The Kubernetes version of the node image ("v1.36.1"), for checking versioned kubeadm patches. */
  kubernetesVersion?: string;
}

/**
 * Checks a kind config as strictly as kind's loader: YAML syntax, apiVersion and kind, unknown
 * fields (kind decodes with KnownFields), types, enum values, and at least one control-plane node.
 * Every problem carries the line it is on. Versioned kubeadm patches kind would skip are warnings.
 */
export function validateKindConfig(text: string, options: ValidationOptions = {}): ConfigProblem[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const at = (node: Node | null | undefined): { line: number; column: number } => {
    const offset = node?.range?.[0];
    if (offset === undefined) return { line: 0, column: 0 };
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const problems: ConfigProblem[] = [];
  const error = (node: Node | null | undefined, message: string): void => {
    problems.push({ severity: 'error', ...at(node), message });
  };

  for (const yamlError of doc.errors) {
    const pos = yamlError.linePos?.[0];
    problems.push({ severity: 'error', line: pos?.line ?? 0, column: pos?.col ?? 0, message: `YAML: ${yamlError.message.split('\n')[0]}` });
  }
  if (problems.length > 0) return problems;
  if (doc.contents === null) return [{ severity: 'error', line: 0, column: 0, message: 'The config is empty: it needs at least "kind: Cluster" and "apiVersion: kind.x-k8s.io/v1alpha4".' }];
  if (!isMap(doc.contents)) return [{ severity: 'error', ...at(doc.contents), message: 'The config must be a mapping with "kind: Cluster" and "apiVersion: kind.x-k8s.io/v1alpha4".' }];

  const root = doc.contents;
  const apiVersion = root.get('apiVersion', true);
  const apiValue = isScalar(apiVersion) ? String(apiVersion.value) : '';
  if (apiValue !== kindApiVersion) {
    const hint = apiValue.startsWith('kind.sigs.k8s.io/')
      ? ` The group kind.sigs.k8s.io was renamed: use apiVersion: ${kindApiVersion}.`
      : ` Use apiVersion: ${kindApiVersion}.`;
    error(apiVersion ?? root, `unknown apiVersion: ${apiValue || '(missing)'}.${hint}`);
    return problems;
  }
  const kind = root.get('kind', true);
  const kindValue = isScalar(kind) ? String(kind.value) : '';
  if (kindValue !== 'Cluster') {
    error(kind ?? root, `unknown kind ${kindValue || '(missing)'} for apiVersion: ${kindApiVersion}. Use kind: Cluster.`);
    return problems;
  }

  checkObject(root, 'Cluster', error);
  const nodes = root.get('nodes', true);
  if (isSeq(nodes)) {
    const roles = nodes.items.map((item) => (isMap(item) ? String(item.get('role') ?? '') : ''));
    if (!roles.includes('control-plane')) error(nodes, 'There must be at least one node with role: control-plane.');
  }
  if (problems.length === 0) problems.push(...kubeadmPatchWarnings(root, options.kubernetesVersion, at));
  return problems;
}

type Report = (node: Node | null | undefined, message: string) => void;

function checkObject(map: YAMLMap, type: string, error: Report): void {
  const fields = kindTypes[type] ?? {};
  for (const pair of map.items as Array<Pair<Node, Node>>) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const field = fields[key];
    if (!field) {
      error(pair.key, `field ${key} not found in type v1alpha4.${type}`);
      continue;
    }
    checkValue(pair.value, field, `${type}.${key}`, error);
  }
}

/** kind's YAML decoder also takes YAML 1.1 words (yes, no, on, off, …) for a boolean field. */
const yaml11Booleans = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

function checkBool(node: Node | null, where: string, error: Report): void {
  if (isScalar(node) && (typeof node.value === 'boolean' || (typeof node.value === 'string' && yaml11Booleans.has(node.value)))) return;
  error(node, `${where} must be true or false`);
}

function checkValue(node: Node | null, field: FieldType, where: string, error: Report): void {
  if (node === null || (isScalar(node) && node.value === null)) return;
  const expect = (ok: boolean, what: string): boolean => {
    if (!ok) error(node, `${where} must be ${what}`);
    return ok;
  };
  switch (field.kind) {
    case 'string':
      expect(isScalar(node) && typeof node.value === 'string', 'a string');
      return;
    case 'bool':
      checkBool(node, where, error);
      return;
    case 'int':
      expect(isScalar(node) && Number.isInteger(node.value), 'a whole number');
      return;
    case 'enum':
      expect(isScalar(node) && field.values.includes(String(node.value)), `one of ${field.values.join(', ')} (got ${isScalar(node) ? String(node.value) : 'a structure'})`);
      return;
    case 'stringMap':
    case 'boolMap': {
      if (!expect(isMap(node), 'a mapping')) return;
      for (const pair of (node as YAMLMap).items as Array<Pair<Node, Node>>) {
        const value = pair.value;
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        if (field.kind === 'boolMap') checkBool(value, `${where}.${key}`, error);
        if (field.kind === 'stringMap' && !(isScalar(value) && ['string', 'number', 'boolean'].includes(typeof value.value) && value.value !== null)) error(value ?? pair.key, `${where}.${key} must be a string`);
      }
      return;
    }
    case 'stringList': {
      if (!expect(isSeq(node), 'a list')) return;
      for (const item of (node as { items: Node[] }).items) {
        if (!(isScalar(item) && typeof item.value === 'string')) error(item, `${where} items must be strings (write a patch as a "- |" block)`);
      }
      return;
    }
    case 'object':
      if (expect(isMap(node), 'a mapping')) checkObject(node as YAMLMap, field.type, error);
      return;
    case 'objectList': {
      if (!expect(isSeq(node), 'a list')) return;
      for (const item of (node as { items: Node[] }).items) {
        if (isMap(item)) checkObject(item, field.type, error);
        else error(item, `${where} items must be mappings`);
      }
    }
  }
}
