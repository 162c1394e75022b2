import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startControlPlane, type ControlPlane } from '../real/control-plane.js';
import { focusFor } from '../real/e2e-spec-run.js';
import { knownSpecs } from '../real/known-specs.js';
import { kindOnPlane } from '../real/kind-on-plane.js';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { expect, startStudio, test } from './studio-fixture.js';

/**
 * The loop a contributor repeats, in the browser: a focus, its preview, the run with live progress,
 * the failed spec opened with its place in the log, then the app restarted and the last focus rerun
 * from the home screen. The specs are real: the real e2e.test against the real control plane (the
 * stand-in kind hands out its kubeconfig as the kind cluster's).
 */
let plane: ControlPlane;
let work: string;
let checkout: string;

test.beforeAll(async () => {
  test.setTimeout(120 * 60_000);
  plane = await startControlPlane();
  work = await mkdtemp(path.join(os.tmpdir(), 'studio-e2e-run-'));
  checkout = await createMiniKubernetes(path.join(work, 'kubernetes'));
});
test.afterAll(async () => {
  await plane?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

test('type a focus, preview it, run it, open the failed spec, then rerun it from the home screen after a restart', async ({ page }) => {
  test.setTimeout(15 * 60_000);
  const known = knownSpecs();
  const passing = known.passing.slice(0, 2).map((s) => s.name);
  const failing = known.failing[0]?.name ?? '';
  const { env, toolPaths } = kindOnPlane(plane, work);
  const settings = { sourceDir: checkout, mode: 'kind', keepCluster: true, toolPaths: { ...toolPaths, 'e2e-test': plane.binaries.e2eTest } };
  const first = await startStudio({ settings, env });
  let dataDir = first.dataDir;
  try {
    await page.goto(first.url);
    await expect(page.getByRole('button', { name: /Rerun last focus/ })).toBeDisabled();
    for (const step of ['build', 'cluster']) {
      await page.getByTestId(`step-${step}`).click();
      await page.getByTestId('step-detail').getByRole('button', { name: 'Run', exact: true }).click();
      await expect(page.getByTestId(`detail-status-${step}`)).toHaveText('success', { timeout: 5 * 60_000 });
    }

    await page.getByTestId('step-test').click();
    await page.getByRole('textbox', { name: /Focus/ }).fill([...passing, failing].map(focusFor).join('|'));
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('spec-preview')).toContainText(/3 of [\d,]+ specs match/, { timeout: 120_000 });

    await page.getByTestId('step-detail').getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('test-progress')).toContainText(/of 3 specs/, { timeout: 120_000 });
    await expect(page.getByTestId('result-counts')).toContainText('3 ran · 2 passed · 1 failed', { timeout: 5 * 60_000 });
    await expect(page.getByTestId('run-chart').locator('rect')).toHaveCount(3);
    await page.getByTestId('run-results').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/test-run-results.png' });

    // The Failed tab opens first; suite hooks and skipped specs have tabs of their own.
    await expect(page.getByRole('tab', { name: /^Failed \(1\)$/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: /^Passed \(2\)$/ })).toBeVisible();
    await expect(page.getByRole('tab', { name: /^Skipped \([\d,]+\)$/ })).toBeVisible();
    await expect(page.getByRole('tab', { name: /^Suite hooks \(\d+\)$/ })).toBeVisible();
    await expect(page.getByTestId('spec-results').getByRole('listitem')).toHaveCount(1);
    // The failed spec shows its message, then its place in the log.
    const failedRow = page.getByTestId('spec-results').getByRole('button', { name: new RegExp(failing.slice(0, 40).replace(/[[\]]/g, '\\$&')) });
    await failedRow.click();
    await expect(page.getByTestId('spec-detail')).toContainText(/websocket/i);
    await expect(page.getByTestId('spec-detail')).toContainText(/pods\.go:\d+/);
    await page.getByRole('button', { name: 'Show in the log' }).click();
    await expect(page.getByTestId('log-excerpt')).toContainText('• [FAILED]');
    await page.screenshot({ path: 'test-results/screenshots/test-results.png', fullPage: true });

    // Restart the app on the same data folder: the last focus is remembered.
    await first.stop({ keepData: true });
    const second = await startStudio({ dataDir, env });
    try {
      await page.goto(second.url);
      const rerun = page.getByRole('button', { name: /Rerun last focus/ });
      await expect(rerun).toBeEnabled();
      await rerun.click();
      await expect(page.getByTestId('test-progress')).toBeVisible({ timeout: 5 * 60_000 });
      await expect(page.getByTestId('result-counts')).toContainText('3 ran · 2 passed · 1 failed', { timeout: 5 * 60_000 });
      await expect(page.getByTestId('step-build')).toContainText('success');

      await page.getByRole('button', { name: 'History' }).click();
      await expect(page.getByTestId('history').locator('tbody tr')).toHaveCount(2);
      // Tick both runs and compare them: the same spec fails in both.
      for (const box of await page.getByTestId('history').getByRole('checkbox').all()) await box.check();
      await page.getByRole('button', { name: 'Compare 2/2' }).click();
      await expect(page.getByTestId('compare-stillFailing')).toContainText('Still failing (1)');
      await expect(page.getByTestId('compare-newlyFailing')).toContainText('Newly failing (0)');
      await expect(page.getByTestId('compare-stillPassing')).toContainText('Still passing (2)');
      await page.screenshot({ path: 'test-results/screenshots/compare-runs.png', fullPage: true });
    } finally {
      await second.stop();
    }
  } finally {
    await first.stop();
    await rm(dataDir, { recursive: true, force: true });
    dataDir = '';
  }
});
