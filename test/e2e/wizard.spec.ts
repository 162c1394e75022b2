import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, root, terminalText, test } from './studio-fixture.js';

const goArch = (raw: string): string => ({ x86_64: 'amd64', x64: 'amd64', aarch64: 'arm64', arm64: 'arm64' })[raw] ?? raw;

test('the wizard renders every step, with Host ready to run', async ({ page, studio }) => {
  await page.goto(studio.url);
  const titles = ['Host', 'Toolchain', 'Native kind', 'Source', 'Mode', 'Build', 'Cluster', 'Test', 'Teardown'];
  const nav = page.getByRole('navigation', { name: 'Wizard steps' });
  for (const title of titles) await expect(nav.getByRole('button', { name: new RegExp(title) })).toBeVisible();
  await expect(page.getByTestId('status-host')).toHaveText('pending');
  for (const id of ['toolchain', 'kind', 'source', 'mode', 'build', 'cluster', 'test', 'teardown']) await expect(page.getByTestId(`status-${id}`)).toHaveText('pending');
  await expect(page.getByTestId('shell-mode')).toHaveText('browser mode');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();

  await page.getByTestId('step-test').click();
  await expect(page.getByRole('heading', { name: 'Test' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await expect(page.getByRole('form', { name: 'Which specs' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'How to run' })).toBeVisible();

  await page.getByTestId('step-host').click();
  const shots = path.join(root, 'test-results', 'screenshots');
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'wizard.png') });
});

test('the Host step runs for real and shows this machine, and its terminal shows the commands', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('status-host')).toHaveText('success');

  const facts = page.getByTestId('host-facts');
  await expect(facts.getByRole('row', { name: /Hardware CPU/ })).toContainText(goArch(os.machine()));
  await expect(facts.getByRole('row', { name: /This process/ })).toContainText(goArch(process.arch));
  await expect(facts.getByRole('row', { name: /Cores/ })).toContainText(String(os.availableParallelism()));
  await expect(facts.getByRole('row', { name: /Memory/ })).toContainText(`${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`);
  await expect(facts.getByRole('row', { name: new RegExp(`^Free disk at ${studio.dataDir} `) })).toBeVisible();

  const commands = page.getByTestId('commands');
  await expect(commands).toContainText('$ uname -srm');
  await expect(commands).toContainText(`$ df -Pk ${studio.dataDir}`);

  const uname = execFileSync('uname', ['-srm'], { encoding: 'utf8' }).trim();
  await expect.poll(() => terminalText(page, 'output-terminal')).toContain('$ uname -srm');
  await expect.poll(() => terminalText(page, 'output-terminal')).toContain(uname);
  await expect.poll(() => terminalText(page, 'output-terminal')).toContain('Available');

  await page.screenshot({ path: path.join(root, 'test-results', 'screenshots', 'host-step.png') });
});

test('a finished step shows its full output from the log file after a reload', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('status-host')).toHaveText('success');
  await page.reload();
  await expect(page.getByTestId('status-host')).toHaveText('success');
  await expect.poll(() => terminalText(page, 'output-terminal')).toContain('$ uname -srm');
  await expect(page.getByText(/Full log: /)).toContainText(studio.dataDir);
});
