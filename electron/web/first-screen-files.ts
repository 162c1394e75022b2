import { pageAssets } from './page-assets.js';
import { readStatic, type StaticFile } from './static-files.js';

/**
 * index.html and every file it names (its scripts, preloads and style sheets), read before the
 * server listens, by URL path. The first page load is then answered from memory: while a browser
 * starts it is also busy on the same cores, and a disk read per file (a round trip through
 * libuv's thread pool) made those answers wait 50-150 ms.
 */
export async function readFirstScreenFiles(staticDir: string): Promise<Map<string, StaticFile>> {
  const files = new Map<string, StaticFile>();
  const index = await readStatic(staticDir, '/index.html');
  if (!index) return files;
  files.set('/', index);
  files.set('/index.html', index);
  const assets = pageAssets(index.body.toString('utf8'), '/');
  const read = await Promise.all(assets.map((asset) => readStatic(staticDir, asset)));
  assets.forEach((asset, at) => {
    const file = read[at];
    if (file) files.set(asset, file);
  });
  return files;
}
