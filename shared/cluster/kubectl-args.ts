/** The arguments that bind kubectl to one kubeconfig and context, with a request timeout; the rest follows. */
export function boundKubectlArgs(kubeconfig: string, context: string): string[] {
  return ['--kubeconfig', kubeconfig, '--context', context, '--request-timeout=20s'];
}
