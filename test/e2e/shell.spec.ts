import { expect, terminalText, test } from './studio-fixture.js';

test('the Shell tab runs an interactive shell that echoes what is typed', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByRole('tab', { name: 'Shell' }).click();
  const shell = page.getByTestId('shell-terminal');
  await expect(page.getByText(/ in \//)).toBeVisible();
  await shell.click();
  await page.keyboard.type('echo "studio-$((6*7))"');
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page, 'shell-terminal')).toContain('studio-42');
  expect(studio.url).toContain('token=');
});
