import { runToCompletion } from '../exec/run-to-completion.js';
import { boundKubectlArgs } from '../../../shared/cluster/kubectl-args.js';
import type { Kubectl } from './remote-preflight.js';

/** A kubectl bound to a kubeconfig and context that the engine runs itself (start-up, quit, a restore after a cancelled step). */
export function ownKubectl(kubectlPath: string, kubeconfig: string, context: string, env: Record<string, string>): Kubectl {
  return (args) => runToCompletion([kubectlPath, ...boundKubectlArgs(kubeconfig, context), ...args], { env, timeoutMs: 60_000 });
}
