import fc from 'fast-check';

/**
 * A fast-check generator of kind configs for the differential test against the real kind: it starts
 * from valid configs and mutates them field by field (values from pools aimed at each rule of kind's
 * loader and Validate) and type by type (a scalar where a list goes, a map where a string goes, quoted
 * numbers, YAML 1.1 words, nulls), plus renamed, duplicated, unknown and removed keys, node lists,
 * port mappings that may collide, and extra YAML documents. It never decides validity: the real kind
 * and our validator each give their verdict on the text.
 */

/** A YAML tree: scalars keep their raw text (quotes, tags and all), so styles are generated as written. */
export type Y = { s: string } | { block: string } | { m: Array<[string, Y]> } | { l: Y[] };

const s = (text: string): Y => ({ s: text });
const m = (...entries: Array<[string, Y]>): Y => ({ m: entries });
const l = (...items: Y[]): Y => ({ l: items });

const head: Array<[string, Y]> = [
  ['kind', s('Cluster')],
  ['apiVersion', s('kind.x-k8s.io/v1alpha4')],
];

/** Valid configs, each as kind's docs and e2e scripts write them. */
export const baseConfigs: Y[] = [
  m(...head),
  m(...head, ['name', s('e2e')], ['networking', m(['ipFamily', s('ipv4')], ['kubeProxyMode', s('iptables')])], ['nodes', l(m(['role', s('control-plane')]), m(['role', s('worker')]), m(['role', s('worker')]))]),
  m(
    ...head,
    ['name', s('rich')],
    ['featureGates', m(['SchedulerQueueingHints', s('true')], ['InPlacePodVerticalScaling', s('false')])],
    ['runtimeConfig', m(['api/alpha', s('"false"')])],
    ['networking', m(['podSubnet', s('10.244.0.0/16')], ['serviceSubnet', s('10.96.0.0/16')], ['apiServerPort', s('6443')], ['apiServerAddress', s('127.0.0.1')], ['disableDefaultCNI', s('false')], ['dnsSearch', l(s('example.com'))])],
    [
      'nodes',
      l(
        m(['role', s('control-plane')], ['labels', m(['ingress-ready', s('"true"')])], ['extraPortMappings', l(m(['containerPort', s('80')], ['hostPort', s('8080')], ['listenAddress', s('127.0.0.1')], ['protocol', s('TCP')]))]),
        m(['role', s('worker')], ['image', s('kindest/node:v1.35.4')], ['extraMounts', l(m(['hostPath', s('/tmp/data')], ['containerPath', s('/data')], ['readOnly', s('true')], ['propagation', s('HostToContainer')]))]),
      ),
    ],
    ['kubeadmConfigPatches', l({ block: 'kind: ClusterConfiguration\nscheduler:\n  extraArgs:\n    v: "4"\n' })],
    ['kubeadmConfigPatchesJSON6902', l(m(['group', s('kubeadm.k8s.io')], ['version', s('v1beta3')], ['kind', s('ClusterConfiguration')], ['patch', { block: '- op: add\n  path: /apiServer/certSANs/-\n  value: my-host\n' }]))],
    ['containerdConfigPatches', l({ block: '[plugins."io.containerd.grpc.v1.cri".registry]\n  config_path = "/etc/containerd/certs.d"\n' })],
  ),
  m(...head, ['networking', m(['ipFamily', s('dual')], ['podSubnet', s('"10.244.0.0/16,fd00:10:244::/56"')], ['serviceSubnet', s('"10.96.0.0/16,fd00:10:96::/112"')])], ['nodes', l(m(['role', s('control-plane')]), m(['role', s('worker')]))]),
  m(...head, ['networking', m(['ipFamily', s('ipv6')], ['apiServerAddress', s('"::1"')])], ['nodes', l(m(['role', s('control-plane')], ['extraPortMappings', l(m(['containerPort', s('443')], ['hostPort', s('8443')], ['listenAddress', s('"::1"')]))]))]),
];

