import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Files the benchmark runs, as absolute paths. */
export const benchPaths = {
  root: path.resolve(here, '..', '..'),
  floodChild: path.join(here, 'flood-child.mjs'),
  endlessFlood: path.join(here, 'endless-flood.mjs'),
  barePageServer: path.join(here, 'bare-page-server.mjs'),
  webCli: path.resolve(here, '..', '..', 'out', 'web', 'cli.mjs'),
};
