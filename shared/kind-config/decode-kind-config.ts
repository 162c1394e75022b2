import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type Pair, type Scalar } from 'yaml';
import type { ConfigProblem } from './config-problem.js';
import { goBoolOf, goInt32Of, goStringOf, resolveGoScalar, type GoScalar, type ScalarStyle } from './go-yaml-scalar.js';
import { kindApiVersion, kindTypes, mountPropagations, portProtocols, type FieldType, type KindType } from './kind-config-schema.js';

/** A decoded kind struct: the fields that were set (others hold Go's zero value) and where each came from. */
export interface DecodedStruct {
  type: KindType;
  node: Node;
  values: Map<string, unknown>;
  at: Map<string, Node>;
}

export interface DecodeResult {
  /** The Cluster as kind holds it after decoding, before defaulting; absent when decoding failed. */
  cluster?: DecodedStruct;
  problems: ConfigProblem[];
  /** The 1-based line and column of a node of this config. */
  at: (node: Node | null | undefined) => { line: number; column: number };
}

/** The node each item of a decoded string list came from (kubeadm patches are warned about on their line). */
export const listItemNodes = new WeakMap<string[], Node[]>();

const styleOf = (scalar: Scalar): ScalarStyle => (scalar.type === 'PLAIN' ? 'plain' : scalar.type === 'BLOCK_FOLDED' || scalar.type === 'BLOCK_LITERAL' ? 'block' : 'quoted');
const textOf = (scalar: Scalar): string => (typeof scalar.source === 'string' ? scalar.source : String(scalar.value ?? ''));
const goTagOf = (node: Node): string => (isMap(node) ? '!!map' : isSeq(node) ? '!!seq' : '!!str');

/**
 * Decodes a kind config the way kind's loader does (sigs.k8s.io/kind pkg/internal/apis/config/
 * encoding/load.go, v0.30.0–v0.32.0): only the first YAML document counts; a first, lenient pass
 * reads kind and apiVersion; then the whole document is decoded strictly into v1alpha4.Cluster with
 * go.yaml.in/yaml/v3 and KnownFields(true): unknown fields, duplicate keys and values that do not fit
 * the Go field are errors; null leaves a field at its zero value and drops a list item; the port
 * mapping and mount hooks of pkg/apis/config/v1alpha4/yaml.go upper-case and check the protocol and
 * check the mount propagation. Every problem carries its line.
 */
export function decodeKindConfig(text: string): DecodeResult {
  const lines = new LineCounter();
  const at = (node: Node | null | undefined): { line: number; column: number } => {
    const offset = node?.range?.[0];
    if (offset === undefined) return { line: 0, column: 0 };
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const problems: ConfigProblem[] = [];
  const result = (cluster?: DecodedStruct): DecodeResult => ({ cluster, problems, at });
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false, schema: 'failsafe', prettyErrors: true });
  const doc: Document | undefined = Array.isArray(docs) ? docs[0] : undefined;
  if (doc && doc.errors.length > 0) {
    for (const yamlError of doc.errors) {
      const pos = yamlError.linePos?.[0];
      problems.push({ severity: 'error', line: pos?.line ?? 0, column: pos?.col ?? 0, message: `YAML: ${yamlError.message.split('\n')[0]}` });
    }
    return result();
  }
  const decoder = new Decoder(doc, problems, at);
  const root = doc?.contents ? decoder.deref(doc.contents) : null;
  if (!root || decoder.isNull(root)) {
    problems.push({ severity: 'error', line: 0, column: 0, message: `The config is empty: it needs at least "kind: Cluster" and "apiVersion: ${kindApiVersion}".` });
    return result();
  }
  if (!isMap(root)) {
    decoder.error(root, `The config must be a mapping with "kind: Cluster" and "apiVersion: ${kindApiVersion}".`);
    return result();
  }

  // The lenient pass (load.go typeMeta): only kind and apiVersion, unknown fields ignored.
  const typeMeta = decoder.typeMeta(root);
  if (!typeMeta) return result();
  if (typeMeta.apiVersion.value !== kindApiVersion) {
    const value = typeMeta.apiVersion.value;
    const hint = value.startsWith('kind.sigs.k8s.io/') ? ` The group kind.sigs.k8s.io was renamed: use apiVersion: ${kindApiVersion}.` : ` Use apiVersion: ${kindApiVersion}.`;
    decoder.error(typeMeta.apiVersion.node ?? root, `unknown apiVersion: ${value || '(missing)'}.${hint}`);
    return result();
  }
  if (typeMeta.kind.value !== 'Cluster') {
    decoder.error(typeMeta.kind.node ?? root, `unknown kind ${typeMeta.kind.value || '(missing)'} for apiVersion: ${kindApiVersion}. Use kind: Cluster.`);
    return result();
  }
  const cluster = decoder.struct(root, 'Cluster');
  return problems.length > 0 ? result() : result(cluster);
}