/** Any scalar or small structure, for "a value of another type" anywhere. */
const anyValue = [
  'kind', 'e2e', 'Kind', 'a_b', 'x.y-z', '""', "''", '"quoted"', "'single'", '~', 'null', 'NULL', '',
  '0', '1', '-1', '-2', '80', '80.9', '-1.5', '1e3', '0x50', '0o120', '0120', '08', '1_000', '+80', '65535', '65536', '2147483648', '-2147483649',
  '.inf', '-.inf', '.nan', 'true', 'false', 'True', 'yes', 'no', 'on', 'Off', 'y', 'n', '"true"', '"yes"', "'on'", '2001-02-03', '"80"',
  '!!str 80', '!!int "80"', '!!float 1', '!!bool yes', '!!null ""', '[]', '{}', '[a, b]', '{a: 1}', '[1]', '[~]', '[{}]',
].map(s);

const pools: Record<string, string[]> = {
  name: ['kind', 'e2e', 'my.cluster-1', 'Kind', 'my_cluster', '"123"', '123', '""', '~', '-', '.', 'a'.repeat(51), 'UPPER', '"with space"', 'café', '1.5', 'true'],
  ipFamily: ['ipv4', 'ipv6', 'dual', 'IPv4', 'DUAL', '""', '~', 'ipv5', '4'],
  subnet: [
    '10.244.0.0/16', '10.244.0.1/16', '10.0.0.0/8', '10.0.0.0/33', '10.0.0.0', '010.0.0.0/8', '10.0.0.0/016', '"10.244.0.0/16,fd00:10:244::/56"',
    '"fd00:10:244::/56,10.244.0.0/16"', 'fd00:10:244::/56', 'fd00::/129', '"::ffff:10.0.0.0/104"', '"::ffff:10.0.0.0/80"', '"10.0.0.0/16,10.1.0.0/16"',
    '"10.0.0.0/16,fd00::/56,fd01::/56"', '"10.0.0.0/16, fd00::/56"', '"10.0.0.0/16,"', '"fe80::%eth0/64"', '1.2.3.4/24', '"::/0"', '0.0.0.0/0', '"::1.2.3.4/120"',
    '"1::2::3/64"', '"fd00:10:244:0:0:0:0:0/56"', '"fd00:10:244::0:0:0:0:0/56"', '""', '~', 'abc', '10.244.0.0/-1', '"fd00:10:244::/56,fd00:10:245::/56"', '10.244.0.0/+16',
  ],
  kubeProxyMode: ['iptables', 'ipvs', 'nftables', 'none', 'IPVS', 'userspace', '""', '~', 'None'],
  port: ['0', '-1', '-2', '80', '6443', '65535', '65536', '80.5', '"80"', '0x50', '1e2', '-1.9', '~', '2147483647', '1e10', '.5'],
  address: ['127.0.0.1', 'not-an-ip', '""', '"::1"', '0.0.0.0'],
  bool: ['true', 'false', 'yes', 'No', '"true"', '"yes"', '1', '~', 'off', 'TRUE', '!!bool true'],
  role: ['control-plane', 'worker', '""', '~', 'master', 'Worker', '"control-plane "', 'CONTROL-PLANE'],
  protocol: ['TCP', 'tcp', 'Udp', 'sctp', 'SCTP', 'http', '""', '~', 'TCP6', '"udp"'],
  propagation: ['None', 'none', 'HostToContainer', 'Bidirectional', 'bidirectional', '""', '~'],
  listenAddress: ['127.0.0.1', '0.0.0.0', '"::"', '"::1"', '""', '~', 'localhost', '"::ffff:127.0.0.1"', '1.2.3.04', '"fe80::1%eth0"', '"[::1]"', '256.1.1.1', '"::ffff:0.0.0.0"', '"0:0:0:0:0:0:0:0"', '"1:2:3:4:5:6:7:8:9"', '"1::2::3"', '"::1.2.3.4"', '"1:2:3:4:5:6:7::"'],
  text: ['/tmp', 'relative', '""', '1', 'x: y', '[a]'],
  dnsSearch: ['[]', '[a.example]', '~', 'a.example', '[1]', '[[a]]', '{a: b}'],
};

