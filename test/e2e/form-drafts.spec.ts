import type { Page } from '@playwright/test';
import { seedRun } from './seed-run.js';
import { expect, startStudio, test } from './studio-fixture.js';

const runButton = (page: Page) => page.getByTestId('step-detail').getByRole('button', { name: /^Run( again)?$/ });

/**
 * What a form shows is what runs: an edit that cannot run or is not saved holds the step's Run
 * back with the reason next to it, and a change made elsewhere (a rerun) never replaces an edit
 * without saying so.
 */
test('an invalid or oversized focus holds Run back with the reason, instead of running the previous focus', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByTestId('step-test').click();
  await expect(runButton(page)).toBeEnabled();
  const focus = page.getByRole('textbox', { name: /Focus/ });
  await focus.fill('SchedulerPredicates(?=x)');
  await expect(page.getByRole('form', { name: 'Which specs' }).getByRole('alert')).toContainText('look-ahead');
  await expect(runButton(page)).toBeDisabled();
  await expect(page.getByTestId('run-hold')).toHaveText('Run waits: Filters: cannot be used as typed; fix what is marked below first.');

  await focus.fill('x'.repeat(100 * 1024));
  await expect(page.getByRole('form', { name: 'Which specs' }).getByRole('alert')).toHaveText('too long: 102,400 characters, at most 4,096 are kept (at position 4097)');
  await expect(runButton(page)).toBeDisabled();

  await focus.fill('SchedulerPredicates');
  await expect(page.getByTestId('run-hold')).toHaveCount(0);
  await expect(runButton(page)).toBeEnabled();

  const nodes = page.getByRole('spinbutton', { name: /Parallel nodes/ });
  await nodes.fill('99');
  await expect(page.getByText('Parallel nodes must be a whole number from 1 to 32.')).toBeVisible();
  await expect(runButton(page)).toBeDisabled();
  await nodes.fill('2');
  await expect(runButton(page)).toBeEnabled();
});

test('a folder that is not a Kubernetes checkout is refused at the field, and Source does not run on the old folder meanwhile', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByTestId('step-source').click();
  await page.getByRole('textbox', { name: /Folder/ }).fill(studio.dataDir);
  await expect(page.getByTestId('run-hold')).toHaveText('Run waits: Checkout folder: changed but not saved; save it, or put it back.');
  await expect(runButton(page)).toBeDisabled();
  await page.getByRole('button', { name: 'Use this folder' }).click();
  await expect(page.locator('#source-dir-error')).toContainText('go.mod');
  await expect(runButton(page)).toBeDisabled();
  await page.getByRole('button', { name: 'Put back the default' }).click();
  await expect(page.getByRole('textbox', { name: /Folder/ })).toHaveValue('');
  await expect(runButton(page)).toBeEnabled();
});

test('Rerun puts back its run’s filters without overwriting the focus being edited, and says so', async ({ page }) => {
  const studio = await startStudio();
  try {
    await seedRun(studio.dataDir, { focus: 'FromTheEarlierRun', mode: 'kind', context: 'kind-e2e' });
    await page.goto(studio.url);
    await page.getByTestId('step-test').click();
    const focus = page.getByRole('textbox', { name: /Focus/ });
    // Being edited, and not valid yet, so it is not saved.
    await focus.fill('MyHalfTypedFocus(');
    await page.getByRole('button', { name: /Rerun last focus/ }).click();
    // The rerun takes the wizard along from step to step; it ends at Build here (no checkout).
    await expect(page.getByTestId('rerun-state')).toContainText('The rerun stopped at the build step');
    await page.getByTestId('step-test').click();
    await expect(page.getByRole('form', { name: 'Which specs' }).getByRole('status')).toContainText('This was changed elsewhere while you were editing it: it is now focus "FromTheEarlierRun"');
    await expect(focus).toHaveValue('MyHalfTypedFocus(');
    await page.getByRole('button', { name: 'Use the saved one' }).click();
    await expect(focus).toHaveValue('FromTheEarlierRun');
    await expect(page.getByRole('form', { name: 'Which specs' }).getByRole('status')).toHaveCount(0);
  } finally {
    await studio.stop();
  }
});
