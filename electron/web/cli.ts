import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../engine/store/data-dir.js';
import { loadCodeCached } from './code-cached-module.js';
import type * as EngineModuleExports from './engine-module.js';
import { startWebServer } from './web-server.js';

/** Every signal that means "the user is gone": each is handled as a quit that gives the cluster back. */
export const quitSignals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

/**
 * Prints a line where a terminal may already be gone (after SIGHUP): a failed write must not end
 * the process in the middle of a restore.
 */
function say(line: string): void {
  try {
    console.log(line);
  } catch {
    // The terminal is gone; the restore goes on.
  }
}
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

/** How long the engine waits for a browser to fetch the page before it loads anyway. */
const engineLoadDelayMs = 1_000;

/** How long after the engine started its compiled code is saved for the next start. */
const keepCodeAfterMs = 3_000;

type EngineModule = typeof EngineModuleExports;

/**
 * The built app has the engine as a CommonJS bundle beside this file, loaded with V8's code cache;
 * run from source, the module is imported.
 */
async function loadEngineModule(here: string): Promise<{ module: EngineModule; keepCode: () => void }> {
  const built = path.join(here, 'engine.cjs');
  if (existsSync(built)) {
    const loaded = loadCodeCached<EngineModule>(built);
    return { module: loaded.exports, keepCode: loaded.keepCode };
  }
  return { module: await import('./engine-module.js'), keepCode: () => undefined };
}

const usage = `Usage: k8s-e2e-studio --web [--port N] [--data-dir DIR] [--steps-file FILE]
Serves the app on http://127.0.0.1 for a browser; the printed URL carries the access token.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      web: { type: 'boolean' },
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'steps-file': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got ${values.port}`);
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const here = path.dirname(fileURLToPath(import.meta.url));
  // The page is served before the engine is loaded: its code (zod, yaml, execa and all the steps)
  // is most of this program, and compiling it takes long. It is loaded when the page's scripts
  // first ask for it over the WebSocket (or after a moment, with no browser yet): by then the page,
  // which carries its first screen, has been drawn, and loading the engine earlier only took the
  // CPU from that first paint (drawn 1.54x against 1.20x a bare page, median of 13 starts each).
  let wantEngine = (): void => undefined;
  const engineWanted = new Promise<void>((resolve) => (wantEngine = resolve));
  let engineModule: Promise<{ module: EngineModule; keepCode: () => void }> | undefined;
  const loadModule = (): Promise<{ module: EngineModule; keepCode: () => void }> => (engineModule ??= loadEngineModule(here));
  // A steps file is checked before the URL is printed, so a bad one stops the start right here.
  const stepsFile = values['steps-file'];
  const extraSteps = stepsFile ? await (await loadModule()).module.readExtraSteps(stepsFile) : [];
  const loaded = engineWanted.then(async () => {
    const { module, keepCode } = await loadModule();
    const engine = await module.Engine.start({ dataDir, shell: 'browser', version: process.env.STUDIO_VERSION ?? '0.0.0', extraSteps });
    // By then the first page's requests have run: the cache holds what a start needs compiled.
    setTimeout(keepCode, keepCodeAfterMs).unref();
    return { engine, frameSchema: module.ClientFrameSchema };
  });
  loaded.catch((error: Error) => {
    console.error(`k8s e2e studio could not start: ${error.message}`);
    process.exit(1);
  });
  const engine = loaded.then(({ engine }) => engine);
  const server = await startWebServer({
    engine,
    frameSchema: loaded.then(({ frameSchema }) => frameSchema),
    staticDir: path.join(here, '..', 'renderer'),
    port,
    onEngineWanted: () => wantEngine(),
  });
  setTimeout(() => wantEngine(), engineLoadDelayMs);
  console.log(`k8s e2e studio is running in browser mode.\nOpen: ${server.url}\nData folder: ${dataDir}\nPress Ctrl-C to stop.`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say('Stopping: ending running steps and shells…');
    // The window stays served while a remote cluster gets its scheduler back, so it can watch.
    wantEngine();
    await (await engine).shutdown(say);
    await server.close();
    process.exit(0);
  };
  // A closed terminal or a lost SSH session (SIGHUP) is a quit like Ctrl-C, and so is SIGQUIT.
  for (const signal of quitSignals) process.on(signal, () => void stop());
}

main().catch((error: Error) => {
  console.error(`k8s e2e studio could not start: ${error.message}`);
  process.exit(1);
});
