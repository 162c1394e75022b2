import { parse } from 'yaml';

/** The current-context of a kubeconfig's text; empty when it has none or is not a kubeconfig. */
export function currentContext(kubeconfig: string): string {
  try {
    const parsed = parse(kubeconfig) as { 'current-context'?: unknown; contexts?: Array<{ name?: unknown }> } | null;
    const context = typeof parsed?.['current-context'] === 'string' ? parsed['current-context'] : '';
    return parsed?.contexts?.some((c) => c.name === context) ? context : '';
  } catch {
    return '';
  }
}
