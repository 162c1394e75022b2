import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import { explainKubectlFailure } from '../../../shared/remote/kubectl-failure.js';
import { listContexts, pinnedKubeconfig } from '../../../shared/remote/kubeconfig-contexts.js';
import { leaseHolder, schedulerPlacement, type SchedulerPlacement } from '../../../shared/remote/scheduler-placement.js';
import { skewWarning } from '../../../shared/remote/version-skew.js';
import { summarizeNodes, type NodeSummary } from '../../../shared/cluster/node-summary.js';
import type { RemoteSettings } from '../../../shared/settings/settings.js';
import { writeTextAtomic } from '../store/json-file.js';
import { ensureRemoteDir, remoteFiles } from './remote-files.js';

/** Runs kubectl with the given arguments (after --kubeconfig/--context); exit codes other than 0 are answered, not thrown. */
export type Kubectl = (args: string[]) => Promise<{ exitCode: number; stdout: string; stderr: string }>;

/** What preflight, swap and restore need from whoever drives them: a step (commands recorded) or the engine at start or quit. */
export interface RemoteIo {
  kubectl: Kubectl;
  print(line: string): void;
  signal?: AbortSignal;
}

export interface RemoteTarget {
  /** The user's kubeconfig file the context comes from. */
  source: string;
  context: string;
  server: string;
  local: boolean;
}

export interface Preflight {
  target: RemoteTarget;
  serverVersion: string;
  skew?: string;
  nodes: NodeSummary;
  placement: SchedulerPlacement;
  lease: { holder?: string; renewTime?: string };
}

/** The kubeconfig remote mode reads: the one chosen, else the first of $KUBECONFIG, else ~/.kube/config. */
export function sourceKubeconfig(settings: RemoteSettings): string {
  if (settings.kubeconfig.trim()) return path.resolve(settings.kubeconfig.trim().replace(/^~(?=$|\/)/, os.homedir()));
  const fromEnv = (process.env.KUBECONFIG ?? '').split(path.delimiter).find(Boolean);
  return fromEnv ?? path.join(os.homedir(), '.kube', 'config');
}

/**
 * Checks the chosen kubeconfig and context and writes the private copy (0600) pinned to that
 * context. A context that is not a local cluster must have been typed to confirm.
 */
export async function prepareTarget(dataDir: string, settings: RemoteSettings): Promise<RemoteTarget> {
  const source = sourceKubeconfig(settings);
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch {
    throw new AppError(`There is no kubeconfig at ${source}: choose the file in the Mode step.`);
  }
  let contexts;
  try {
    contexts = listContexts(text);
  } catch (error) {
    throw new AppError(`${source} is not a kubeconfig the app can read: ${(error as Error).message}`);
  }
  if (!settings.context) throw new AppError(`Choose a context of ${source} in the Mode step; the app never uses the current context silently.`);
  const context = contexts.contexts.find((c) => c.name === settings.context);
  if (!context) throw new AppError(`${source} has no context named "${settings.context}" (it has: ${contexts.contexts.map((c) => c.name).join(', ') || 'none'}).`);
  if (!context.local && settings.confirmedContext !== context.name) {
    throw new AppError(`"${context.name}" is not a local cluster: type its name in the Mode step to confirm that the app may scale its scheduler down.`);
  }
  await ensureRemoteDir(dataDir);
  await writeTextAtomic(remoteFiles(dataDir).kubeconfig, pinnedKubeconfig(text, context.name, path.dirname(source)));
  return { source, context: context.name, server: context.server ?? '', local: context.local };
}

/** Reachability, versions, nodes, and where the in-cluster scheduler runs. Changes nothing. */
export async function preflight(io: RemoteIo, target: RemoteTarget, localVersion?: string): Promise<Preflight> {
  const version = await io.kubectl(['version', '-o', 'json']);
  const server = parseServerVersion(version.stdout);
  if (!server) throw new AppError(`The cluster at ${target.server || target.context} does not answer: ${explainKubectlFailure(version.stderr).message}`);
  io.print(`API server ${server}${localVersion ? `, local build ${localVersion}` : ''}.`);
  const skew = localVersion ? skewWarning(server, localVersion) : undefined;
  if (skew) io.print(`\x1b[33mwarning: ${skew}\x1b[0m`);
  const nodes = summarizeNodes(await mustKubectl(io, ['get', 'nodes', '-o', 'json'], 'list the nodes'));
  io.print(`${nodes.total} nodes, ${nodes.schedulable} schedulable, ${nodes.osArch}.`);
  const placement = schedulerPlacement(
    await mustKubectl(io, ['get', 'deployments', '-n', 'kube-system', '-o', 'json'], 'list the Deployments in kube-system'),
    await mustKubectl(io, ['get', 'pods', '-n', 'kube-system', '-o', 'json'], 'list the pods in kube-system'),
  );
  const lease = await schedulerLease(io.kubectl);
  io.print(`Scheduler lease kube-system/kube-scheduler: ${lease.holder ? `held by ${lease.holder}` : 'not held'}.`);
  if (placement.kind === 'deployment') await mayScale(io, placement.namespace, placement.name);
  return { target, serverVersion: server, skew, nodes, placement, lease };
}

