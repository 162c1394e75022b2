import type { StepContext } from '../steps/step.js';
import { boundKubectlArgs } from '../../../shared/cluster/kubectl-args.js';
import type { Kubectl, RemoteIo } from './remote-preflight.js';

/** Swap and restore driven from a step: every kubectl call is recorded with the step and shown in its terminal. */
export function stepRemoteIo(context: StepContext, kubeconfig: string, kubeContext: string): RemoteIo {
  const kubectl: Kubectl = async (args) => {
    const answer = await context.run({ argv: ['kubectl', ...boundKubectlArgs(kubeconfig, kubeContext), ...args] }, { terminal: 'pipe', shows: 'summary', acceptExitCodes: [0, 1] });
    return { exitCode: answer.exitCode, stdout: answer.stdout, stderr: answer.stderr };
  };
  return { kubectl, print: (line) => context.print(line), signal: context.signal };
}
