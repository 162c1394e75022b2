// Builds the app into out/: the engine and Electron shell with esbuild, the renderer with Vite.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureDeps, root } from './ensure-deps.mjs';
import { writeFirstScreen } from './first-screen.mjs';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export async function build({ quiet = false } = {}) {
  ensureDeps();
  const esbuild = await import(pathToFileURL(path.join(root, 'node_modules', 'esbuild', 'lib', 'main.js')).href);
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const { requestChannelNames, eventChannelNames } = await channelNames(esbuild);
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: quiet ? 'error' : 'warning',
    external: ['electron', 'node-pty', 'bufferutil', 'utf-8-validate'],
    define: { 'process.env.STUDIO_VERSION': JSON.stringify(pkg.version) },
  };
  // ESM output still meets CommonJS dependencies (ws) that call require(): give them one.
  const esmBanner = { js: "import { createRequire as __studioRequire } from 'node:module'; const require = __studioRequire(import.meta.url);" };
  await esbuild.build({ ...common, format: 'esm', banner: esmBanner, entryPoints: { 'main/index': 'electron/main/index.ts' }, outdir: path.join(root, 'out'), outExtension: { '.js': '.mjs' }, absWorkingDir: root });
  // Browser mode is two files: the small server that sends the page at once (cli.mjs), and the
  // engine with all that needs zod (engine.cjs, from engine-module.ts), which the server loads
  // while the browser works on the page, as CommonJS so that V8's code cache can be kept for it.
  const webDir = path.join(root, 'out', 'web');
  await esbuild.build({ ...common, format: 'cjs', entryPoints: { engine: 'electron/web/engine-module.ts' }, outdir: webDir, outExtension: { '.js': '.cjs' }, absWorkingDir: root });
  const engineModuleApart = {
    name: 'engine-module-apart',
    setup(build) {
      build.onResolve({ filter: /^\.\/engine-module\.js$/ }, () => ({ path: './engine.cjs', external: true }));
    },
  };
  await esbuild.build({ ...common, format: 'esm', banner: esmBanner, entryPoints: { cli: 'electron/web/cli.ts' }, outdir: webDir, outExtension: { '.js': '.mjs' }, absWorkingDir: root, plugins: [engineModuleApart] });
  await esbuild.build({
    ...common,
    platform: 'browser',
    format: 'cjs',
    entryPoints: ['electron/preload/index.ts'],
    outfile: path.join(root, 'out', 'preload', 'index.cjs'),
    absWorkingDir: root,
    define: { STUDIO_REQUEST_CHANNELS: JSON.stringify(requestChannelNames), STUDIO_EVENT_CHANNELS: JSON.stringify(eventChannelNames) },
  });

  const index = path.join(root, 'out', 'renderer', 'index.html');
  const sourcesChanged = !existsSync(index) || Math.max(newestMtime(path.join(root, 'renderer')), newestMtime(path.join(root, 'shared'))) > statSync(index).mtimeMs;
  if (sourcesChanged) {
    const vite = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', ...(quiet ? ['--logLevel', 'error'] : [])], { cwd: root, stdio: 'inherit' });
    if (vite.status !== 0) throw new Error('The renderer build (vite) failed; see above.');
    await writeFirstScreen({ esbuild, root, rendererDir: path.join(root, 'out', 'renderer') });
  }
}

/** The contract's channel names, read from shared/ so the preload never needs zod. */
async function channelNames(esbuild) {
  const result = await esbuild.build({ entryPoints: [path.join(root, 'shared', 'ipc', 'contract.ts')], bundle: true, write: false, format: 'esm', platform: 'neutral', absWorkingDir: root, logLevel: 'error' });
  const code = result.outputFiles[0].text;
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return { requestChannelNames: module.requestChannelNames, eventChannelNames: module.eventChannelNames };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