/** The swap scales the Deployment (kubectl scale patches its scale subresource); ask before touching anything. */
async function mayScale(io: RemoteIo, namespace: string, name: string): Promise<void> {
  for (const [verb, resource] of [['patch', 'deployments/scale'], ['get', 'deployments']] as const) {
    const answer = await io.kubectl(['auth', 'can-i', verb, `${resource}/${name}`, '-n', namespace]);
    if (answer.stdout.trim() !== 'yes') {
      const user = await io.kubectl(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}']);
      const who = user.exitCode === 0 && user.stdout.trim() ? `User "${user.stdout.trim()}"` : 'This user';
      throw new AppError(`Forbidden: ${who} cannot ${verb} resource "${resource}" in API group "apps" in the namespace "${namespace}" (Deployment ${name}), which the swap needs. Nothing was changed.`);
    }
  }
}

/** kubectl that must succeed; a failure is explained in plain words. */
export async function mustKubectl(io: Pick<RemoteIo, 'kubectl'>, args: string[], what: string): Promise<string> {
  const answer = await io.kubectl(args);
  if (answer.exitCode !== 0) throw new AppError(`Could not ${what}: ${explainKubectlFailure(answer.stderr).message}`);
  return answer.stdout;
}

/** What the swap reads of the in-cluster scheduler's Deployment. */
export interface DeploymentState {
  /** What it asks for (spec.replicas). */
  wanted: number;
  /** Pods it still has (status.replicas). */
  pods: number;
  ready: number;
  annotations: Record<string, string>;
}

/** Reads the Deployment; undefined when kubectl cannot (kubectl's own reason is in `failure`). */
export async function readDeployment(kubectl: Kubectl, deployment: { namespace: string; name: string }): Promise<{ state?: DeploymentState; failure?: string }> {
  const answer = await kubectl(['-n', deployment.namespace, 'get', `deployment/${deployment.name}`, '-o', 'json']);
  if (answer.exitCode !== 0) return { failure: answer.stderr };
  const parsed = JSON.parse(answer.stdout) as { metadata?: { annotations?: Record<string, string> }; spec?: { replicas?: number }; status?: { replicas?: number; readyReplicas?: number } };
  return { state: { wanted: parsed.spec?.replicas ?? 0, pods: parsed.status?.replicas ?? 0, ready: parsed.status?.readyReplicas ?? 0, annotations: parsed.metadata?.annotations ?? {} } };
}

/** The same, for a read that must succeed; a failure is explained in plain words. */
export async function mustReadDeployment(io: Pick<RemoteIo, 'kubectl'>, deployment: { namespace: string; name: string }): Promise<DeploymentState> {
  const { state, failure } = await readDeployment(io.kubectl, deployment);
  if (!state) throw new AppError(`Could not read ${deployment.namespace}/${deployment.name}: ${explainKubectlFailure(failure ?? '').message}`);
  return state;
}

/** The kube-system/kube-scheduler lease's holder and last renewal; nothing when there is no lease (or it cannot be read). */
export async function schedulerLease(kubectl: Kubectl): Promise<ReturnType<typeof leaseHolder>> {
  const answer = await kubectl(['get', 'lease', 'kube-scheduler', '-n', 'kube-system', '-o', 'json']);
  return answer.exitCode === 0 ? leaseHolder(answer.stdout) : {};
}

function parseServerVersion(json: string): string | undefined {
  try {
    const parsed = JSON.parse(json) as { serverVersion?: { gitVersion?: string } };
    return parsed.serverVersion?.gitVersion;
  } catch {
    return undefined;
  }
}
