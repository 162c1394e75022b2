/**
 * The files a page asks for as soon as it is parsed: its scripts, module preloads and style
 * sheets, as URL paths relative to the page's own path. Links to other origins and data: URLs are
 * not files this server sends, so they are left out.
 */
export function pageAssets(html: string, pagePath = '/'): string[] {
  const base = new URL(pagePath, 'http://page.invalid');
  const found = new Set<string>();
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    if (/^<link\b/i.test(tag) && !/\brel\s*=\s*["']?(?:stylesheet|modulepreload)\b/i.test(tag)) continue;
    const reference = /\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const value = reference?.[1] ?? reference?.[2];
    if (!value || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) continue;
    found.add(new URL(value, base).pathname);
  }
  return [...found];
}
