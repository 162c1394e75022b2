/** The module path a go.mod declares, or undefined. */
export function goModModule(goMod: string): string | undefined {
  return /^\s*module\s+("?)([^\s"]+)\1\s*(\/\/.*)?$/m.exec(goMod)?.[2];
}

/** kind's test for a Kubernetes checkout: its go.mod declares module k8s.io/kubernetes. */
export function isKubernetesGoMod(goMod: string): boolean {
  return goModModule(goMod) === 'k8s.io/kubernetes';
}
