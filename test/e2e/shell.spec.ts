import { expect, terminalText, test } from './studio-fixture.js';

test('the Shell tab runs an interactive shell that echoes what is typed', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByRole('tab', { name: 'Shell' }).click();
  const shell = page.getByTestId('shell-terminal');
  await expect(page.getByRole('textbox', { name: 'Folder for the shell' })).toHaveValue(/^\//);
  await shell.click();
  await page.keyboard.type('echo "studio-$((6*7))"');
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page, 'shell-terminal')).toContain('studio-42');
  expect(studio.url).toContain('token=');
});

test('the Shell tab opens in the folder typed, and says so when it does not exist', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByRole('tab', { name: 'Shell' }).click();
  const folder = page.getByRole('textbox', { name: 'Folder for the shell' });
  await expect(folder).toHaveValue(/^\//);
  await folder.fill('/no/such/folder');
  await page.getByRole('button', { name: 'Open here' }).click();
  await expect(page.getByText('Cannot open a shell in /no/such/folder: no such folder.')).toBeVisible();
  await folder.fill(studio.dataDir);
  await page.getByRole('button', { name: 'Open here' }).click();
  await page.getByTestId('shell-terminal').click();
  await page.keyboard.type('pwd');
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page, 'shell-terminal')).toContain(studio.dataDir);
});
