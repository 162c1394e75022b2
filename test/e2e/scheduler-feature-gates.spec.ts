import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './studio-fixture.js';

/**
 * The remote form's feature gates: kube-scheduler takes them only on its command line
 * (test/real/scheduler-feature-gates.test.ts shows the real binary), so the form has a field of its
 * own, checked as kube-scheduler reads --feature-gates, and a featureGates key in the extra YAML is
 * refused where it is typed, pointing at that field.
 */
test.use({ studioOptions: { settings: { mode: 'remote' } } });

test('feature gates: bad input is refused at the field and not saved; good input is saved sorted; featureGates in the YAML points at the field', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByTestId('step-mode').click();
  const gates = page.getByRole('textbox', { name: /^Feature gates/ });
  const settings = async (): Promise<{ remote?: { featureGates?: Record<string, boolean> } }> => JSON.parse(await readFile(path.join(studio.dataDir, 'settings.json'), 'utf8'));

  await gates.fill('SchedulerPopFromBackoffQ=maybe');
  await gates.blur();
  await expect(page.getByRole('alert').filter({ hasText: 'SchedulerPopFromBackoffQ=maybe: the value must be true or false.' })).toBeVisible();
  await expect(gates).toHaveAttribute('aria-invalid', 'true');
  expect((await settings()).remote?.featureGates ?? {}).toEqual({});

  await gates.fill('SchedulerPopFromBackoffQ=false, SchedulerAsyncPreemption=False');
  await gates.blur();
  await expect(gates).toHaveAttribute('aria-invalid', 'false');
  await expect.poll(async () => (await settings()).remote?.featureGates).toEqual({ SchedulerAsyncPreemption: false, SchedulerPopFromBackoffQ: false });
  await page.reload();
  await page.getByTestId('step-mode').click();
  await expect(page.getByRole('textbox', { name: /^Feature gates/ })).toHaveValue('SchedulerAsyncPreemption=false, SchedulerPopFromBackoffQ=false');

  await page.getByRole('textbox', { name: /^Extra scheduler configuration/ }).fill('featureGates:\n  SchedulerPopFromBackoffQ: false\n');
  await expect(page.getByRole('alert').filter({ hasText: /line 1: featureGates is not part of the scheduler configuration .*Feature gates field/ })).toBeVisible();
});
