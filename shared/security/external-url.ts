/** Hosts a link in the UI may open in the user's browser; anything else is refused. */
const externalHosts: ReadonlySet<string> = new Set(['kind.sigs.k8s.io', 'kubernetes.io', 'github.com', 'go.dev']);

/** Only http(s) links to the hosts above leave the app; file:, javascript:, custom schemes never do. */
export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && externalHosts.has(url.hostname) && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
