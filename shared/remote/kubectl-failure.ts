/** The kinds of trouble kubectl reports when it cannot reach or use a cluster. */
export type KubectlFailureKind = 'dns' | 'tls' | 'auth' | 'forbidden' | 'timeout' | 'refused' | 'not-found' | 'unknown';

/** The endpoint kubectl tried: from "dial tcp HOST:PORT:", a request URL, or "The connection to the server HOST was refused". */
function endpoint(stderr: string): string | undefined {
  const dial = /dial tcp (\[[^\]]+\]:\d+|[^\s:]+:\d+)/.exec(stderr);
  if (dial?.[1]) return dial[1];
  const url = /"https?:\/\/([^/"\s]+)/.exec(stderr);
  if (url?.[1]) return url[1];
  return /connection to the server (\S+?) was refused/.exec(stderr)?.[1];
}

const at = (stderr: string): string => {
  const where = endpoint(stderr);
  return where ? ` at ${where}` : '';
};

function forbidden(stderr: string): string {
  const match = /User "([^"]*)" cannot (\S+) (resource|path) "([^"]*)"(?: in API group "([^"]*)")?(?: in the namespace "([^"]*)")?/.exec(stderr);
  if (!match) return 'The cluster refused the request (Forbidden): your user lacks the RBAC permission for it; ask a cluster admin for a Role that allows it.';
  const [, user, verb, what, target, group, namespace] = match;
  const thing = what === 'path' ? `the path ${target}` : `${target}${group ? ` (API group ${group})` : ''}`;
  const scope = namespace ? `in namespace ${namespace}` : what === 'path' ? '' : 'at cluster scope';
  return `User ${user} is not allowed to ${verb} ${thing}${scope ? ` ${scope}` : ''}; ask a cluster admin for a Role or ClusterRole that grants it.`;
}

function tls(stderr: string): string {
  const validFor = /x509: certificate is valid for ([^\n]*?), not (\S+)/.exec(stderr);
  if (validFor) return `The API server's certificate is for ${validFor[1]}, not ${validFor[2]}: the server address in the kubeconfig does not match the certificate.`;
  if (/x509: certificate has expired or is not yet valid/.test(stderr)) return 'A certificate has expired or is not valid yet: renew the kubeconfig\'s credentials, or check this machine\'s clock.';
  if (/certificate signed by unknown authority/.test(stderr)) return `The API server${at(stderr)} presents a certificate signed by an authority the kubeconfig does not trust: check its certificate-authority(-data).`;
  return `The secure connection to the API server${at(stderr)} failed (TLS): check the kubeconfig's certificates and the server address.`;
}

function notFound(stderr: string): string {
  const match = /(\S+) "([^"]+)" not found/.exec(stderr);
  return match ? `The ${match[1]} "${match[2]}" does not exist in the cluster.` : 'kubectl asked for something the cluster does not have (not found).';
}

/** The first line that says something, without klog's prefix, kubectl's "error: " or "Unable to connect to the server: ". */
function firstLine(stderr: string): string {
  const line = stderr.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  return line.replace(/^(?:E\d{4} [\d:.]+\s+\d+ \S+\] )?(?:error: )?(?:Unable to connect to the server: )?/, '');
}

/** Sorts kubectl's error output into a kind of failure, with one sentence saying what it means. */
export function explainKubectlFailure(stderr: string): { kind: KubectlFailureKind; message: string } {
  const dnsHost = /lookup ([^\s:]+)(?: on [^\s]+)?: (?:no such host|server misbehaving)/.exec(stderr)?.[1];
  if (dnsHost || /no such host|server misbehaving/.test(stderr)) {
    return { kind: 'dns', message: `The API server's host name${dnsHost ? ` ${dnsHost}` : ''} does not resolve: check the server address in the kubeconfig, and your VPN or network.` };
  }
  if (/x509:|certificate signed by unknown authority|\btls: /.test(stderr)) return { kind: 'tls', message: tls(stderr) };
  if (/i\/o timeout|context deadline exceeded|Client\.Timeout exceeded|TLS handshake timeout/.test(stderr)) {
    return { kind: 'timeout', message: `The API server${at(stderr)} did not answer in time: the cluster may be down or behind a VPN or firewall this machine is not on.` };
  }
  if (/connection refused|was refused/.test(stderr)) {
    return { kind: 'refused', message: `Nothing accepts connections${at(stderr)}: the cluster is stopped, or the kubeconfig's server address is wrong.` };
  }
  if (/Unauthorized|You must be logged in|the server has asked for the client to provide credentials/.test(stderr)) {
    return { kind: 'auth', message: 'The API server did not accept the kubeconfig\'s credentials (Unauthorized): log in again or refresh the token, then pick the kubeconfig again.' };
  }
  if (/Forbidden|is forbidden:/.test(stderr)) return { kind: 'forbidden', message: forbidden(stderr) };
  if (/NotFound|not found/.test(stderr)) return { kind: 'not-found', message: notFound(stderr) };
  const line = firstLine(stderr);
  return { kind: 'unknown', message: line ? `kubectl failed: ${line}` : 'kubectl failed without saying why.' };
}
