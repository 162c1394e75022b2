import { writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import { expect, startStudio, test } from './studio-fixture.js';

/** The wizard says where the user is: what a step waits for, what the mode does not need, what comes next. */
test('after a success the next step is one click away, and a step says which earlier step it waits for', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByTestId('step-test').click();
  await expect(page.getByTestId('step-guide')).toHaveText('This step uses what Cluster makes, and it has not succeeded yet. Go to Cluster');
  await page.getByTestId('step-guide').getByRole('button', { name: 'Go to Cluster' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Cluster');
  await expect(page.getByTestId('step-guide')).toContainText('This step uses what Native kind and Build make');

  await page.getByTestId('step-host').click();
  await page.getByTestId('step-detail').getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('detail-status-host')).toHaveText('success');
  await page.getByTestId('step-guide').getByRole('button', { name: 'Toolchain →' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Toolchain');
});

test('remote mode does not need Native kind, and says so instead of "pending"', async ({ page }) => {
  const studio = await startStudio({ settings: { mode: 'remote' } });
  try {
    await page.goto(studio.url);
    await expect(page.getByTestId('status-kind')).toHaveText('not needed');
    await page.getByTestId('step-kind').click();
    await expect(page.getByTestId('step-guide')).toContainText('Not needed in remote mode');
    await expect(page.getByTestId('status-build')).toHaveText('pending');
  } finally {
    await studio.stop();
  }
});

test('binaries built elsewhere can be named in Tool paths: kube-scheduler, e2e.test and ginkgo', async ({ page, studio }) => {
  const scheduler = path.join(studio.dataDir, 'my-kube-scheduler');
  await writeFile(scheduler, '#!/bin/sh\necho v1.35.4\n');
  await page.goto(studio.url);
  await page.getByTestId('step-toolchain').click();
  await page.getByText('Tool paths (optional: override what PATH finds)').click();
  const field = page.getByRole('textbox', { name: /^kube-scheduler/ });
  await expect(page.getByRole('textbox', { name: /^e2e\.test/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^ginkgo/ })).toBeVisible();
  await field.fill(scheduler);
  await page.getByRole('button', { name: 'Save paths' }).click();
  await expect(page.getByRole('form', { name: 'Tool paths' }).getByRole('alert')).toHaveText(`The path for kube-scheduler must be an executable file; ${scheduler} is not.`);
  await expect(page.getByTestId('run-hold')).toHaveText(`Run waits: Tool paths: not saved (The path for kube-scheduler must be an executable file; ${scheduler} is not.)`);
  await chmod(scheduler, 0o755);
  await page.getByRole('button', { name: 'Save paths' }).click();
  await expect(page.getByText('saved; run the step again to use them')).toBeVisible();
  await expect(page.getByTestId('run-hold')).toHaveCount(0);
});
