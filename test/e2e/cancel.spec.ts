import { isAlive as alive } from '../../electron/engine/exec/process-tree.js';
import { expect, fixturePath, terminalText, test } from './studio-fixture.js';


test.use({
  studioOptions: {
    steps: [{ id: 'script-long', title: 'Long step', argv: [process.execPath, fixturePath('nested-tree.mjs'), '1'], terminal: 'pty' }],
  },
});

test('Stop ends a long step and every process it started', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByTestId('step-script-long').click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('status-script-long')).toHaveText('running');

  // Poll the pids themselves, so what is asserted next is what was waited for.
  let pids: number[] = [];
  await expect
    .poll(async () => (pids = [...(await terminalText(page, 'output-terminal')).matchAll(/PID (\d+) depth/g)].map((m) => Number(m[1]))).length, { message: 'three processes to print their pids in the terminal' })
    .toBe(3);
  expect(pids.every(alive)).toBe(true);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('status-script-long')).toHaveText(/stopping|cancelled/);
  await expect(page.getByTestId('status-script-long')).toHaveText('cancelled', { timeout: 30_000 });
  await expect.poll(() => pids.filter(alive)).toEqual([]);
  await expect.poll(() => terminalText(page, 'output-terminal')).toContain('Cancelled.');
  await expect(page.getByRole('button', { name: 'Run again' })).toBeEnabled();
  expect(studio.output()).not.toContain('Error');
});
