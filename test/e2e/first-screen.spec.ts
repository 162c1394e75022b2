import type { WebSocketRoute } from '@playwright/test';
import { wizardSteps } from '../../shared/steps/step-catalog.js';
import { expect, test } from './studio-fixture.js';

// The page carries its first screen (electron/launch/first-screen.mjs): the wizard, drawn at build
// time before the engine has answered, with nothing to click until the engine says where each step is.

test('the page shows the wizard before any script has run: every step of the catalog, waiting for the engine', async ({ browser, studio }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(studio.url);
    const nav = page.getByRole('navigation', { name: 'Wizard steps' });
    await expect(nav.getByRole('button')).toHaveCount(wizardSteps.length);
    for (const [index, step] of wizardSteps.entries()) {
      const button = page.getByTestId(`step-${step.id}`);
      await expect(button).toContainText(`${index + 1}${step.title}`);
      await expect(button).toHaveAttribute('aria-disabled', 'true');
      await expect(button.getByLabel(`${step.title}: waiting for the engine`)).toBeVisible();
    }
    await expect(page.getByRole('heading', { name: 'Host' })).toBeVisible();
    await expect(page.getByTestId('engine-wait')).toHaveText('Connecting to the engine…');
    // Drawn with its style sheet: the step list is the 250 px column beside the step.
    expect((await nav.boundingBox())?.width).toBe(250);
  } finally {
    await context.close();
  }
});

test('until the engine answers the steps cannot be picked; once it has, they show its state and can', async ({ page, studio }) => {
  // The WebSocket to the engine is held in the browser until the test lets it through.
  let letThrough: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (letThrough = resolve));
  const held: string[] = [];
  await page.routeWebSocket(/\/api$/, (socket: WebSocketRoute) => {
    // The page's socket opens at once; what it sends waits here.
    socket.onMessage((message) => held.push(String(message)));
    void released.then(() => {
      const server = socket.connectToServer();
      server.onMessage((message) => socket.send(message));
      socket.onMessage((message) => server.send(message));
      for (const message of held) server.send(message);
    });
  });
  await page.goto(studio.url);
  await expect(page.getByTestId('engine-wait')).toBeVisible();
  // The page's scripts have run (they asked the engine) and React has drawn the steps in place of
  // the page's own (its nodes carry React's props), and the steps still wait for the engine's answer.
  await expect.poll(() => held.length).toBeGreaterThan(0);
  const drawnByReact = (): Promise<boolean> => page.getByTestId('step-toolchain').evaluate((button) => Object.keys(button).some((key) => key.startsWith('__reactProps')));
  await expect.poll(drawnByReact).toBe(true);
  await expect(page.getByTestId('step-toolchain')).toHaveAttribute('aria-disabled', 'true');
  await page.getByTestId('step-toolchain').dispatchEvent('click');
  await expect(page.getByRole('heading', { name: 'Host' })).toBeVisible();
  await expect(page.getByTestId('status-host')).toHaveCount(0);

  letThrough();
  await expect(page.getByTestId('status-host')).toHaveText('pending');
  await expect(page.getByTestId('engine-wait')).toHaveCount(0);
  await expect(page.getByTestId('step-toolchain')).not.toHaveAttribute('aria-disabled');
  await page.getByTestId('step-toolchain').click();
  await expect(page.getByRole('heading', { name: 'Toolchain' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});
