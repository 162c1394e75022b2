import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listContexts, pinnedKubeconfig } from '../../../shared/remote/kubeconfig-contexts.js';

// A kubeconfig as people have them: a kind cluster, a cloud cluster with an exec plugin, and one with files next to it.
const kubeconfig = `apiVersion: v1
kind: Config
preferences: {}
current-context: kind-kind
clusters:
- name: kind-kind
  cluster:
    certificate-authority-data: LS0tLS1CRUdJTi==
    server: https://127.0.0.1:41235
- name: gke_proj_europe-west1_prod
  cluster:
    certificate-authority-data: QUJD
    server: https://34.78.1.2
- name: lab
  cluster:
    certificate-authority: ./pki/ca.crt
    server: https://lab.example.com:6443
- name: ipv6
  cluster:
    server: https://[::1]:6443
contexts:
- name: kind-kind
  context:
    cluster: kind-kind
    user: kind-kind
- name: prod
  context:
    cluster: gke_proj_europe-west1_prod
    user: gke-user
    namespace: team-a
- name: lab-admin
  context:
    cluster: lab
    user: lab-admin
- name: v6
  context:
    cluster: ipv6
    user: lab-admin
- name: broken
  context:
    cluster: nowhere
    user: nobody
users:
- name: kind-kind
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
- name: gke-user
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: gke-gcloud-auth-plugin
      provideClusterInfo: true
- name: lab-admin
  user:
    client-certificate: certs/admin.crt
    client-key: ../keys/admin.key
    tokenFile: /etc/tokens/lab
`;

describe('listContexts', () => {
  it('lists every context with its cluster, user, namespace and server', () => {
    const { contexts, current } = listContexts(kubeconfig);
    expect(current).toBe('kind-kind');
    expect(contexts.map((c) => c.name)).toEqual(['kind-kind', 'prod', 'lab-admin', 'v6', 'broken']);
    expect(contexts[0]).toEqual({ name: 'kind-kind', cluster: 'kind-kind', user: 'kind-kind', server: 'https://127.0.0.1:41235', local: true });
    expect(contexts[1]).toEqual({ name: 'prod', cluster: 'gke_proj_europe-west1_prod', user: 'gke-user', namespace: 'team-a', server: 'https://34.78.1.2', local: false });
    expect(contexts[2]).toMatchObject({ server: 'https://lab.example.com:6443', local: false });
    expect(contexts[3]).toMatchObject({ server: 'https://[::1]:6443', local: true });
    expect(contexts[4]).toEqual({ name: 'broken', cluster: 'nowhere', user: 'nobody', local: false });
  });

  it('knows local clusters by their server host or their name', () => {
    const one = (name: string, server: string): boolean | undefined =>
      listContexts(`clusters: [{name: c-${name}, cluster: {server: "${server}"}}]\ncontexts: [{name: ${name}, context: {cluster: c-${name}, user: u}}]\nusers: []`).contexts[0]?.local;
    expect(one('a', 'https://localhost:6443')).toBe(true);
    expect(one('b', 'https://127.0.0.53:6443')).toBe(true);
    expect(one('c', 'https://host.docker.internal:6443')).toBe(true);
    expect(one('minikube', 'https://192.168.49.2:8443')).toBe(true);
    expect(one('docker-desktop', 'https://kubernetes.docker.internal:6443')).toBe(true);
    expect(one('k3d-dev', 'https://0.0.0.0:6550')).toBe(true);
    expect(one('orbstack', 'https://192.168.139.2:26443')).toBe(true);
    expect(one('rancher-desktop', 'https://192.168.5.15:6443')).toBe(true);
    expect(one('colima', 'https://192.168.106.2:6443')).toBe(true);
    expect(one('prod', 'https://10.0.0.1:6443')).toBe(false);
    expect(one('staging', 'https://127.example.com:6443')).toBe(false);
    expect(one('evil', 'https://localhost.evil.com:6443')).toBe(false);
    expect(one('my-kind-cluster', 'https://api.corp.net')).toBe(false);
  });

  it('leaves out a current-context that names no context', () => {
    expect(listContexts('current-context: gone\ncontexts: [{name: a, context: {cluster: x, user: y}}]').current).toBeUndefined();
    expect(listContexts('contexts: null\nclusters: null\nusers: null')).toEqual({ contexts: [] });
  });

  it('throws a clear error on what is not a kubeconfig', () => {
    expect(() => listContexts('apiVersion: v1\nkind: Config\nclusters:\n  - name: a\n   bad: indent\n')).toThrow(/not valid YAML \(line \d+\)/);
    expect(() => listContexts('{"clusters": [')).toThrow(/not valid YAML/);
    expect(() => listContexts('just some text')).toThrow(/not a kubeconfig/);
    expect(() => listContexts('')).toThrow(/not a kubeconfig/);
    expect(() => listContexts('apiVersion: v1\nkind: Pod\ncontexts: []')).toThrow(/kind is Pod/);
    expect(() => listContexts('apiVersion: v1\nkind: Config\nclusters: []')).toThrow(/no contexts list/);
    expect(() => listContexts('contexts: {a: b}')).toThrow(/contexts is not a list/);
  });

  it('points at the line of a YAML error', () => {
    try {
      listContexts('apiVersion: v1\nkind: Config\ncontexts:\n- name: "unterminated\n');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/line [45]\b/);
    }
  });
});

