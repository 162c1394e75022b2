import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startControlPlane, type ControlPlane } from '../real/control-plane.js';
import { focusFor } from '../real/e2e-spec-run.js';
import { knownSpecs } from '../real/known-specs.js';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { expect, startStudio, test } from './studio-fixture.js';

/**
 * A newcomer's whole remote-mode flow, in Chromium, from an empty data folder to a passed run and a
 * failed one on the real control plane, clicking only what the page shows and reading only what it
 * says. Binaries built elsewhere (the harness's kube-scheduler, e2e.test and kubectl) are named in
 * Tool paths, as a contributor with their own builds would. Screenshots of each stop are kept.
 */
let plane: ControlPlane;
let work: string;
let checkout: string;

test.beforeAll(async () => {
  test.setTimeout(120 * 60_000);
  plane = await startControlPlane();
  work = await mkdtemp(path.join(os.tmpdir(), 'studio-e2e-newcomer-'));
  checkout = await createMiniKubernetes(path.join(work, 'kubernetes'));
});
test.afterAll(async () => {
  await plane?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: `test-results/screenshots/newcomer-${name}.png`, fullPage: true });
const detail = (page: Page) => page.getByTestId('step-detail');
const run = (page: Page) => detail(page).getByRole('button', { name: /^Run( again)?$/ });