/** The null marker: yaml.v3 leaves the Go value untouched (a field at zero, a list item dropped). */
const NULL = Symbol('null');

class Decoder {
  private readonly resolving = new Set<Node>();

  constructor(
    private readonly doc: Document | undefined,
    private readonly problems: ConfigProblem[],
    private readonly at: DecodeResult['at'],
  ) {}

  error(node: Node | null | undefined, message: string): void {
    this.problems.push({ severity: 'error', ...this.at(node), message });
  }

  /** The node an alias stands for (yaml.v3 decodes the anchored node in its place). */
  deref(node: Node): Node | null {
    let current: Node | null = node;
    for (let hops = 0; current && isAlias(current); hops++) {
      if (hops > 100 || !this.doc) return null;
      current = (current.resolve(this.doc) as Node | undefined) ?? null;
    }
    return current;
  }

  scalar(node: Scalar): GoScalar {
    return resolveGoScalar(textOf(node), styleOf(node), node.tag);
  }

  isNull(node: Node | null): boolean {
    if (node === null) return true;
    return isScalar(node) && this.scalar(node).tag === '!!null';
  }

  /** A key decoded into a Go string: its text; NULL for a null key (yaml.v3 skips the pair). */
  private key(node: Node | null): string | typeof NULL | undefined {
    const key = node ? this.deref(node) : null;
    if (key === null || this.isNull(key)) return NULL;
    if (!isScalar(key)) {
      this.error(key, `cannot unmarshal ${goTagOf(key)} into string: a key must be a plain word`);
      return undefined;
    }
    return this.goString(key);
  }

  private goString(node: Scalar): string | undefined {
    const scalar = this.scalar(node);
    if (scalar.tag === 'error') {
      this.error(node, `YAML: ${scalar.message}`);
      return undefined;
    }
    return goStringOf(scalar, textOf(node));
  }

