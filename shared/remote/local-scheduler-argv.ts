import { featureGatesArgs, type FeatureGates } from './feature-gates.js';

export interface LocalSchedulerSpec {
  binary: string;
  config: string;
  kubeconfig: string;
  port: number;
  /** Passed as --feature-gates (the config file has no field for them); none when empty. */
  featureGates?: FeatureGates;
}

/**
 * The argv of the local kube-scheduler: the generated config, localhost only, a port of its own,
 * and the feature gates on the command line, sorted, as component-base's featuregate parses them.
 */
export function localSchedulerArgv(spec: LocalSchedulerSpec): string[] {
  return [
    spec.binary,
    `--config=${spec.config}`,
    `--authentication-kubeconfig=${spec.kubeconfig}`,
    `--authorization-kubeconfig=${spec.kubeconfig}`,
    '--bind-address=127.0.0.1',
    `--secure-port=${spec.port}`,
    ...featureGatesArgs(spec.featureGates ?? {}),
    '--v=2',
  ];
}
