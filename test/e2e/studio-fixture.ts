import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import type { ScriptStepId } from '../../shared/steps/step-id.js';
import { goCommand } from '../support/go-command.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturePath = (name: string): string => path.join(root, 'test', 'fixtures', name);

export interface StudioOptions {
  /** Extra command steps, as in --steps-file. */
  steps?: Array<{ id: ScriptStepId; title: string; summary?: string; argv: string[]; terminal?: 'pty' | 'pipe' }>;
  /** Files to place in the data folder before start, e.g. a corrupt settings.json. */
  dataFiles?: Record<string, string>;
  /** Settings to start with; "$DATA" in a string stands for the data folder. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server (e.g. the stand-ins' state folder). */
  env?: Record<string, string>;
  /** Start on an existing data folder (a restart of the app); it is then left in place by stop(). */
  dataDir?: string;
}

export interface Studio {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
}

/** Starts the real browser-mode server (out/web/cli.mjs) as its own process and waits for its URL. */
export async function startStudio(options: StudioOptions = {}): Promise<Studio & { stop: (how?: { keepData?: boolean }) => Promise<void> }> {
  const restart = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'studio-e2e-')));
  // The DOM renderer lets tests read the terminal's text; WebGL draws pixels only.
  const settings = JSON.stringify({ terminalRenderer: 'dom', ...options.settings }).replaceAll('$DATA', dataDir);
  if (!restart) await writeFile(path.join(dataDir, 'settings.json'), settings);
  for (const [name, content] of Object.entries(options.dataFiles ?? {})) await writeFile(path.join(dataDir, name), content);
  const args = [path.join(root, 'out', 'web', 'cli.mjs'), '--web', '--data-dir', dataDir];
  if (options.steps) {
    const stepsFile = path.join(dataDir, 'extra-steps.json');
    await writeFile(stepsFile, JSON.stringify(options.steps.map((step) => ({ summary: '', ...step }))));
    args.push('--steps-file', stepsFile);
  }
  // The server gets a HOME of its own so the machine's shell profile is not part of the tests;
  // Go keeps using the real caches, so builds stay warm.
  const home = path.join(dataDir, 'home');
  await mkdir(home, { recursive: true });
  const goEnv = Object.fromEntries(['GOCACHE', 'GOMODCACHE', 'GOPATH'].map((name) => [name, execFileSync(goCommand(), ['env', name], { encoding: 'utf8' }).trim()]));
  const env = { ...process.env, ...goEnv, ...options.env, HOME: home, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache') };
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not print its URL within 60 s; its output:\n${output}`)), 60_000);
    const check = (): void => {
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    process: child,
    output: () => output,
    stop: async (how = {}) => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!restart && !how.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The visible text of an xterm.js terminal (DOM renderer). */
export async function terminalText(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).locator('.xterm-rows').innerText();
}

export const test = base.extend<{ studioOptions: StudioOptions; studio: Studio }>({
  studioOptions: [{}, { option: true }],
  studio: async ({ studioOptions }, use) => {
    const studio = await startStudio(studioOptions);
    await use(studio);
    await studio.stop();
    expect(studio.process.exitCode, `server output:\n${studio.output()}`).toBe(0);
  },
});

export { expect };
