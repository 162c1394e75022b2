import { writeFile } from 'node:fs/promises';

/**
 * An admin kubeconfig for our apiserver: the CA inlined (so the file works from anywhere) and
 * the admin bearer token. JSON is valid YAML, so kubectl and e2e.test read it as is.
 */
export async function writeKubeconfig(file: string, options: { server: string; caPem: string; token: string; name?: string }): Promise<void> {
  const name = options.name ?? 'k8s-e2e-studio-real';
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server: options.server, 'certificate-authority-data': Buffer.from(options.caPem).toString('base64') } }],
    users: [{ name: 'kubernetes-admin', user: { token: options.token } }],
    contexts: [{ name, context: { cluster: name, user: 'kubernetes-admin' } }],
    'current-context': name,
    preferences: {},
  };
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}
