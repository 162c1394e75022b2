// `npm start`: installs what is missing, builds, then opens the desktop app, or browser mode
// where there is no Electron runtime (or with --web). Arguments after `--` go to the app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from './build.mjs';
import { root } from './ensure-deps.mjs';

const args = process.argv.slice(2);
const forceWeb = args.includes('--web');

/** Why Electron cannot run here, or undefined when it can. */
function electronProblem() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)';
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) {
    console.log('Fetching the Electron runtime…');
    const install = spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { cwd: pkgDir, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
    if (install.status !== 0 || !existsSync(pathFile)) {
      const reason = `${install.stderr ?? ''}`.split('\n').find((line) => /error/i.test(line))?.trim() ?? 'no reason given';
      return `the Electron runtime is not installed and could not be downloaded (${reason})`;
    }
  }
  const binary = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? undefined : `the Electron runtime is missing (${binary})`;
}

/** Every signal that means "the user is gone": each is handled as a quit. */
const quitSignals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

function run(file, argv) {
  const child = spawn(file, argv, { cwd: root, stdio: 'inherit' });
  // Closing the terminal or losing the SSH session (SIGHUP) and SIGQUIT stop the app like Ctrl-C:
  // the child gets the signal and this launcher waits until it has given the cluster back.
  for (const signal of quitSignals) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

await build();
const problem = forceWeb ? undefined : electronProblem();
if (forceWeb || problem) {
  if (problem) console.log(`Starting in browser mode because ${problem}.`);
  run(process.execPath, [path.join(root, 'out', 'web', 'cli.mjs'), '--web', ...args.filter((arg) => arg !== '--web')]);
} else {
  const binary = path.join(root, 'node_modules', 'electron', 'dist', readFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'utf8').trim());
  run(binary, [root, ...args]);
}