test('from an empty window to a passed and a failed run in remote mode, reading only what the page says', async ({ page }) => {
  test.setTimeout(20 * 60_000);
  const known = knownSpecs();
  const passing = known.passing.slice(0, 2).map((s) => s.name);
  const failing = known.failing[0]?.name ?? '';
  const studio = await startStudio();
  try {
    await page.goto(studio.url);
    // 1 Host: the first step is open; after it succeeds the next one is one click away.
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('Host');
    await run(page).click();
    await expect(page.getByTestId('detail-status-host')).toHaveText('success');
    await detail(page).getByRole('button', { name: 'Toolchain →' }).click();

    // 2 Toolchain: the binaries built elsewhere go into Tool paths.
    await page.getByText('Tool paths (optional: override what PATH finds)').click();
    await page.getByRole('textbox', { name: /^kubectl$/ }).fill(plane.binaries.kubectl);
    await page.getByRole('textbox', { name: /^kube-scheduler/ }).fill(plane.binaries.kubeScheduler);
    await page.getByRole('textbox', { name: /^e2e\.test/ }).fill(plane.binaries.e2eTest);
    await expect(page.getByTestId('run-hold')).toHaveText('Run waits: Tool paths: changed but not saved; save it, or put it back.');
    await page.getByRole('button', { name: 'Save paths' }).click();
    await expect(page.getByText('saved; run the step again to use them')).toBeVisible();
    await run(page).click();
    await expect(page.getByTestId('detail-status-toolchain')).not.toHaveText(/pending|running/, { timeout: 120_000 });
    await expect(detail(page)).toContainText(plane.binaries.kubectl);
    await shot(page, '2-toolchain');

    // 4 Source: a folder that is not a checkout is refused where it was typed; the checkout is taken.
    await page.getByTestId('step-source').click();
    const folder = page.getByRole('textbox', { name: /Folder/ });
    await folder.fill(work);
    await expect(run(page)).toBeDisabled();
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await expect(page.locator('#source-dir-error')).toBeVisible();
    await folder.fill(checkout);
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await expect(page.getByText('saved', { exact: true })).toBeVisible();
    await run(page).click();
    await expect(page.getByTestId('detail-status-source')).toHaveText('success');
    await expect(page.getByTestId('source-facts')).toContainText(checkout);
    await detail(page).getByRole('button', { name: 'Mode →' }).click();

    // 5 Mode: remote, the plane's kubeconfig, its context; the preflight says what it found.
    await page.getByRole('radio', { name: /remote mode/ }).check();
    await expect(page.getByTestId('status-kind')).toHaveText('not needed');
    const file = page.getByRole('textbox', { name: 'Kubeconfig file' });
    await file.fill(plane.kubeconfig);
    await file.blur();
    await page.getByRole('radio', { name: 'Use k8s-e2e-studio-real' }).check();
    await run(page).click();
    await expect(page.getByTestId('detail-status-mode')).toHaveText('success', { timeout: 120_000 });
    await expect(page.getByTestId('remote-facts')).toContainText('Deployment kube-system/scheduler, 1 replica');
    await shot(page, '5-mode');
    await detail(page).getByRole('button', { name: 'Build →' }).click();

    // 6 Build: what remote mode builds, from the checkout.
    await run(page).click();
    await expect(page.getByTestId('detail-status-build')).toHaveText('success', { timeout: 5 * 60_000 });
    await expect(page.getByTestId('artefact-kube-scheduler')).toContainText('built');
    await detail(page).getByRole('button', { name: 'Cluster →' }).click();

    // 7 Cluster: the swap; the page says whose kube-scheduler now schedules.
    await run(page).click();
    await expect(page.getByTestId('detail-status-cluster')).toHaveText('success', { timeout: 180_000 });
    await expect(page.getByTestId('cluster-facts')).toContainText(`the kube-scheduler at ${plane.binaries.kubeScheduler} (from Tool paths), running on this machine`);
    await expect(page.getByTestId('remote-status')).toContainText('Your kube-scheduler is scheduling for k8s-e2e-studio-real');
    await shot(page, '7-cluster');
    await detail(page).getByRole('button', { name: 'Test →' }).click();

    // 8 Test, twice: two specs that pass, then the same two and one that fails here.
    const focus = page.getByRole('textbox', { name: /Focus/ });
    await focus.fill(passing.map(focusFor).join('|'));
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('spec-preview')).toContainText(/2 of [\d,]+ specs match/, { timeout: 120_000 });
    await run(page).click();
    await expect(page.getByTestId('result-counts')).toContainText('2 ran · 2 passed · 0 failed', { timeout: 5 * 60_000 });
    await expect(page.getByRole('tab', { name: /^Passed \(2\)$/ })).toHaveAttribute('aria-selected', 'true');
    await shot(page, '8-passed');

    await focus.fill([...passing, failing].map(focusFor).join('|'));
    await run(page).click();
    await expect(page.getByTestId('result-counts')).toContainText('3 ran · 2 passed · 1 failed', { timeout: 5 * 60_000 });
    await expect(page.getByRole('tab', { name: /^Failed \(1\)$/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('spec-results')).toContainText(failing.slice(0, 40));
    await shot(page, '8-failed');

    // The exported script says plainly that the swap is not in it, and carries no npm folder on PATH.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export script' }).click();
    const script = await readFile(await (await download).path(), 'utf8');
    expect(script).toContain('# NOT INCLUDED: the scheduler swap.');
    expect(script).toContain(plane.binaries.e2eTest);
    expect(script).not.toMatch(/node_modules/);

    // History: the two runs compared, still-passing specs listed, not zeros.
    await page.getByRole('button', { name: 'History' }).click();
    await expect(page.getByTestId('history').locator('tbody tr')).toHaveCount(2);
    for (const box of await page.getByTestId('history').getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: 'Compare 2/2' }).click();
    await expect(page.getByTestId('compare-stillPassing')).toContainText('Still passing (2)');
    await expect(page.getByTestId('compare-onlyInAfter')).toContainText('Ran only in the later run (1)');
    await shot(page, 'history-compare');

    // 9 Teardown: the cluster gets its scheduler back.
    await page.getByRole('button', { name: 'Steps' }).click();
    await page.getByTestId('step-teardown').click();
    await run(page).click();
    await expect(page.getByTestId('teardown-result')).toContainText('Gave k8s-e2e-studio-real its own scheduler back', { timeout: 180_000 });
    await expect(page.getByTestId('remote-status')).toHaveCount(0);
    const deployment = await plane.api.get<{ spec: { replicas: number } }>('/apis/apps/v1/namespaces/kube-system/deployments/scheduler');
    expect(deployment.spec.replicas).toBe(1);
  } finally {
    await studio.stop();
  }
});
