import { describe, expect, it } from 'vitest';
import { explainKubectlFailure } from '../../../shared/remote/kubectl-failure.js';

describe('explainKubectlFailure', () => {
  it.each([
    ['Unable to connect to the server: dial tcp: lookup api.prod.example.com on 192.168.1.1:53: no such host', 'dns', /api\.prod\.example\.com does not resolve/],
    ['Unable to connect to the server: dial tcp: lookup k8s.internal: server misbehaving', 'dns', /k8s\.internal/],
    ['Unable to connect to the server: x509: certificate signed by unknown authority', 'tls', /authority the kubeconfig does not trust/],
    ['Unable to connect to the server: tls: failed to verify certificate: x509: certificate is valid for kubernetes, kubernetes.default, 10.96.0.1, not api.example.com', 'tls', /for kubernetes, kubernetes\.default, 10\.96\.0\.1, not api\.example\.com/],
    ['Unable to connect to the server: x509: certificate has expired or is not yet valid: current time 2026-11-25T19:24:26Z is after 2026-01-01T00:00:00Z', 'tls', /expired/],
    ['error: You must be logged in to the server (Unauthorized)', 'auth', /Unauthorized/],
    ['error: You must be logged in to the server (the server has asked for the client to provide credentials)', 'auth', /credentials/],
    ['Unable to connect to the server: dial tcp 10.20.30.40:6443: i/o timeout', 'timeout', /10\.20\.30\.40:6443 did not answer/],
    ['Unable to connect to the server: net/http: TLS handshake timeout', 'timeout', /did not answer in time/],
    ['Get "https://api.example.com:443/api?timeout=32s": context deadline exceeded', 'timeout', /api\.example\.com:443/],
    ['Get "https://1.2.3.4/version": net/http: request canceled (Client.Timeout exceeded while awaiting headers)', 'timeout', /1\.2\.3\.4/],
    ['The connection to the server 127.0.0.1:41235 was refused - did you specify the right host or port?', 'refused', /127\.0\.0\.1:41235/],
    ['E1125 19:24:26.123456   4242 memcache.go:265] couldn\'t get current server API group list: Get "https://127.0.0.1:6443/api?timeout=32s": dial tcp 127.0.0.1:6443: connect: connection refused', 'refused', /127\.0\.0\.1:6443/],
    ['Error from server (NotFound): deployments.apps "kube-scheduler" not found', 'not-found', /deployments\.apps "kube-scheduler" does not exist/],
    ['Error from server (NotFound): leases.coordination.k8s.io "kube-scheduler" not found', 'not-found', /leases/],
  ])('%s', (stderr, kind, message) => {
    const failure = explainKubectlFailure(stderr);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toMatch(message);
  });

  it('names user, verb, resource and namespace of a forbidden request', () => {
    const failure = explainKubectlFailure(
      'Error from server (Forbidden): deployments.apps "kube-scheduler" is forbidden: User "ada@example.com" cannot patch resource "deployments/scale" in API group "apps" in the namespace "kube-system"',
    );
    expect(failure.kind).toBe('forbidden');
    expect(failure.message).toBe('User ada@example.com is not allowed to patch deployments/scale (API group apps) in namespace kube-system; ask a cluster admin for a Role or ClusterRole that grants it.');
  });

  it('explains cluster-scoped and path refusals too', () => {
    const nodes = explainKubectlFailure('Error from server (Forbidden): nodes is forbidden: User "system:serviceaccount:ci:runner" cannot list resource "nodes" in API group "" at the cluster scope');
    expect(nodes).toEqual({ kind: 'forbidden', message: expect.stringMatching(/system:serviceaccount:ci:runner is not allowed to list nodes at cluster scope/) });
    expect(explainKubectlFailure('Error from server (Forbidden): forbidden: User "bob" cannot get path "/version"').message).toMatch(/bob is not allowed to get the path \/version;/);
    expect(explainKubectlFailure('Error from server (Forbidden): something odd').kind).toBe('forbidden');
  });

  it('passes anything else on as unknown, in kubectl\'s own words', () => {
    expect(explainKubectlFailure('error: the server doesn\'t have a resource type "leases"\n')).toEqual({ kind: 'unknown', message: 'kubectl failed: the server doesn\'t have a resource type "leases"' });
    expect(explainKubectlFailure('  \n')).toEqual({ kind: 'unknown', message: 'kubectl failed without saying why.' });
  });
});