/** Fields that exist, with the pool their value comes from and where they live. */
const fields: Array<{ at: 'cluster' | 'networking' | 'node' | 'mount' | 'mapping' | 'gates' | 'labels'; key: string; pool: string }> = [
  { at: 'cluster', key: 'name', pool: 'name' },
  { at: 'networking', key: 'ipFamily', pool: 'ipFamily' },
  { at: 'networking', key: 'podSubnet', pool: 'subnet' },
  { at: 'networking', key: 'serviceSubnet', pool: 'subnet' },
  { at: 'networking', key: 'kubeProxyMode', pool: 'kubeProxyMode' },
  { at: 'networking', key: 'apiServerPort', pool: 'port' },
  { at: 'networking', key: 'apiServerAddress', pool: 'address' },
  { at: 'networking', key: 'disableDefaultCNI', pool: 'bool' },
  { at: 'networking', key: 'dnsSearch', pool: 'dnsSearch' },
  { at: 'node', key: 'role', pool: 'role' },
  { at: 'node', key: 'image', pool: 'text' },
  { at: 'mapping', key: 'hostPort', pool: 'port' },
  { at: 'mapping', key: 'containerPort', pool: 'port' },
  { at: 'mapping', key: 'protocol', pool: 'protocol' },
  { at: 'mapping', key: 'listenAddress', pool: 'listenAddress' },
  { at: 'mount', key: 'propagation', pool: 'propagation' },
  { at: 'mount', key: 'readOnly', pool: 'bool' },
  { at: 'mount', key: 'selinuxRelabel', pool: 'bool' },
  { at: 'mount', key: 'hostPath', pool: 'text' },
  { at: 'gates', key: 'SchedulerQueueingHints', pool: 'bool' },
  { at: 'labels', key: 'tier', pool: 'text' },
];

type Mutation =
  | { op: 'replace'; pick: number; value: number }
  | { op: 'field'; field: number; value: number; node: number }
  | { op: 'delete'; pick: number }
  | { op: 'rename'; pick: number; how: number }
  | { op: 'duplicate'; pick: number }
  | { op: 'unknown'; pick: number; key: number }
  | { op: 'nodes'; how: number }
  | { op: 'ports'; node: number; mappings: Array<{ hostPort: number; listen: number; protocol: number }> }
  | { op: 'document'; how: number };

const nat = fc.nat({ max: 1000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('replace' as const), pick: nat, value: nat }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('field' as const), field: nat, value: nat, node: nat }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: nat }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), pick: nat, how: nat }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), pick: nat }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unknown' as const), pick: nat, key: nat }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('nodes' as const), how: nat }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('ports' as const), node: nat, mappings: fc.array(fc.record({ hostPort: nat, listen: nat, protocol: nat }), { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('document' as const), how: nat }) },
);

