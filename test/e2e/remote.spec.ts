import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startControlPlane, type ControlPlane } from '../real/control-plane.js';
import { seedRun } from './seed-run.js';
import { expect, startStudio, terminalText, test } from './studio-fixture.js';

/**
 * Remote mode in the browser against the real control plane: choose the kubeconfig and context
 * (a cluster that is not local needs its name typed), check it, swap in the local kube-scheduler,
 * read its log live, and give the cluster its scheduler back.
 */
let plane: ControlPlane;
let work: string;

test.beforeAll(async () => {
  test.setTimeout(120 * 60_000);
  plane = await startControlPlane();
  work = await mkdtemp(path.join(os.tmpdir(), 'studio-e2e-remote-'));
});
test.afterAll(async () => {
  await plane?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

test('remote mode: confirm the context, swap, watch the local scheduler, restore', async ({ page }) => {
  test.setTimeout(10 * 60_000);
  // A second kubeconfig whose only context points somewhere that is not this machine.
  const foreign = path.join(work, 'prod-kubeconfig');
  await writeFile(foreign, (await readFile(plane.kubeconfig, 'utf8')).replace(/https:\/\/127\.0\.0\.1:\d+/, 'https://10.255.255.1:6443').replaceAll('k8s-e2e-studio-real', 'prod-cluster'));
  const studio = await startStudio({
    settings: { mode: 'remote', remote: { kubeconfig: foreign }, toolPaths: { kubectl: plane.binaries.kubectl, 'kube-scheduler': plane.binaries.kubeScheduler } },
  });
  try {
    await page.goto(studio.url);
    await page.getByTestId('step-mode').click();
    const contexts = page.getByRole('table', { name: 'Contexts' });
    await expect(contexts).toContainText('prod-cluster');
    await expect(contexts).toContainText('https://10.255.255.1:6443');
    await page.getByRole('radio', { name: 'Use prod-cluster' }).check();
    const confirm = page.getByRole('textbox', { name: 'Type the context name to confirm' });
    await confirm.fill('prod');
    await expect(page.getByText("That is not the context's name.")).toBeVisible();
    await confirm.fill('prod-cluster');
    await confirm.blur();
    await expect(page.getByText('Confirmed.')).toBeVisible();

    // Now the cluster this test runs: local, so no typing is needed.
    const file = page.getByRole('textbox', { name: 'Kubeconfig file' });
    await file.fill(plane.kubeconfig);
    await file.blur();
    await page.getByRole('radio', { name: 'Use k8s-e2e-studio-real' }).check();
    await expect(confirm).toHaveCount(0);
    await page.getByTestId('step-detail').getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('detail-status-mode')).toHaveText('success', { timeout: 120_000 });
    await expect(page.getByTestId('remote-facts')).toContainText('Deployment kube-system/scheduler, 1 replica');
    await page.screenshot({ path: 'test-results/screenshots/remote-mode-preflight.png', fullPage: true });

    await page.getByTestId('step-cluster').click();
    await page.getByTestId('step-detail').getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('detail-status-cluster')).toHaveText('success', { timeout: 180_000 });
    // The binary came from Tool paths, not from a Build of the checkout, and the page says so.
    await expect(page.getByTestId('cluster-facts')).toContainText(`the kube-scheduler at ${plane.binaries.kubeScheduler} (from Tool paths), running on this machine`);
    const status = page.getByTestId('remote-status');
    await expect(status).toContainText('Your kube-scheduler is scheduling for k8s-e2e-studio-real');
    await status.getByRole('button', { name: 'its log' }).click();
    await expect.poll(() => terminalText(page, 'scheduler-terminal'), { timeout: 30_000 }).toMatch(/I\d{4} /);
    // Live: a pod created now shows up in the log as the local scheduler binds it.
    await plane.api.post('/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'live-pod' }, spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10' }] } });
    await expect.poll(() => terminalText(page, 'scheduler-terminal'), { timeout: 30_000 }).toMatch(/Successfully bound pod to node/);
    await page.screenshot({ path: 'test-results/screenshots/remote-swapped.png' });

    // A rival: the in-cluster scheduler is scaled back up while ours runs. Rerun last focus is
    // refused on screen with the reason, and nothing starts (the swap guard's gate).
    await seedRun(studio.dataDir, { focus: 'SchedulerPredicates', mode: 'remote', context: 'k8s-e2e-studio-real' });
    await page.reload();
    await plane.api.patch('/apis/apps/v1/namespaces/kube-system/deployments/scheduler', { spec: { replicas: 1 } });
    await expect(status).toContainText('Pods may be bound by another scheduler', { timeout: 60_000 });
    await page.getByRole('button', { name: /Rerun last focus/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Not rerun:' })).toContainText('Not rerun: Pods may be bound by another scheduler');
    await expect(page.getByTestId('status-build')).toHaveText('pending');
    await expect(page.getByTestId('status-test')).toHaveText('pending');
    await page.screenshot({ path: 'test-results/screenshots/remote-rerun-refused.png' });

    await status.getByRole('button', { name: 'Restore now' }).click();
    await expect(page.getByTestId('detail-status-teardown')).toHaveText('success', { timeout: 180_000 });
    await expect(page.getByTestId('teardown-result')).toContainText('Gave k8s-e2e-studio-real its own scheduler back');
    await expect(status).toHaveCount(0);
    const deployment = await plane.api.get<{ spec: { replicas: number } }>('/apis/apps/v1/namespaces/kube-system/deployments/scheduler');
    expect(deployment.spec.replicas).toBe(1);
  } finally {
    await studio.stop();
  }
});
