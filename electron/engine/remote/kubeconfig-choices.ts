import { readFile } from 'node:fs/promises';
import { listContexts } from '../../../shared/remote/kubeconfig-contexts.js';
import type { RemoteSettings } from '../../../shared/settings/settings.js';
import { sourceKubeconfig } from './remote-preflight.js';

/** The contexts of the kubeconfig the settings point at, for the Mode step's picker; a file that cannot be read says why. */
export async function kubeconfigContexts(settings: RemoteSettings) {
  const file = sourceKubeconfig(settings);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { file, contexts: [], problem: `There is no kubeconfig at ${file}.` };
  try {
    const listed = listContexts(text);
    return { file, contexts: listed.contexts.map(({ name, server, user, local }) => ({ name, server, user, local })), current: listed.current };
  } catch (error) {
    return { file, contexts: [], problem: `${file} is not a kubeconfig the app can read: ${(error as Error).message}` };
  }
}
