import type { EngineParts } from '../engine-parts.js';
import type { Handlers } from '../dispatcher.js';
import { kubeconfigContexts } from '../remote/kubeconfig-choices.js';

export function remoteHandlers(parts: EngineParts): Pick<Handlers, 'remote:status' | 'remote:contexts'> {
  return {
    'remote:status': () => parts.guard.status(),
    'remote:contexts': ({ kubeconfig }) => kubeconfigContexts({ ...parts.settings.get().remote, kubeconfig }),
  };
}
