import { expect, test } from './studio-fixture.js';

test('the Toolchain step shows the real table: each tool, its version and build, and the fix for what is wrong', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByTestId('step-toolchain').click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('status-toolchain')).toHaveText(/success|failure/);

  const table = page.getByTestId('toolchain-table');
  for (const tool of ['docker', 'go', 'git', 'make', 'kubectl', 'kind']) await expect(table.getByTestId(`tool-${tool}`)).toBeVisible();
  await expect(table.getByTestId('tool-git')).toContainText(/\d+\.\d+/);
  await expect(table.getByTestId('tool-git')).toContainText('ok');
  await expect(table.getByTestId('tool-go')).toContainText(/go1\.\d+/);

  // This machine has a docker client and no Docker engine: the table says so and gives the command.
  const docker = table.getByTestId('tool-docker');
  if ((await docker.innerText()).includes('/docker')) {
    await expect(docker).toContainText('problem');
    const detail = table.getByTestId('tool-docker-detail');
    await expect(detail).toContainText('The Docker daemon does not answer');
    await expect(detail).toContainText('Fix: sudo systemctl start docker');
    await expect(detail.getByRole('button', { name: 'Copy the fix for docker' })).toBeVisible();
  }
  await page.screenshot({ path: 'test-results/screenshots/toolchain.png', fullPage: true });
});
