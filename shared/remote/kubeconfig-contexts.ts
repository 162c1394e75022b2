import { LineCounter, parseDocument, stringify } from 'yaml';

/** One context of a kubeconfig, with what the picker shows about it. */
export interface KubeconfigContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
  /** The server URL of the referenced cluster entry, when there is one. */
  server?: string;
  /** A cluster on this machine (kind, minikube, Docker Desktop…): swapping its scheduler needs no typed confirmation. */
  local: boolean;
}

type Entry = Record<string, unknown>;
interface Kubeconfig {
  contexts: Entry[];
  clusters: Entry[];
  users: Entry[];
  currentContext?: string;
}

const localNamePrefixes = ['kind-', 'minikube', 'docker-desktop', 'rancher-desktop', 'orbstack', 'k3d-', 'colima'];

const isEntry = (value: unknown): value is Entry => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const section = (entry: Entry | undefined, key: string): Entry => (entry && isEntry(entry[key]) ? entry[key] : {});

/** Reads the text as a kubeconfig, or throws saying why it is not one. */
function readKubeconfig(kubeconfigText: string): Kubeconfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(kubeconfigText, { lineCounter });
  const error = doc.errors[0];
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    const reason = error.message.split('\n')[0];
    throw new Error(`The kubeconfig is not valid YAML (line ${line}): ${reason}`);
  }
  const data: unknown = doc.toJS();
  if (!isEntry(data)) throw new Error('The file is not a kubeconfig: it has no contexts, clusters and users.');
  if (data.kind !== undefined && data.kind !== 'Config') {
    throw new Error(`The file is not a kubeconfig: its kind is ${String(data.kind)}, a kubeconfig's is Config.`);
  }
  if (!('contexts' in data)) throw new Error('The file is not a kubeconfig: it has no contexts list.');
  const list = (key: string): Entry[] => {
    const value = data[key];
    if (value === null || value === undefined) return []; // kubectl writes "contexts: null" for an empty list
    if (!Array.isArray(value)) throw new Error(`The kubeconfig's ${key} is not a list.`);
    return value.filter(isEntry);
  };
  return { contexts: list('contexts'), clusters: list('clusters'), users: list('users'), currentContext: text(data['current-context']) };
}

/** The host of a server URL such as https://127.0.0.1:6443 or https://[::1]:6443, lower-cased. */
function serverHost(server: string): string {
  const authority = server.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const bracketed = /^\[([^\]]*)\]/.exec(hostPort);
  if (bracketed) return (bracketed[1] ?? '').toLowerCase();
  return (hostPort.split(':')[0] ?? '').toLowerCase();
}

function isLocalHost(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === 'host.docker.internal';
}

const hasLocalName = (name: string): boolean => localNamePrefixes.some((prefix) => name.startsWith(prefix));

const byName = (entries: Entry[], name: string): Entry | undefined => entries.find((entry) => entry.name === name);

/** The contexts of a kubeconfig, and its current-context when that names one of them. */
export function listContexts(kubeconfigText: string): { contexts: KubeconfigContext[]; current?: string } {
  const config = readKubeconfig(kubeconfigText);
  const contexts: KubeconfigContext[] = [];
  for (const entry of config.contexts) {
    const name = text(entry.name);
    if (name === undefined) continue;
    const body = section(entry, 'context');
    const cluster = text(body.cluster) ?? '';
    const server = text(section(byName(config.clusters, cluster), 'cluster').server);
    const namespace = text(body.namespace);
    const local = (server !== undefined && isLocalHost(serverHost(server))) || hasLocalName(name) || hasLocalName(cluster);
    contexts.push({ name, cluster, user: text(body.user) ?? '', ...(namespace ? { namespace } : {}), ...(server ? { server } : {}), local });
  }
  const current = config.currentContext;
  return current !== undefined && contexts.some((context) => context.name === current) ? { contexts, current } : { contexts };
}

/** `path` resolved against the directory `base` the way a POSIX shell would, with `.` and `..` folded. */
function resolveAgainst(base: string, path: string): string {
  if (path.startsWith('/')) return path;
  const parts: string[] = [];
  for (const part of `${base}/${path}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `${base.startsWith('/') ? '/' : ''}${parts.join('/')}`;
}

/** Makes the named file fields of `entry` absolute against `dir`; blank or absent fields stay as they are. */
function absolutize(entry: Entry, keys: readonly string[], dir: string): void {
  for (const key of keys) {
    const value = entry[key];
    if (typeof value === 'string' && value !== '') entry[key] = resolveAgainst(dir, value);
  }
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * A kubeconfig with only `contextName`, its cluster and its user, current-context set to it, and
 * relative certificate, key and token file paths made absolute against `kubeconfigDir` (the
 * directory of the original file), so that the copy works from anywhere.
 */
export function pinnedKubeconfig(kubeconfigText: string, contextName: string, kubeconfigDir: string): string {
  const config = readKubeconfig(kubeconfigText);
  const context = byName(config.contexts, contextName);
  if (!context) throw new Error(`The kubeconfig has no context named "${contextName}".`);
  const body = section(context, 'context');
  const clusterName = text(body.cluster);
  const userName = text(body.user);
  const cluster = clusterName === undefined ? undefined : byName(config.clusters, clusterName);
  if (!cluster) throw new Error(`The context "${contextName}" refers to cluster "${clusterName ?? ''}", which the kubeconfig does not define.`);
  const user = userName === undefined ? undefined : byName(config.users, userName);
  if (!user) throw new Error(`The context "${contextName}" refers to user "${userName ?? ''}", which the kubeconfig does not define.`);

  const pinnedCluster = copy(cluster);
  if (isEntry(pinnedCluster.cluster)) absolutize(pinnedCluster.cluster, ['certificate-authority'], kubeconfigDir);
  const pinnedUser = copy(user);
  // exec and auth-provider settings are left untouched: they name programs and options, not files next to the kubeconfig.
  if (isEntry(pinnedUser.user)) absolutize(pinnedUser.user, ['client-certificate', 'client-key', 'tokenFile'], kubeconfigDir);

  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [pinnedCluster],
    contexts: [copy(context)],
    users: [pinnedUser],
    'current-context': contextName,
  });
}
