import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from '@playwright/test';
import { benchPaths } from './bench-paths.js';
import { clickStopAndMeasure, type StopAck } from './stop-ack-probe.js';
import { startUrlServer } from './url-server.js';

export type TerminalRendererSetting = 'auto' | 'dom';

export interface StopLatencyOptions {
  repeats: number;
  /** How long each step runs before Stop is clicked. */
  runForMs: number;
  /** The app's terminalRenderer setting, written to settings.json before it starts. */
  terminalRenderer: TerminalRendererSetting;
}

export interface StopLatencyResult {
  terminalRenderer: TerminalRendererSetting;
  /** The renderer the output terminal actually used (its data-renderer attribute). */
  renderedWith: string;
  runForMs: number;
  /** Baseline: a step that prints nothing (sleep 60). */
  idle: StopAck[];
  /** A step flooding its pty with output. */
  flood: StopAck[];
  /** Size of each flood run's step log: how much output the engine took in before the stop. */
  floodLogBytes: number[];
}

/**
 * Browser mode as a real process, driven by Chromium: run a step, let it go for a while, click
 * Stop, and time how long the UI takes to show it; repeated for an idle step and a flooding one.
 */
export async function runStopLatencyBench(browser: Browser, options: StopLatencyOptions, log: (line: string) => void): Promise<StopLatencyResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-bench-stop-'));
  const dataDir = path.join(dir, 'data');
  const stepsFile = path.join(dir, 'steps.json');
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ version: 1, terminalRenderer: options.terminalRenderer }));
  await writeFile(
    stepsFile,
    JSON.stringify([
      { id: 'script-idle', title: 'Idle', summary: 'prints nothing', argv: ['sleep', '60'], terminal: 'pty' },
      { id: 'script-flood', title: 'Flood', summary: 'floods', argv: [process.execPath, benchPaths.endlessFlood], terminal: 'pty' },
    ]),
  );
  const server = await startUrlServer([process.execPath, benchPaths.webCli, '--web', '--data-dir', dataDir, '--steps-file', stepsFile], { cwd: benchPaths.root });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('step-host').waitFor({ timeout: 30_000 });
    const label = `${options.terminalRenderer} renderer`;
    const idle = await measureStep(page, 'script-idle', options, label, log);
    const flood = await measureStep(page, 'script-flood', options, label, log);
    const renderedWith = (await page.getByTestId('output-terminal').getAttribute('data-renderer')) ?? 'unknown';
    await context.close();
    await server.stop();
    return {
      terminalRenderer: options.terminalRenderer,
      renderedWith,
      runForMs: options.runForMs,
      idle,
      flood,
      floodLogBytes: await stepLogSizes(path.join(dataDir, 'logs'), 'script-flood'),
    };
  } finally {
    await context.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function measureStep(page: Page, stepId: string, options: StopLatencyOptions, label: string, log: (line: string) => void): Promise<StopAck[]> {
  await page.getByTestId(`step-${stepId}`).click();
  const detail = page.getByTestId('step-detail');
  // The step's status badges: in the step list (status-<id>) and in the detail (detail-status-<id>).
  const status = page.locator(`[data-testid="status-${stepId}"], [data-testid="detail-status-${stepId}"]`);
  const acks: StopAck[] = [];
  for (let run = 1; run <= options.repeats; run++) {
    await detail.getByRole('button', { name: /^Run( again)?$/ }).click();
    await status.filter({ hasText: /^running$/ }).first().waitFor({ timeout: 15_000 });
    await sleep(options.runForMs);
    const ack = await clickStopAndMeasure(page, stepId);
    acks.push(ack);
    await status.filter({ hasText: /^cancelled$/ }).first().waitFor({ timeout: 30_000 });
    log(`  stop ${run}/${options.repeats} ${stepId} (${label}): acknowledged after ${ack.ackMs.toFixed(1)} ms (click waited ${ack.inputDelayMs.toFixed(1)} ms for the page)`);
  }
  return acks;
}

/** The sizes of a step's log files (one per run) under the engine's log folder. */
async function stepLogSizes(logRoot: string, stepId: string): Promise<number[]> {
  const pattern = new RegExp(`(^|/)step-${stepId}-\\d+\\.log$`);
  const files = (await readdir(logRoot, { recursive: true })).filter((file) => pattern.test(file));
  return Promise.all(files.map(async (file) => (await stat(path.join(logRoot, file))).size));
}
