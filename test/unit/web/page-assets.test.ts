import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageAssets } from '../../../electron/web/page-assets.js';

describe('pageAssets: the files a page fetches as soon as it is parsed', () => {
  it('names scripts, module preloads and style sheets, resolved against the page', () => {
    const html = [
      '<script type="module" crossorigin src="./assets/index-1.js"></script>',
      "<link rel='modulepreload' crossorigin href='./assets/jsx-2.js'>",
      '<link rel="stylesheet" href="assets/index-3.css">',
    ].join('\n');
    expect(pageAssets(html)).toEqual(['/assets/index-1.js', '/assets/jsx-2.js', '/assets/index-3.css']);
    expect(pageAssets('<script src="app.js"></script>', '/sub/page.html')).toEqual(['/sub/app.js']);
  });

  it('leaves out what the server does not send: data: URLs, other origins, icons, and inline scripts', () => {
    const html = '<link rel="icon" href="data:,"><script src="https://cdn.example/x.js"></script><script src="//cdn.example/y.js"></script><link rel="icon" href="./favicon.png"><script>1</script>';
    expect(pageAssets(html)).toEqual([]);
  });

  it('reads the built index.html as vite writes it (renderer/index.html): its entry script is among them', async () => {
    const source = await readFile(path.join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const entry = /<script[^>]*src="([^"]+)"/.exec(source)?.[1];
    expect(entry).toBeDefined();
    expect(pageAssets(source)).toContain(new URL(entry ?? '', 'http://x/').pathname);
  });
});
