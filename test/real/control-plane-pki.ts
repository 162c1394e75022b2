import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';

export interface ControlPlanePki {
  caCert: string;
  caKey: string;
  servingCert: string;
  servingKey: string;
  serviceAccountKey: string;
  serviceAccountPublicKey: string;
  /** A bearer token for a member of system:masters, listed in tokenFile. */
  adminToken: string;
  /** A bearer token for "studio-viewer", a user with read-only rights (see restrictedUser). */
  viewerToken: string;
  tokenFile: string;
}

/**
 * Makes, with Debian's openssl, everything the apiserver needs to start fresh: a CA, a serving
 * certificate for 127.0.0.1/localhost and the in-cluster service names signed by it, an RSA key
 * pair for service-account tokens, and a static token file holding one admin token.
 */
export async function createControlPlanePki(dir: string): Promise<ControlPlanePki> {
  const file = (name: string): string => path.join(dir, name);
  const pki: ControlPlanePki = {
    caCert: file('ca.crt'),
    caKey: file('ca.key'),
    servingCert: file('apiserver.crt'),
    servingKey: file('apiserver.key'),
    serviceAccountKey: file('sa.key'),
    serviceAccountPublicKey: file('sa.pub'),
    adminToken: randomBytes(24).toString('hex'),
    viewerToken: randomBytes(24).toString('hex'),
    tokenFile: file('tokens.csv'),
  };
  const openssl = (args: string[]): Promise<unknown> => execa('openssl', args, { cwd: dir });

  await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', pki.caKey, '-out', pki.caCert, '-days', '30', '-subj', '/CN=k8s-e2e-studio-test-ca',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign,digitalSignature']);

  const names = ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'];
  const altNames = ['IP:127.0.0.1', 'IP:10.96.0.1', ...names.map((name) => `DNS:${name}`)].join(',');
  await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', pki.servingKey, '-out', pki.servingCert, '-days', '30', '-subj', '/CN=kube-apiserver',
    '-CA', pki.caCert, '-CAkey', pki.caKey, '-addext', `subjectAltName=${altNames}`, '-addext', 'basicConstraints=critical,CA:FALSE',
    '-addext', 'keyUsage=critical,digitalSignature,keyEncipherment', '-addext', 'extendedKeyUsage=serverAuth']);

  await openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', pki.serviceAccountKey]);
  await openssl(['pkey', '-in', pki.serviceAccountKey, '-pubout', '-out', pki.serviceAccountPublicKey]);

  // token,user,uid,"group1,group2": system:masters is allowed everything by the RBAC authorizer.
  // The viewer is in no group but system:authenticated; its rights come from RBAC objects alone.
  await writeFile(pki.tokenFile, `${pki.adminToken},kubernetes-admin,kubernetes-admin,"system:masters"\n${pki.viewerToken},studio-viewer,studio-viewer\n`, { mode: 0o600 });
  return pki;
}
