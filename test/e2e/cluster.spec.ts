import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { expect, root, startStudio, test } from './studio-fixture.js';

let work: string;
let checkout: string;

test.beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'studio-e2e-cluster-'));
  checkout = await createMiniKubernetes(path.join(work, 'kubernetes'));
});
test.afterAll(async () => rm(work, { recursive: true, force: true }));

test('kind mode: shape the config in the form, break the YAML and see the error on its line, fix it, build, create the cluster', async ({ page }) => {
  test.setTimeout(180_000);
  const standins = path.join(root, 'test', 'standins');
  const studio = await startStudio({
    settings: { sourceDir: checkout, mode: 'kind', toolPaths: { kind: path.join(standins, 'kind'), docker: path.join(standins, 'docker') } },
    env: { STUDIO_STANDIN_STATE: path.join(work, 'standin-state') },
  });
  try {
    await page.goto(studio.url);
    await page.getByTestId('step-cluster').click();
    // The YAML is a code editor (CodeMirror): its text is read as the user sees it, line by line.
    const yaml = page.getByRole('textbox', { name: 'kind config YAML' });
    const text = () => yaml.innerText();
    await expect.poll(text).toMatch(/role: control-plane\n\s+- role: worker\n\s+- role: worker/);

    await page.getByRole('spinbutton', { name: 'Workers' }).fill('3');
    await expect.poll(text).toMatch(/(- role: worker\n\s+){2}- role: worker/);
    await page.getByRole('textbox', { name: /Feature gates/ }).fill('SchedulerQueueingHints=true');
    await page.getByRole('textbox', { name: /Runtime config/ }).click();
    await expect.poll(text).toMatch(/featureGates:\n\s+SchedulerQueueingHints: true/);

    await page.getByRole('textbox', { name: /Extra kubeadm patches/ }).fill('kind: ClusterConfiguration\nscheduler:\n  extraArgs:\n    v: "4"');
    await page.getByRole('textbox', { name: /Runtime config/ }).click();
    await expect.poll(text).toMatch(/kubeadmConfigPatches:\n\s+- \|\n\s+kind: ClusterConfiguration/);

    const good = await text();
    await yaml.fill(good.replace('kubeProxyMode: iptables', 'kubeProxymode: iptables'));
    const problem = page.getByTestId('config-problems');
    await expect(problem).toContainText(/line 6: field kubeProxymode not found in type v1alpha4\.Networking/);
    // The message is also at the line itself: underlined there, and shown when the pointer rests on it.
    await yaml.getByText('kubeProxymode: iptables').hover();
    await expect(page.getByText('field kubeProxymode not found in type v1alpha4.Networking').first()).toBeVisible();
    await expect(page.locator('.cm-tooltip-hover')).toContainText('field kubeProxymode not found in type v1alpha4.Networking');
    await expect(page.getByRole('button', { name: 'Save config' })).toBeDisabled();
    await page.screenshot({ path: 'test-results/screenshots/kind-config-error.png', fullPage: true });

    await yaml.fill(good);
    await expect(problem).not.toContainText('line');
    await page.getByRole('button', { name: 'Save config' }).click();
    await expect(page.getByText('saved; this is what kind will get')).toBeVisible();

    await page.getByTestId('step-build').click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('status-build')).toHaveText('success', { timeout: 120_000 });
    await expect(page.getByTestId('artefact-node-image')).toContainText('built');

    await page.getByTestId('step-cluster').click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('status-cluster')).toHaveText('success');
    const facts = page.getByTestId('cluster-facts');
    await expect(facts).toContainText('kind-e2e');
    await expect(facts).toContainText(path.join(studio.dataDir, 'clusters', 'e2e', 'kubeconfig'));
    await expect(page.getByTestId('commands')).toContainText(/kind create cluster --name e2e --image kindest\/node:studio-[0-9a-f]{12} --config .*kind-config\.yaml --kubeconfig .* --retain --wait 5m/);
  } finally {
    await studio.stop();
  }
});