describe('pinnedKubeconfig', () => {
  it('keeps only the chosen context, its cluster and its user, and makes it current', () => {
    const pinned = parse(pinnedKubeconfig(kubeconfig, 'prod', '/home/ada/.kube'));
    expect(pinned).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'prod',
      clusters: [{ name: 'gke_proj_europe-west1_prod', cluster: { 'certificate-authority-data': 'QUJD', server: 'https://34.78.1.2' } }],
      contexts: [{ name: 'prod', context: { cluster: 'gke_proj_europe-west1_prod', user: 'gke-user', namespace: 'team-a' } }],
      users: [{ name: 'gke-user', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'gke-gcloud-auth-plugin', provideClusterInfo: true } } }],
    });
  });

  it('makes relative certificate, key and token paths absolute against the kubeconfig directory', () => {
    const pinned = parse(pinnedKubeconfig(kubeconfig, 'lab-admin', '/home/ada/.kube/'));
    expect(pinned.clusters[0].cluster['certificate-authority']).toBe('/home/ada/.kube/pki/ca.crt');
    expect(pinned.users[0].user).toEqual({ 'client-certificate': '/home/ada/.kube/certs/admin.crt', 'client-key': '/home/ada/keys/admin.key', tokenFile: '/etc/tokens/lab' });
    const deep = parse(pinnedKubeconfig(kubeconfig, 'lab-admin', '/srv/./configs/../kube'));
    expect(deep.clusters[0].cluster['certificate-authority']).toBe('/srv/kube/pki/ca.crt');
    expect(deep.users[0].user['client-key']).toBe('/srv/keys/admin.key');
  });

  it('leaves the original untouched and is itself a kubeconfig listContexts reads', () => {
    const pinned = pinnedKubeconfig(kubeconfig, 'kind-kind', '/tmp');
    expect(listContexts(pinned)).toEqual({ current: 'kind-kind', contexts: [{ name: 'kind-kind', cluster: 'kind-kind', user: 'kind-kind', server: 'https://127.0.0.1:41235', local: true }] });
    expect(listContexts(kubeconfig).contexts).toHaveLength(5);
  });

  it('throws naming what is missing', () => {
    expect(() => pinnedKubeconfig(kubeconfig, 'staging', '/tmp')).toThrow(/no context named "staging"/);
    expect(() => pinnedKubeconfig(kubeconfig, 'broken', '/tmp')).toThrow(/cluster "nowhere"/);
    const noUser = kubeconfig.replace('cluster: nowhere', 'cluster: lab');
    expect(() => pinnedKubeconfig(noUser, 'broken', '/tmp')).toThrow(/user "nobody"/);
    expect(() => pinnedKubeconfig('kind: Secret\ncontexts: []', 'x', '/tmp')).toThrow(/not a kubeconfig/);
  });
});
