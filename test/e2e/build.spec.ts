import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { expect, test } from './studio-fixture.js';

let root: string;
let checkout: string;

test.beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'studio-e2e-build-'));
  checkout = await createMiniKubernetes(path.join(root, 'kubernetes'));
  await writeFile(path.join(root, 'go.mod'), 'module example.com/not-kubernetes\n');
});
test.afterAll(async () => rm(root, { recursive: true, force: true }));

test('pick the checkout, build for remote mode, and rerun with everything up to date', async ({ page, studio }) => {
  test.setTimeout(180_000);
  await page.goto(studio.url);
  await page.getByTestId('step-source').click();
  const folder = page.getByRole('textbox', { name: /Folder/ });

  await folder.fill(root);
  await page.getByRole('button', { name: 'Use this folder' }).click();
  await expect(page.getByText(`${path.join(root, 'go.mod')} declares module example.com/not-kubernetes, not k8s.io/kubernetes.`)).toBeVisible();

  await folder.fill(checkout);
  await page.getByRole('button', { name: 'Use this folder' }).click();
  await expect(page.getByText('saved')).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('status-source')).toHaveText('success');
  const facts = page.getByTestId('source-facts');
  await expect(facts).toContainText(checkout);
  await expect(facts).toContainText('master');
  await expect(facts).toContainText('exactly what .go-version asks for');

  await page.getByTestId('step-build').click();
  await page.getByRole('radio', { name: /remote mode/ }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('status-build')).toHaveText('success', { timeout: 120_000 });
  await expect(page.getByTestId('artefact-kube-scheduler')).toContainText('built');
  await expect(page.getByTestId('artefact-kube-scheduler')).toContainText('_output/bin/kube-scheduler');
  await expect(page.getByTestId('artefact-test-binaries')).toContainText('_output/bin/e2e.test');
  await expect(page.getByTestId('commands')).toContainText('$ make all WHAT=cmd/kube-scheduler');

  // The status already says success from the first run: wait for the new run's own result.
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(page.getByTestId('artefact-kube-scheduler')).toContainText(/up to date \(built .* from [0-9a-f]{12}\)/, { timeout: 120_000 });
  await expect(page.getByTestId('status-build')).toHaveText('success', { timeout: 120_000 });
  await expect(page.getByTestId('artefact-test-binaries')).toContainText('up to date');
  await expect(page.getByTestId('commands')).not.toContainText('$ make');
  await page.screenshot({ path: 'test-results/screenshots/build-up-to-date.png', fullPage: true });

  await page.getByRole('button', { name: 'Force rebuild' }).click();
  await expect(page.getByTestId('artefact-kube-scheduler')).toContainText('rebuild requested', { timeout: 120_000 });
  await expect(page.getByTestId('status-build')).toHaveText('success', { timeout: 120_000 });
});
