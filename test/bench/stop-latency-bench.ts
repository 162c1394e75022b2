import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from '@playwright/test';
import { benchPaths } from './bench-paths.js';
import { clickStopAndMeasure, type StopAck } from './stop-ack-probe.js';
import { startUrlServer } from './url-server.js';

export interface StopLatencyResult {
  /** Baseline: a step that prints nothing (sleep 60). */
  idle: StopAck[];
  /** A step flooding its pty with output. */
  flood: StopAck[];
  floodForMs: number;
  /** Size of each flood run's step log: how much output the engine took in before the stop. */
  floodLogBytes: number[];
}

/**
 * Browser mode as a real process, driven by Chromium: run a step, let it go for a while, click
 * Stop, and time how long the UI takes to show it; repeated for an idle step and a flooding one.
 */
export async function runStopLatencyBench(browser: Browser, repeats: number, floodForMs: number, log: (line: string) => void): Promise<StopLatencyResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-bench-stop-'));
  const stepsFile = path.join(dir, 'steps.json');
  await writeFile(
    stepsFile,
    JSON.stringify([
      { id: 'idle', title: 'Idle', summary: 'prints nothing', argv: ['sleep', '60'], terminal: 'pty' },
      { id: 'flood', title: 'Flood', summary: 'floods', argv: [process.execPath, benchPaths.endlessFlood], terminal: 'pty' },
    ]),
  );
  const server = await startUrlServer([process.execPath, benchPaths.webCli, '--web', '--data-dir', path.join(dir, 'data'), '--steps-file', stepsFile], { cwd: benchPaths.root });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('step-host').waitFor({ timeout: 30_000 });
    const idle = await measureStep(page, 'idle', repeats, floodForMs, log);
    const flood = await measureStep(page, 'flood', repeats, floodForMs, log);
    await context.close();
    await server.stop();
    return { idle, flood, floodForMs, floodLogBytes: await stepLogSizes(path.join(dir, 'data', 'logs'), 'flood') };
  } finally {
    await context.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The sizes of a step's log files (one per run) under the engine's log folder. */
async function stepLogSizes(logRoot: string, stepId: string): Promise<number[]> {
  const pattern = new RegExp(`(^|/)step-${stepId}-\\d+\\.log$`);
  const files = (await readdir(logRoot, { recursive: true })).filter((file) => pattern.test(file));
  return Promise.all(files.map(async (file) => (await stat(path.join(logRoot, file))).size));
}

async function measureStep(page: Page, stepId: string, repeats: number, runForMs: number, log: (line: string) => void): Promise<StopAck[]> {
  await page.getByTestId(`step-${stepId}`).click();
  const detail = page.getByTestId('step-detail');
  const status = page.locator(`[data-testid="step-detail"] [data-testid="status-${stepId}"]`);
  const acks: StopAck[] = [];
  for (let run = 1; run <= repeats; run++) {
    await detail.getByRole('button', { name: /^Run( again)?$/ }).click();
    await status.filter({ hasText: /^running$/ }).waitFor({ timeout: 15_000 });
    await sleep(runForMs);
    const ack = await clickStopAndMeasure(page, stepId);
    acks.push(ack);
    await status.filter({ hasText: /^cancelled$/ }).waitFor({ timeout: 30_000 });
    log(`  stop ${run}/${repeats} ${stepId}: acknowledged after ${ack.ackMs.toFixed(1)} ms (click waited ${ack.inputDelayMs.toFixed(1)} ms for the page)`);
  }
  return acks;
}
