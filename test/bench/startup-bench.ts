import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { benchPaths } from './bench-paths.js';
import { startUrlServer } from './url-server.js';

export interface StartupResult {
  /** Baseline: a bare node:http page with one element, spawn to that element visible. */
  bareMs: number[];
  /** Browser mode: spawn of `cli.mjs --web` to the wizard's first step visible. */
  appMs: number[];
}

/** Spawn-to-visible for the app and for a bare page, alternating, each in a fresh browser context. */
export async function runStartupBench(browser: Browser, repeats: number, log: (line: string) => void): Promise<StartupResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-bench-startup-'));
  const result: StartupResult = { bareMs: [], appMs: [] };
  try {
    for (let run = 1; run <= repeats; run++) {
      const bare = await timeToVisible(browser, [process.execPath, benchPaths.barePageServer]);
      const app = await timeToVisible(browser, [process.execPath, benchPaths.webCli, '--web', '--data-dir', path.join(dir, `data-${run}`)]);
      result.bareMs.push(bare);
      result.appMs.push(app);
      log(`  start-up ${run}/${repeats}: bare page ${bare.toFixed(0)} ms, app ${app.toFixed(0)} ms`);
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
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
