import { expect, fixturePath, test } from './studio-fixture.js';

test.use({
  studioOptions: {
    steps: [{ id: 'script-broken', title: 'Broken step', argv: [process.execPath, fixturePath('fail-with-stderr.mjs'), '3'], terminal: 'pipe' }],
  },
});

test('a failed step says why, at the step: exit code, command and the last lines it printed', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByTestId('step-script-broken').click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('status-script-broken')).toHaveText('failure');
  const error = page.getByTestId('step-error');
  await expect(error).toContainText('failed with exit code 3');
  await expect(error).toContainText('exit code 3');
  await expect(error.locator('pre')).toContainText('fatal: the last line that explains it');
  await expect(page.getByTestId('commands')).toContainText('exit 3');
});