  /**
   * The key/value pairs a mapping decodes into, as yaml.v3 walks them: a duplicate key (same text)
   * fails the mapping; a plain `<<` merges the mapping(s) it names, keys already present winning.
   */
  private pairs(map: Node, where: string): Array<{ key: string; keyNode: Node; value: Node | null }> | undefined {
    if (!isMap(map)) return [];
    const items = map.items as Array<Pair<Node | null, Node | null>>;
    const identity = (node: Node | null): string => {
      if (node === null) return 'scalar:';
      if (isAlias(node)) return `alias:${node.source}`;
      if (isScalar(node)) return `scalar:${textOf(node)}`;
      return isMap(node) ? 'map:' : 'seq:';
    };
    const seenKeys = new Map<string, Node | null>();
    let duplicate = false;
    for (const pair of items) {
      const id = identity(pair.key);
      if (seenKeys.has(id)) {
        const first = seenKeys.get(id);
        this.error(pair.key ?? map, `${where}: key ${JSON.stringify(id.slice(id.indexOf(':') + 1))} is already defined at line ${this.at(first).line}`);
        duplicate = true;
      } else {
        seenKeys.set(id, pair.key);
      }
    }
    if (duplicate) return undefined;

    const out: Array<{ key: string; keyNode: Node; value: Node | null }> = [];
    const taken = new Set<string>();
    let merge: Node | null = null;
    for (const pair of items) {
      if (this.isMergeKey(pair.key)) {
        merge = pair.value;
        continue;
      }
      const key = this.key(pair.key);
      if (key === NULL || key === undefined) continue;
      taken.add(key);
      out.push({ key, keyNode: pair.key ?? map, value: pair.value });
    }
    if (merge) {
      const value = this.deref(merge);
      const sources = isSeq(value) ? (value.items as Array<Node | null>).map((item) => (item ? this.deref(item) : null)) : [value];
      for (const source of sources) {
        if (!isMap(source)) {
          this.error(merge, `${where}: map merge requires a map or a list of maps as the value`);
          return undefined;
        }
        const merged = this.pairs(source, where);
        if (!merged) return undefined;
        for (const entry of merged) {
          if (taken.has(entry.key)) continue;
          taken.add(entry.key);
          out.push(entry);
        }
      }
    }
    return out;
  }

  private isMergeKey(node: Node | null): boolean {
    if (!node || !isScalar(node) || node.type !== 'PLAIN' || textOf(node) !== '<<') return false;
    return node.tag === undefined || node.tag === '!' || node.tag === 'tag:yaml.org,2002:merge';
  }

  /** load.go's first pass: kind and apiVersion as strings, every other field ignored. */
  typeMeta(root: Node): { kind: { value: string; node?: Node }; apiVersion: { value: string; node?: Node } } | undefined {
    const pairs = this.pairs(root, 'Cluster');
    if (!pairs) return undefined;
    const meta = { kind: { value: '' } as { value: string; node?: Node }, apiVersion: { value: '' } as { value: string; node?: Node } };
    let failed = this.problems.length > 0;
    for (const { key, value } of pairs) {
      if (key !== 'kind' && key !== 'apiVersion') continue;
      const decoded = this.value(value, { kind: 'string' }, `Cluster.${key}`);
      if (decoded === undefined) failed = true;
      else if (typeof decoded === 'string') meta[key] = { value: decoded, node: value ?? undefined };
    }
    return failed ? undefined : meta;
  }

  struct(node: Node, type: KindType): DecodedStruct | undefined {
    const fields = kindTypes[type];
    const pairs = this.pairs(node, `v1alpha4.${type}`);
    if (!pairs) return undefined;
    const decoded: DecodedStruct = { type, node, values: new Map(), at: new Map() };
    for (const { key, keyNode, value } of pairs) {
      const field = fields[key];
      if (!field) {
        this.error(keyNode, `field ${key} not found in type v1alpha4.${type}`);
        continue;
      }
      const result = this.value(value, field, `${type}.${key}`);
      decoded.at.set(key, value ?? keyNode);
      if (result !== undefined && result !== NULL) decoded.values.set(key, result);
    }
    return decoded;
  }

