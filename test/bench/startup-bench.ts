import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { benchPaths } from './bench-paths.js';
import { epochNow, paintTimes, watchPaints } from './paint-watch.js';
import { startUrlServer } from './url-server.js';

/** One start: spawn to the first frame that showed the wizard, and to the first that showed the engine's state in it. */
export interface StartTimes {
  drawnMs: number;
  liveMs: number;
}

export interface StartupResult {
  /** Baseline: a bare node:http page with one element, spawn to the first frame that showed it. */
  bareMs: number[];
  /** Browser mode, every start after the first, which finds the engine's code cache an earlier start kept. */
  later: StartTimes[];
  /** The first start after an install or a build: no code cache yet (electron/web/code-cached-module.ts). */
  first: StartTimes[];
}

/** Where the built engine keeps V8's compiled code between starts (electron/web/code-cached-module.ts). */
const engineCodeCache = path.join(path.dirname(benchPaths.webCli), 'engine.cjs.v8-cache');

/**
 * What the app's start-up is timed to. The wizard is drawn once its Host step is on screen (the
 * page brings that with it, before the engine has answered); it is live once the Host step shows
 * the state the engine sent (the status badge, which only an answer from the engine puts there),
 * when every step can be clicked and run.
 */
const appPaints = { drawn: '[data-testid="step-host"]', live: '[data-testid="status-host"]' };

/**
 * Spawn-to-paint for a bare page, the app's first start (its code cache removed before each run)
 * and a later start (the cache an earlier start kept), in turn, each in a fresh browser context.
 * Times are read in the page (paint-watch.ts), the same way for the bare page and the app.
 */
export async function runStartupBench(browser: Browser, repeats: number, log: (line: string) => void): Promise<StartupResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-bench-startup-'));
  const result: StartupResult = { bareMs: [], later: [], first: [] };
  const app = (name: string): string[] => [process.execPath, benchPaths.webCli, '--web', '--data-dir', path.join(dir, name)];
  try {
    for (let run = 1; run <= repeats; run++) {
      const bare = await timeToPaint(browser, [process.execPath, benchPaths.barePageServer], { drawn: '[data-testid="step-host"]' });
      await rm(engineCodeCache, { force: true });
      const first = await timeToPaint(browser, app(`first-${run}`), appPaints);
      await keepCodeCache(browser, app(`warm-${run}`));
      const later = await timeToPaint(browser, app(`later-${run}`), appPaints);
      result.bareMs.push(bare.drawn);
      result.first.push({ drawnMs: first.drawn, liveMs: first.live });
      result.later.push({ drawnMs: later.drawn, liveMs: later.live });
      log(`  start-up ${run}/${repeats}: bare page ${ms(bare.drawn)}; app drawn ${ms(later.drawn)}, live ${ms(later.live)} (first start, no code cache: drawn ${ms(first.drawn)}, live ${ms(first.live)})`);
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ms = (value: number): string => `${value.toFixed(0)} ms`;

/** Runs the app with its page open until it has saved its code cache (a few seconds after its engine started), when it has none. */
async function keepCodeCache(browser: Browser, argv: string[]): Promise<void> {
  if (await access(engineCodeCache).then(() => true, () => false)) return;
  const context = await browser.newContext();
  const server = await startUrlServer(argv, { cwd: benchPaths.root });
  try {
    await (await context.newPage()).goto(server.url);
    const deadline = Date.now() + 30_000;
    while (!(await access(engineCodeCache).then(() => true, () => false))) {
      if (Date.now() > deadline) throw new Error(`The app kept no code cache (${engineCodeCache}) within 30 s.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await context.close();
    await server.stop();
  }
}

/** Spawns the server, opens its page, and returns spawn-to-paint in ms for each watched element. */
async function timeToPaint<Name extends string>(browser: Browser, argv: string[], selectors: Record<Name, string>): Promise<Record<Name, number>> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await watchPaints(context, selectors);
  const page = await context.newPage();
  const started = epochNow();
  const server = await startUrlServer(argv, { cwd: benchPaths.root }).catch(async (error: Error) => {
    await context.close();
    throw error;
  });
  try {
    await page.goto(server.url, { waitUntil: 'commit' });
    const painted = await paintTimes(page, Object.keys(selectors));
    return Object.fromEntries(Object.keys(selectors).map((name) => [name, (painted[name] ?? Number.NaN) - started])) as Record<Name, number>;
  } finally {
    await context.close();
    await server.stop();
  }
}
