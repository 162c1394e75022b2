import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));

// End-to-end tests drive the real browser-mode server in Debian's Chromium (no Playwright download).
export default defineConfig({
  testDir: here,
  testMatch: '**/*.spec.ts',
  outputDir: path.join(here, '..', '..', 'test-results', 'e2e'),
  globalSetup: path.join(here, 'global-setup.ts'),
  workers: 1,
  // Generous: a wait costs nothing when its condition comes early, and under load (npm run
  // test:stress, a busy CI machine) a step that takes 2 s idle can take 20.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath: process.env.STUDIO_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
  },
});
