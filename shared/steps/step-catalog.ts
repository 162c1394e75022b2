/** The wizard, in order. Steps that this build cannot run yet say so instead of pretending. */
export interface StepDefinition<Id extends string = string> {
  id: Id;
  title: string;
  summary: string;
}

export const wizardSteps = [
  { id: 'host', title: 'Host', summary: 'Operating system, CPU architecture of the hardware and of this process (Rosetta included), cores, memory and free disk.' },
  { id: 'toolchain', title: 'Toolchain', summary: 'docker, go, git, make, kubectl and kind: found, versioned, and built for this CPU.' },
  { id: 'kind', title: 'Native kind', summary: 'A kind binary for this hardware, checksum-verified and installed atomically.' },
  { id: 'source', title: 'Source', summary: 'Your Kubernetes checkout: branch, commit, dirty files, .go-version.' },
  { id: 'mode', title: 'Mode', summary: 'A local kind cluster built from your source, or a remote cluster with your kube-scheduler swapped in.' },
  { id: 'build', title: 'Build', summary: 'What your mode needs from your checkout (kind: a node image; remote: kube-scheduler) and the test binaries; only what changed is rebuilt.' },
  { id: 'cluster', title: 'Cluster', summary: 'Create or reuse the kind cluster, or take over scheduling on the remote one.' },
  { id: 'test', title: 'Test', summary: 'Run e2e.test with your focus, watch progress, read the results.' },
  { id: 'teardown', title: 'Teardown', summary: 'Keep or delete the cluster; give a remote cluster its scheduler back.' },
] as const satisfies readonly StepDefinition[];

/** The id of a wizard step: the contract, the engine and the renderer compare against these, checked by the compiler. */
export type WizardStepId = (typeof wizardSteps)[number]['id'];
