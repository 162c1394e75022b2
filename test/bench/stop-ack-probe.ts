import type { Page } from '@playwright/test';

export interface StopAck {
  /** From the click event (its timestamp, so time queued before the page handled it counts) to the UI showing the stop. */
  ackMs: number;
  /** How long the click waited before the page's handlers ran. */
  inputDelayMs: number;
}

// Runs in the page. Kept as source text: tsx adds helpers (__name) to compiled functions, which do
// not exist in the page. page.evaluate uses the DevTools protocol, so the page's CSP does not apply.
const probeSource = `(stepId) => {
  const detail = document.querySelector('[data-testid="step-detail"]');
  const list = document.querySelector('nav.step-list');
  if (!detail || !list) throw new Error('the step detail or the step list is missing');
  const acknowledged = () =>
    [...document.querySelectorAll('[data-testid="status-' + stepId + '"], [data-testid="detail-status-' + stepId + '"]')].some((el) => el.textContent === 'stopping' || el.textContent === 'cancelled') ||
    [...detail.querySelectorAll('button')].some((button) => button.textContent === 'Stopping\u2026');
  window.__studioStopAck = new Promise((resolve, reject) => {
    let clickedAt;
    let inputDelayMs = 0;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('the UI did not acknowledge the stop within 20 s'));
    }, 20000);
    const observer = new MutationObserver(() => {
      if (clickedAt === undefined || !acknowledged()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve({ ackMs: performance.now() - clickedAt, inputDelayMs });
    });
    document.addEventListener('click', (event) => {
      const now = performance.now();
      clickedAt = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
      inputDelayMs = now - clickedAt;
    }, { capture: true, once: true });
    observer.observe(detail, { subtree: true, childList: true, characterData: true, attributes: true });
    observer.observe(list, { subtree: true, childList: true, characterData: true });
  });
}`;

/**
 * Clicks the selected step's Stop button and measures, inside the page, how long until the UI
 * shows the stop was taken: the button reads "Stopping…" or the step's status badge (in the list,
 * data-testid status-<id>, or in the detail, detail-status-<id>) reads "stopping" or "cancelled".
 */
export async function clickStopAndMeasure(page: Page, stepId: string): Promise<StopAck> {
  await page.evaluate(`(${probeSource})(${JSON.stringify(stepId)})`);
  await page.getByTestId('step-detail').getByRole('button', { name: 'Stop', exact: true }).click();
  return (await page.evaluate('window.__studioStopAck')) as StopAck;
}
