import { request } from '@playwright/test';
import { expect, test } from './studio-fixture.js';

test('requests without the token are refused, with and without a browser', async ({ page, studio }) => {
  const bare = await request.newContext();
  const noToken = await bare.get(`http://127.0.0.1:${studio.port}/`);
  expect(noToken.status()).toBe(403);
  expect(await noToken.text()).toContain('Missing or wrong token');
  expect((await bare.get(`http://127.0.0.1:${studio.port}/?token=wrong`)).status()).toBe(403);
  await bare.dispose();

  // Another page (another origin) cannot reach the engine's WebSocket either.
  await page.goto('about:blank');
  const opened = await page.evaluate(
    (port) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/api`);
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      }),
    studio.port,
  );
  expect(opened).toBe('refused');

  // The real page, with the token, works.
  await page.goto(studio.url);
  await expect(page.getByTestId('status-host')).toHaveText('pending');
});

test.describe('with a corrupt settings file', () => {
  test.use({ studioOptions: { dataFiles: { 'history.json': '{"version":1,"runs":[' } } });

  test('the app starts clean and says what it set aside', async ({ page, studio }) => {
    await page.goto(studio.url);
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('history.json could not be read');
    await expect(notice).toContainText(`${studio.dataDir}/history.json.corrupt-`);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('status-host')).toHaveText('pending');
    await expect(page.getByTestId('notice')).toHaveCount(0);
  });
});
