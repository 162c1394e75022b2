import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { expect, test } from '@playwright/test';
import { root } from './studio-fixture.js';

// The renderer's ErrorBoundary in real Chromium with real React: error-boundary-page.tsx is bundled
// with esbuild (React's production build, as the app ships) and served over local HTTP with the
// app's own styles.css. Nothing in the product is changed for the test.
let server: http.Server;
let url = '';

test.beforeAll(async () => {
  const bundle = await build({
    entryPoints: [path.join(root, 'test', 'e2e', 'error-boundary-page.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const styles = await readFile(path.join(root, 'renderer', 'src', 'styles.css'), 'utf8');
  const pages: Record<string, [string, string]> = {
    '/': ['text/html', '<!doctype html><html><head><link rel="stylesheet" href="/styles.css"></head><body><div id="root"></div><script type="module" src="/page.js"></script></body></html>'],
    '/page.js': ['text/javascript', script],
    '/styles.css': ['text/css', styles],
  };
  server = http.createServer((request, response) => {
    const page = pages[request.url ?? ''];
    response.writeHead(page ? 200 : 404, { 'content-type': page?.[0] ?? 'text/plain' });
    response.end(page?.[1] ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

test('a view that throws shows what failed, its error folded, and a reload, while the rest keeps working', async ({ page }) => {
  const uncaught: string[] = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  await page.goto(url);
  const flaky = page.getByRole('region', { name: 'Flaky panel' });
  await flaky.getByRole('button', { name: 'Flaky clicks: 0' }).click();
  await expect(flaky.getByRole('button', { name: 'Flaky clicks: 1' })).toBeVisible();

  await page.getByRole('button', { name: 'Break the data', exact: true }).click();
  const failed = page.getByRole('alert', { name: 'The flaky panel failed' });
  await expect(failed).toContainText('The flaky panel stopped working because of an error in the app: the flaky panel could not read its data');
  await expect(flaky).toHaveCount(0);
  // The error text is folded until asked for.
  const details = failed.locator('pre');
  await expect(details).toBeHidden();
  await failed.getByText('Error details').click();
  await expect(details).toBeVisible();
  await expect(details).toContainText('Error: the flaky panel could not read its data');
  await expect(details).toContainText('In the components:');
  await expect(details).toContainText('FlakyPanel');

  // The rest of the page still works.
  const counter = page.getByRole('region', { name: 'Counter panel' });
  await counter.getByRole('button', { name: 'Count: 0' }).click();
  await expect(counter.getByRole('button', { name: 'Count: 1' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(1);

  // Reloading while the cause is still there fails again, in the same place.
  await failed.getByRole('button', { name: 'Reload this view' }).click();
  await expect(failed).toContainText('the flaky panel could not read its data');
  await expect(failed.locator('pre')).toBeHidden();

  // Once the cause is gone, reloading starts the view again from scratch.
  await page.getByRole('button', { name: 'Fix the data' }).click();
  await expect(failed).toBeVisible();
  await failed.getByRole('button', { name: 'Reload this view' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(flaky.getByRole('button', { name: 'Flaky clicks: 0' })).toBeVisible();
  await expect(counter.getByRole('button', { name: 'Count: 1' })).toBeVisible();
  expect(uncaught).toEqual([]);
});

test('a thrown string is named, and moving to another item starts the failed view again by itself', async ({ page }) => {
  const uncaught: string[] = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  await page.goto(url);
  await page.getByRole('button', { name: 'Break the data with a string' }).click();
  const failed = page.getByRole('alert', { name: 'The flaky panel failed' });
  await expect(failed).toContainText('because of an error in the app: a bare string was thrown');
  await page.screenshot({ path: test.info().outputPath('view-error.png') });

  await page.getByRole('button', { name: 'Fix the data' }).click();
  await page.getByRole('button', { name: 'Show item 2' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Flaky panel' }).getByRole('button', { name: 'Flaky clicks: 0' })).toBeVisible();
  expect(uncaught).toEqual([]);
});
