import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Builds the app once, exactly as `npm start` would, so the tests drive what users run. */
export default function globalSetup(): void {
  const chromium = process.env.STUDIO_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`Chromium not found at ${chromium}: install it with "apt-get install -y chromium" (or set STUDIO_CHROMIUM).`);
  const result = spawnSync(process.execPath, [path.join(root, 'electron', 'launch', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The app build failed; see above.');
}
