import type { BrowserContext, Page } from '@playwright/test';

/**
 * When the page first showed each of some elements: the wall-clock time (ms since the epoch, as
 * performance.timeOrigin + performance.now() reads it, comparable with the same reading in Node)
 * of the first frame painted after an element matching the selector was in the document with a
 * box of its own. It is read inside the page, so it counts what the user sees: not when a test
 * driver next got around to look, nor the page's `load` event, which waits for every script.
 */
export async function watchPaints(context: BrowserContext, selectors: Record<string, string>): Promise<void> {
  // A script of its own (not a function): the page must not need anything this file is compiled with.
  await context.addInitScript({
    content: `(() => {
      const selectors = ${JSON.stringify(selectors)};
      const painted = (window.__studioPaints = {});
      const waiting = new Set(Object.keys(selectors));
      const look = () => {
        for (const name of waiting) {
          const element = document.querySelector(selectors[name]);
          if (!element || element.getClientRects().length === 0) continue;
          waiting.delete(name);
          // A frame callback runs before the frame is painted, a task queued from it after.
          requestAnimationFrame(() => setTimeout(() => (painted[name] = performance.timeOrigin + performance.now()), 0));
        }
        if (waiting.size === 0) observer.disconnect();
      };
      const observer = new MutationObserver(look);
      observer.observe(document, { subtree: true, childList: true, attributes: true });
    })();`,
  });
}

/** Waits until every watched element has been painted, and returns when each was (ms since the epoch). */
export async function paintTimes(page: Page, names: readonly string[], timeoutMs = 30_000): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  // Asked from here, not with waitForFunction: the app's Content-Security-Policy forbids the eval
  // that a predicate in the page would need. The times were taken in the page, so asking late costs nothing.
  for (;;) {
    const painted = await page.evaluate(() => (window as unknown as { __studioPaints?: Record<string, number> }).__studioPaints ?? {});
    if (names.every((name) => painted[name] !== undefined)) return painted;
    if (Date.now() > deadline) throw new Error(`Not painted within ${timeoutMs} ms: ${names.filter((name) => painted[name] === undefined).join(', ')}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Now, on the clock the page's times are on. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
