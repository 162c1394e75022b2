import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ControlPlane } from './control-plane.js';

const standins = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'standins');

/**
 * kind mode on this machine with a real API server: the stand-in kind and docker (their state under
 * `dir`) hand out the control plane's kubeconfig as the kind cluster's and mirror static pods into it.
 */
export function kindOnPlane(plane: ControlPlane, dir: string): { env: Record<string, string>; toolPaths: Record<string, string> } {
  return {
    env: { STUDIO_STANDIN_STATE: path.join(dir, 'standin-state'), STUDIO_STANDIN_KUBECONFIG: plane.kubeconfig, STUDIO_STANDIN_KUBECTL: plane.binaries.kubectl },
    toolPaths: { kind: path.join(standins, 'kind'), docker: path.join(standins, 'docker'), kubectl: plane.binaries.kubectl },
  };
}

/** Puts `env` into this process's environment (the engine's commands inherit it); the returned function takes it out again. */
export function useEnv(env: Record<string, string>): () => void {
  Object.assign(process.env, env);
  return () => {
    for (const name of Object.keys(env)) delete process.env[name];
  };
}
