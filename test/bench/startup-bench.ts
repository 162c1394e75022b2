import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { benchPaths } from './bench-paths.js';
import { startUrlServer } from './url-server.js';

export interface StartupResult {
  /** Baseline: a bare node:http page with one element, spawn to that element visible. */
  bareMs: number[];
  /** Browser mode, every start after the first: spawn of `cli.mjs --web` to the wizard's first step visible, with the engine's code cache kept by an earlier start. */
  appMs: number[];
  /** The same for the first start after an install or a build: no code cache yet (electron/web/code-cached-module.ts). */
  firstStartMs: number[];
}

/** Where the built engine keeps V8's compiled code between starts (electron/web/code-cached-module.ts). */
const engineCodeCache = path.join(path.dirname(benchPaths.webCli), 'engine.cjs.v8-cache');

/**
 * Spawn-to-visible for a bare page, the app's first start (its code cache removed before each run)
 * and a later start (the cache an earlier start kept), in turn, each in a fresh browser context.
 */
export async function runStartupBench(browser: Browser, repeats: number, log: (line: string) => void): Promise<StartupResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-bench-startup-'));
  const result: StartupResult = { bareMs: [], appMs: [], firstStartMs: [] };
  const app = (name: string): string[] => [process.execPath, benchPaths.webCli, '--web', '--data-dir', path.join(dir, name)];
  try {
    for (let run = 1; run <= repeats; run++) {
      const bare = await timeToVisible(browser, [process.execPath, benchPaths.barePageServer]);
      await rm(engineCodeCache, { force: true });
      const first = await timeToVisible(browser, app(`first-${run}`));
      await keepCodeCache(browser, app(`warm-${run}`));
      const later = await timeToVisible(browser, app(`later-${run}`));
      result.bareMs.push(bare);
      result.firstStartMs.push(first);
      result.appMs.push(later);
      log(`  start-up ${run}/${repeats}: bare page ${bare.toFixed(0)} ms, app ${later.toFixed(0)} ms (first start, no code cache: ${first.toFixed(0)} ms)`);
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

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

async function timeToVisible(browser: Browser, argv: string[]): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const started = performance.now();
  const server = await startUrlServer(argv, { cwd: benchPaths.root }).catch(async (error: Error) => {
    await context.close();
    throw error;
  });
  try {
    await page.goto(server.url);
    await page.getByTestId('step-host').waitFor({ state: 'visible', timeout: 30_000 });
    return performance.now() - started;
  } finally {
    await context.close();
    await server.stop();
  }
}