  /**
   * One value decoded into a Go field: the value, NULL where yaml.v3 leaves the field alone, or
   * undefined after reporting why it does not fit.
   */
  value(raw: Node | null, field: FieldType, where: string): unknown {
    const node = raw ? this.deref(raw) : null;
    if (raw && !node) {
      this.error(raw, `${where}: the alias cannot be resolved`);
      return undefined;
    }
    if (node === null || this.isNull(node)) return NULL;
    if (isAlias(raw)) {
      if (this.resolving.has(raw)) {
        this.error(raw, `${where}: the anchor's value contains itself`);
        return undefined;
      }
      this.resolving.add(raw);
      try {
        return this.value(node, field, where);
      } finally {
        this.resolving.delete(raw);
      }
    }
    const mismatch = (what: string): undefined => {
      const shown = isScalar(node) ? ` (got ${JSON.stringify(textOf(node))})` : isMap(node) ? ' (got a mapping)' : ' (got a list)';
      this.error(node, `${where} must be ${what}${shown}`);
      return undefined;
    };
    switch (field.kind) {
      case 'string':
        if (!isScalar(node)) return mismatch('a string');
        return this.goString(node);
      case 'bool': {
        if (!isScalar(node)) return mismatch('true or false');
        const scalar = this.scalar(node);
        const value = goBoolOf(scalar);
        return value === undefined ? mismatch('true or false') : value;
      }
      case 'int32': {
        if (!isScalar(node)) return mismatch('a whole number');
        const value = goInt32Of(this.scalar(node));
        return value === undefined ? mismatch('a whole number') : value;
      }
      case 'stringMap':
      case 'boolMap': {
        if (!isMap(node)) return mismatch('a mapping');
        const pairs = this.pairs(node, where);
        if (!pairs) return undefined;
        const out = new Map<string, string | boolean>();
        for (const { key, value } of pairs) {
          const decoded = this.value(value, { kind: field.kind === 'boolMap' ? 'bool' : 'string' }, `${where}.${key}`);
          if (decoded === NULL) out.set(key, field.kind === 'boolMap' ? false : '');
          else if (decoded !== undefined) out.set(key, decoded as string | boolean);
        }
        return out;
      }
      case 'stringList': {
        if (!isSeq(node)) return mismatch('a list');
        const out: string[] = [];
        const itemNodes: Node[] = [];
        listItemNodes.set(out, itemNodes);
        for (const item of node.items as Array<Node | null>) {
          const target = item ? this.deref(item) : null;
          if (target !== null && !isScalar(target)) {
            this.error(target, `${where} items must be strings (write a patch as a "- |" block)`);
            continue;
          }
          const decoded = this.value(item, { kind: 'string' }, where);
          if (typeof decoded === 'string' && item) {
            out.push(decoded);
            itemNodes.push(item);
          }
        }
        return out;
      }
      case 'struct':
        return this.structValue(node, field.type, where);
      case 'structList': {
        if (!isSeq(node)) return mismatch('a list');
        const out: DecodedStruct[] = [];
        for (const item of node.items as Array<Node | null>) {
          const target = item ? this.deref(item) : null;
          if (target === null || this.isNull(target)) continue;
          const decoded = this.structValue(target, field.type, `${where} items`);
          if (decoded) out.push(decoded);
        }
        return out;
      }
    }
  }

  private structValue(node: Node, type: KindType, where: string): DecodedStruct | undefined {
    if (!isMap(node)) {
      const shown = isScalar(node) ? ` (got ${JSON.stringify(textOf(node))})` : ' (got a list)';
      this.error(node, `${where} must be a mapping of v1alpha4.${type} fields${shown}`);
      return undefined;
    }
    const before = this.problems.length;
    const decoded = this.struct(node, type);
    if (!decoded || this.problems.length > before) return decoded;
    // The UnmarshalYAML hooks of pkg/apis/config/v1alpha4/yaml.go, run after the plain decode.
    if (type === 'PortMapping') {
      const written = decoded.values.get('protocol');
      const protocol = typeof written === 'string' ? written.toUpperCase() : '';
      if (protocol !== '' && !(portProtocols as readonly string[]).includes(protocol)) {
        this.error(decoded.at.get('protocol'), `PortMapping.protocol must be one of ${portProtocols.join(', ')} (got ${String(written)}; letter case does not matter)`);
      }
      if (protocol !== '') decoded.values.set('protocol', protocol);
    }
    if (type === 'Mount') {
      const propagation = decoded.values.get('propagation');
      if (typeof propagation === 'string' && propagation !== '' && !(mountPropagations as readonly string[]).includes(propagation)) {
        this.error(decoded.at.get('propagation'), `Mount.propagation must be one of ${mountPropagations.join(', ')} (got ${propagation})`);
      }
    }
    return decoded;
  }
}
