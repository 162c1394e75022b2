import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { addSchedulerPackages, giveRealShape } from '../engine/real-shaped-tree.js';
import { expect, test } from './studio-fixture.js';

// The checkout's path must be known when the app starts with it in its settings.
const root = path.join(os.tmpdir(), `studio-e2e-build-commands-${process.pid}`);
const checkout = path.join(root, 'kubernetes');
const generated = 40;

test.use({ studioOptions: { settings: { sourceDir: checkout, mode: 'remote' } } });

test.beforeAll(async () => {
  await mkdir(root, { recursive: true });
  await createMiniKubernetes(checkout);
  await giveRealShape(checkout);
  await addSchedulerPackages(checkout, generated);
});
test.afterAll(async () => rm(root, { recursive: true, force: true }));

test('the Build step: long commands summarised with the full argv one click away; a rebuild shows building, why, and elapsed time', async ({ page, studio }) => {
  test.setTimeout(240_000);
  await page.goto(studio.url);
  await page.getByTestId('step-build').click();
  await expect(page.getByTestId('build-plan')).toHaveCount(0);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('status-build')).toHaveText('success', { timeout: 180_000 });
  await expect(page.getByTestId('build-plan')).toHaveText('remote mode builds kube-scheduler, then kubectl, e2e.test and ginkgo; no node image.');

  // kube-scheduler is built from cmd/kube-scheduler, pkg/api, pkg/scheduler, its metrics/resources,
  // the generated packages, and what the real-shaped tree's staging module adds: at least 4 + 40.
  const commands = page.getByTestId('commands');
  const listing = commands.locator('li').filter({ hasText: /ls-tree -z HEAD over \d+ folders/ });
  await expect(listing).toHaveCount(1);
  const folders = Number(/ls-tree -z HEAD over (\d+) folders/.exec((await listing.textContent()) ?? '')?.[1]);
  expect(folders).toBeGreaterThanOrEqual(4 + generated);
  await expect(commands).not.toContainText('pkg/generated/p017/');
  await listing.getByRole('button', { name: 'show full command' }).click();
  const full = listing.getByTestId('full-command');
  await expect(full).toContainText(`ls-tree -z HEAD -- `);
  await expect(full).toContainText('pkg/generated/p017/');
  await expect(full).toContainText('pkg/scheduler/metrics/resources/');
  await page.screenshot({ path: 'test-results/screenshots/build-long-command.png', fullPage: true });

  // A change only kube-scheduler is built from, with a build slow enough to watch (the mini Makefile sleeps first).
  const resources = path.join(checkout, 'pkg/scheduler/metrics/resources/resources.go');
  await writeFile(resources, (await readFile(resources, 'utf8')).replace('"resources"', '"resources-v2"'));
  await writeFile(path.join(checkout, '.slow-build'), '');
  await page.getByRole('button', { name: 'Run again' }).click();
  const scheduler = page.getByTestId('artefact-kube-scheduler');
  await expect(scheduler.locator('.status')).toHaveText('building', { timeout: 60_000 });
  await expect(page.getByTestId('causes-kube-scheduler')).toHaveText(
    'pkg/scheduler/metrics/resources/resources.go is in pkg/scheduler/metrics/resources, reached by the imports cmd/kube-scheduler → pkg/scheduler/metrics/resources',
  );
  await expect(page.getByTestId('building-kube-scheduler')).toContainText(`0 of ${folders} packages compiled`);
  // The elapsed time moves while make runs.
  await expect(page.getByTestId('building-kube-scheduler')).toContainText(/^[2-9]\.\d s|^\d\d\.\d s/, { timeout: 20_000 });
  await expect(page.getByTestId('artefact-test-binaries').locator('.status')).toHaveText('not run');
  await page.screenshot({ path: 'test-results/screenshots/build-building.png', fullPage: true });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('status-build')).toHaveText('cancelled', { timeout: 60_000 });
});
