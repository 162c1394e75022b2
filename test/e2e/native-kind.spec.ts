import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { goBinaries } from '../support/go-binaries.js';
import { startKindReleaseServer, type KindReleaseServer } from '../support/kind-release-server.js';
import { realKind, testKindVersion } from '../support/real-kind.js';
import { expect, startStudio, terminalText, test } from './studio-fixture.js';

const arch = ({ x86_64: 'amd64', aarch64: 'arm64', arm64: 'arm64' } as Record<string, string>)[os.machine()] ?? os.machine();
let server: KindReleaseServer;

test.beforeAll(async () => {
  test.setTimeout(15 * 60_000);
  const binaries = await goBinaries();
  server = await startKindReleaseServer({ version: testKindVersion, asset: `kind-linux-${arch}`, binary: await realKind(), wrongBinary: arch === 'arm64' ? binaries['linux-amd64'] : binaries['linux-arm64'] });
});
test.afterAll(async () => server?.close());

test('Native kind installs a verified kind from the release server, with a progress bar', async ({ page }) => {
  // The server holds the second half of the binary until the progress bar has been seen: a timed
  // "slow" download could end before a loaded machine got to look at it.
  const studio = await startStudio({ settings: { kindDownloadBase: server.base('held'), kindBuildFallback: false, toolPaths: { kind: '$DATA/bin/kind' } } });
  try {
    await page.goto(studio.url);
    await page.getByTestId('step-kind').click();
    await expect(page.getByRole('textbox', { name: 'Version' })).toHaveValue(testKindVersion);
    await page.getByRole('button', { name: 'Run', exact: true }).click();

    const progress = page.getByTestId('step-progress');
    await expect(progress).toContainText(`Downloading kind-linux-${arch}`);
    await expect(progress).toContainText(/of [\d.]+ MB \(\d+%\)/);
    await page.screenshot({ path: 'test-results/screenshots/native-kind-progress.png' });
    server.release();

    await expect(page.getByTestId('status-kind')).toHaveText('success', { timeout: 60_000 });
    await expect(progress).toHaveCount(0);
    const install = page.getByTestId('kind-install');
    await expect(install).toContainText('Downloaded and verified');
    await expect(install).toContainText(`linux/${arch} (ELF)`);
    const installed = path.join(studio.dataDir, 'bin', 'kind');
    await expect(install).toContainText(installed);
    expect(execFileSync(installed, ['version'], { encoding: 'utf8' })).toContain(`kind ${testKindVersion}`);
    await expect.poll(() => terminalText(page, 'output-terminal')).toContain('sha256 ');
  } finally {
    await studio.stop();
  }
});

test('Native kind refuses a bad download, says why at the step, and installs nothing', async ({ page }) => {
  const studio = await startStudio({ settings: { kindDownloadBase: server.base('wrong-binary'), kindBuildFallback: false, toolPaths: { kind: '$DATA/bin/kind' } } });
  try {
    await page.goto(studio.url);
    await page.getByTestId('step-kind').click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('status-kind')).toHaveText('failure');
    await expect(page.getByTestId('step-error')).toContainText('Nothing was installed');
    await expect(page.getByTestId('step-error')).toContainText(/not a linux\/\w+ executable/);
  } finally {
    await studio.stop();
  }
});

test('the kind release form refuses bad input where it is typed', async ({ page }) => {
  const studio = await startStudio();
  try {
    await page.goto(studio.url);
    await page.getByTestId('step-kind').click();
    const version = page.getByRole('textbox', { name: 'Version' });
    await version.fill('latest');
    await expect(page.getByText('"latest" is not a kind release version')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
    await version.fill(testKindVersion);
    const base = page.getByRole('textbox', { name: 'Download from' });
    await base.fill('https://kind.sigs.k8s.io/dl/latest');
    await expect(page.getByText(/CI-only builds of kind's HEAD/)).toBeVisible();
    await base.fill('https://mirror.example/kind/dl');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('saved')).toBeVisible();
    await page.reload();
    await page.getByTestId('step-kind').click();
    await expect(page.getByRole('textbox', { name: 'Download from' })).toHaveValue('https://mirror.example/kind/dl');
  } finally {
    await studio.stop();
  }
});