/** A generated case: which valid config it starts from and the mutations applied, in order. */
export const kindConfigCase = fc.record({ base: fc.nat({ max: baseConfigs.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) });
export type KindConfigCase = { base: number; mutations: Mutation[] };

/** The YAML text of a case. */
export const kindConfigText: fc.Arbitrary<string> = kindConfigCase.map((c) => renderCase(c));

type Slot = { get: () => Y; set: (value: Y) => void; remove: () => void; parent: Y; index: number };

function slots(tree: Y): Slot[] {
  const out: Slot[] = [];
  const walk = (node: Y): void => {
    if ('m' in node) {
      node.m.forEach((entry, index) => {
        out.push({ get: () => entry[1], set: (v) => (entry[1] = v), remove: () => node.m.splice(index, 1), parent: node, index });
        walk(entry[1]);
      });
    } else if ('l' in node) {
      node.l.forEach((item, index) => {
        out.push({ get: () => item, set: (v) => (node.l[index] = v), remove: () => node.l.splice(index, 1), parent: node, index });
        walk(item);
      });
    }
  };
  walk(tree);
  return out;
}

function ensure(map: Y, key: string, make: () => Y): Y {
  if (!('m' in map)) return map;
  const found = map.m.find(([k]) => k === key);
  if (found && ('m' in found[1] || 'l' in found[1])) return found[1];
  const created = make();
  if (found) found[1] = created;
  else map.m.push([key, created]);
  return created;
}
function put(map: Y, key: string, value: Y): void {
  if (!('m' in map)) return;
  const found = map.m.find(([k]) => k === key);
  if (found) found[1] = value;
  else map.m.push([key, value]);
}
const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

function nodeAt(root: Y, n: number): Y {
  const nodes = ensure(root, 'nodes', () => l(m(['role', s('control-plane')])));
  if (!('l' in nodes)) return nodes;
  if (nodes.l.length === 0) nodes.l.push(m(['role', s('control-plane')]));
  const maps = nodes.l.filter((item) => 'm' in item);
  if (maps.length === 0) {
    const node = m(['role', s('control-plane')]);
    nodes.l.push(node);
    return node;
  }
  return pick(maps, n);
}

function apply(root: Y, mutation: Mutation, doc: { before: string; after: string }): void {
  const all = slots(root);
  switch (mutation.op) {
    case 'replace': {
      if (all.length > 0) pick(all, mutation.pick).set(structuredClone(pick(anyValue, mutation.value)));
      return;
    }
    case 'delete': {
      if (all.length > 0) pick(all, mutation.pick).remove();
      return;
    }
    case 'rename': {
      const keyed = all.filter((slot) => 'm' in slot.parent);
      if (keyed.length === 0) return;
      const slot = pick(keyed, mutation.pick);
      const pair = (slot.parent as { m: Array<[string, Y]> }).m[slot.index];
      if (!pair) return;
      const renames = [(k: string) => k.toUpperCase(), (k: string) => `${k}s`, (k: string) => `"${k}"`, (k: string) => `'${k}'`, (k: string) => k.toLowerCase(), () => '~', () => '[a]'];
      pair[0] = pick(renames, mutation.how)(pair[0]);
      return;
    }
    case 'duplicate': {
      const keyed = all.filter((slot) => 'm' in slot.parent);
      if (keyed.length === 0) return;
      const slot = pick(keyed, mutation.pick);
      const map = slot.parent as { m: Array<[string, Y]> };
      const pair = map.m[slot.index];
      if (pair) map.m.push([pair[0], structuredClone(pair[1])]);
      return;
    }
    case 'unknown': {
      const maps = [root, ...all.map((slot) => slot.get()).filter((node) => 'm' in node)];
      const target = pick(maps, mutation.pick);
      if ('m' in target) target.m.push([pick(['rolee', 'Role', 'NAME', 'kubeProxymode', 'extra', 'ipfamily', '"123"', 'featuregates'], mutation.key), s('x')]);
      return;
    }
    case 'nodes': {
      const variants: Array<() => void> = [
        () => put(root, 'nodes', l()),
        () => put(root, 'nodes', s('~')),
        () => put(root, 'nodes', l(m(), m(['role', s('worker')]))),
        () => put(root, 'nodes', l(m(['role', s('worker')]), m(['role', s('worker')]))),
        () => put(root, 'nodes', l(s('~'), m(['role', s('worker')]))),
        () => put(root, 'nodes', l(s('~'))),
        () => put(root, 'nodes', l(m(['image', s('kindest/node:v1.35.4')]))),
        () => put(root, 'nodes', l(m(['role', s('worker')]), m(['role', s('""')]))),
        () => put(root, 'nodes', l(m(['role', s('control-plane')]), m(['role', s('control-plane')]), m(['role', s('control-plane')]), m(['role', s('worker')]))),
      ];
      pick(variants, mutation.how)();
      return;
    }
    case 'ports': {
      const node = nodeAt(root, mutation.node);
      const list = ensure(node, 'extraPortMappings', () => l());
      if (!('l' in list)) return;
      for (const spec of mutation.mappings) {
        const mapping: Array<[string, Y]> = [['containerPort', s('80')], ['hostPort', s(pick(['80', '80', '8080', '0', '-1', '81'], spec.hostPort))]];
        const listen = pick([undefined, '127.0.0.1', '0.0.0.0', '"::"', '"::1"', '""', '"::ffff:127.0.0.1"', 'bogus', '"::ffff:0.0.0.0"'], spec.listen);
        if (listen !== undefined) mapping.push(['listenAddress', s(listen)]);
        const protocol = pick([undefined, 'TCP', 'tcp', 'UDP'], spec.protocol);
        if (protocol !== undefined) mapping.push(['protocol', s(protocol)]);
        list.l.push({ m: mapping });
      }
      return;
    }
    case 'field': {
      const field = pick(fields, mutation.field);
      const value = s(pick(pools[field.pool] ?? [''], mutation.value));
      if (field.key === 'dnsSearch') {
        const raw = (value as { s: string }).s;
        const parsed: Y = raw === '[]' ? l() : raw === '[a.example]' ? l(s('a.example')) : raw === '[1]' ? l(s('1')) : raw === '[[a]]' ? l(l(s('a'))) : raw === '{a: b}' ? m(['a', s('b')]) : value;
        put(ensure(root, 'networking', () => m()), 'dnsSearch', parsed);
        return;
      }
      const target =
        field.at === 'cluster' ? root
        : field.at === 'networking' ? ensure(root, 'networking', () => m())
        : field.at === 'gates' ? ensure(root, 'featureGates', () => m())
        : field.at === 'node' ? nodeAt(root, mutation.node)
        : field.at === 'labels' ? ensure(nodeAt(root, mutation.node), 'labels', () => m())
        : (() => {
            const node = nodeAt(root, mutation.node);
            const listKey = field.at === 'mount' ? 'extraMounts' : 'extraPortMappings';
            const list = ensure(node, listKey, () => l());
            if (!('l' in list)) return list;
            const maps = list.l.filter((item) => 'm' in item);
            if (maps.length > 0) return pick(maps, mutation.value);
            const made = field.at === 'mount' ? m(['hostPath', s('/tmp')], ['containerPath', s('/x')]) : m(['containerPort', s('80')], ['hostPort', s('9090')]);
            list.l.push(made);
            return made;
          })();
      put(target, field.key, value);
      return;
    }
    case 'document': {
      const variants: Array<() => void> = [
        () => (doc.before = '---\n'),
        () => (doc.after = '...\n'),
        () => (doc.after = '---\nkind: Foo\n'),
        () => (doc.after = '---\n[unclosed\n'),
        () => (doc.after = '---\napiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: 5\n'),
        () => (doc.before = '# a comment\n\n'),
        () => (doc.after = '---\n'),
        () => (doc.after = '--- |\n  text\n'),
      ];
      pick(variants, mutation.how)();
      return;
    }
  }
}

export function renderCase(c: KindConfigCase): string {
  const root = structuredClone(baseConfigs[c.base] ?? baseConfigs[0]) as Y;
  const doc = { before: '', after: '' };
  for (const mutation of c.mutations) apply(root, mutation, doc);
  return `${doc.before}${render(root, 0).join('\n')}\n${doc.after}`;
}

/** Block-style YAML lines for a tree at an indent; scalars are written as their raw text. */
export function render(node: Y, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if ('s' in node) return [`${pad}${node.s}`];
  if ('block' in node) return [`${pad}|`, ...node.block.replace(/\n$/, '').split('\n').map((line) => `${pad}  ${line}`)];
  if ('m' in node) {
    if (node.m.length === 0) return [`${pad}{}`];
    return node.m.flatMap(([key, value]) => {
      if ('s' in value) return [`${pad}${key}: ${value.s}`.trimEnd()];
      if ('block' in value) return [`${pad}${key}: |`, ...value.block.replace(/\n$/, '').split('\n').map((line) => `${pad}  ${line}`)];
      if ('m' in value && value.m.length === 0) return [`${pad}${key}: {}`];
      if ('l' in value && value.l.length === 0) return [`${pad}${key}: []`];
      return [`${pad}${key}:`, ...render(value, indent + 2)];
    });
  }
  if (node.l.length === 0) return [`${pad}[]`];
  return node.l.flatMap((item) => {
    if ('s' in item) return [`${pad}- ${item.s}`.trimEnd()];
    if ('block' in item) return [`${pad}- |`, ...item.block.replace(/\n$/, '').split('\n').map((line) => `${pad}    ${line}`)];
    if (('m' in item && item.m.length === 0) || ('l' in item && item.l.length === 0)) return [`${pad}- ${'m' in item ? '{}' : '[]'}`];
    const lines = render(item, indent + 2);
    return [`${pad}- ${(lines[0] ?? '').slice(indent + 2)}`, ...lines.slice(1)];
  });
}
