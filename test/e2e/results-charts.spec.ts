import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { seedRun } from './seed-run.js';
import { manySpecs } from './seed-specs.js';
import { expect, root, test } from './studio-fixture.js';

/**
 * Results read at a glance, on a run as big as the whole e2e suite: the chart of the slowest specs
 * (axis, names, durations, tooltips, a click opens the spec), the spread of all durations, the list
 * of 7,400 specs kept responsive by drawing only the rows in view, the History as a chart, and the
 * wizard's steps on a timeline. It also measures how quickly the results view answers and prints it.
 */
const shots = path.join(root, 'test-results', 'screenshots');
const day = 24 * 3600_000;
const bigStart = Date.parse('2026-11-30T09:00:00Z');

interface Timing {
  /** The action's own work in the page: its handlers and React's render (synchronous, or in the microtask React queues), before any frame. */
  work: number;
  /** Until the page shows `done` and has painted it. */
  shown: number;
}

/**
 * Milliseconds from an action on `target` (a click, or a value typed into it) until the page shows
 * `done` and has painted it: the check runs in animation frames from the frame after the action,
 * and the clock stops in a task queued after the frame that showed it.
 */
async function msUntilShown(target: Locator, act: { click: true } | { type: string }, done: { selector: string; has?: string }): Promise<Timing> {
  return target.evaluate(
    (element, { act, done }) =>
      new Promise<Timing>((resolve, reject) => {
        const started = performance.now();
        if ('click' in act) (element as HTMLElement).click();
        else {
          const input = element as HTMLInputElement;
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, act.type);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
        // React renders a click's update in a microtask queued during the event; this one runs after it.
        let work = NaN;
        queueMicrotask(() => (work = performance.now() - started));
        const check = (): void => {
          const shown = [...document.querySelectorAll(done.selector)].some((e) => done.has === undefined || (e.textContent ?? '').includes(done.has));
          if (shown) setTimeout(() => resolve({ work, shown: performance.now() - started }), 0);
          else if (performance.now() - started > 60_000) reject(new Error(`${done.selector} ${done.has ?? ''} not shown within 60 s`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { act, done },
  );
}

/** Input events since the observer started that took 16 ms or more to their next paint (Event Timing API: input delay, handlers, then the paint). */
interface SlowEvent {
  name: string;
  duration: number;
  delay: number;
  handlers: number;
}

async function watchEvents(page: Page): Promise<() => Promise<SlowEvent[]>> {
  await page.evaluate(() => {
    const slow: SlowEvent[] = [];
    (window as unknown as { slowEvents: SlowEvent[] }).slowEvents = slow;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        slow.push({ name: entry.name, duration: entry.duration, delay: entry.processingStart - entry.startTime, handlers: entry.processingEnd - entry.processingStart });
      }
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });
  return async () => page.evaluate(() => (window as unknown as { slowEvents: SlowEvent[] }).slowEvents);
}

function describeSlowEvents(events: SlowEvent[]): string {
  const keys = events.filter((e) => e.name.startsWith('key')).map((e) => e.duration).sort((a, b) => a - b);
  if (keys.length === 0) return 'every key event under 16 ms to its paint';
  const worst = events.find((e) => e.duration === keys[keys.length - 1])!;
  return `${keys.length} key events of 16 ms or more, median ${Math.round(keys[Math.floor(keys.length / 2)]!)} ms, slowest ${Math.round(worst.duration)} ms (of which ${Math.round(worst.delay)} ms waiting to start and ${Math.round(worst.handlers)} ms in handlers; the rest until the next paint)`;
}

test('7,400 specs: a labelled chart of the slowest, their spread, a list that stays quick, and the History as a chart', async ({ page, studio }) => {
  test.setTimeout(6 * 60_000);
  await mkdir(shots, { recursive: true });
  const specs = manySpecs(7400, { failed: 40, skipped: 400 });
  const slowest = specs.filter((s) => s.state !== 'skipped').sort((a, b) => b.durationSeconds - a.durationSeconds)[0]!;
  const big = await seedRun(studio.dataDir, { focus: '', mode: 'kind', context: 'kind-e2e', startedAt: bigStart, durationSeconds: 3 * 3600 + 125, specs });
  // A week of smaller runs before it: passed, failed and one cancelled.
  const small: Array<[number, number, number, 'passed' | 'failed' | 'cancelled']> = [
    [6, 3, 0, 'passed'],
    [5, 3, 1, 'failed'],
    [4, 12, 0, 'passed'],
    [3, 12, 2, 'failed'],
    [2, 20, 0, 'cancelled'],
    [1, 20, 0, 'passed'],
  ];
  for (const [daysBefore, count, failed, outcome] of small) {
    await seedRun(studio.dataDir, { focus: 'SchedulerPredicates', mode: 'remote', context: 'k8s-e2e-studio-real', startedAt: bigStart - daysBefore * day, durationSeconds: 60 + count * 45 + failed * 300, specs: manySpecs(count, { failed, skipped: 0, seed: daysBefore }), outcome });
  }

  await page.goto(studio.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'History' }).click();

  // The History as a chart: a column per run, oldest first, its tooltip in words; the table keeps the numbers.
  const history = page.getByTestId('history-chart');
  await expect(history).toContainText('Duration and outcome of all 7 runs, oldest on the left');
  const columns = history.getByRole('button', { name: /^Run of / });
  await expect(columns).toHaveCount(7);
  await expect(columns.last()).toHaveAccessibleName(/: failed · 6,960 of 7,000 passed, 40 failed · took 3 h 02 min$/);
  await expect(columns.nth(4)).toHaveAccessibleName(/: cancelled · /);
  await columns.nth(1).hover();
  await expect(page.getByRole('tooltip')).toContainText('failed · 2 of 3 passed, 1 failed · took');
  await expect(page.getByRole('tooltip')).toContainText('focus SchedulerPredicates');
  await expect(columns.nth(1)).toHaveAccessibleDescription(/focus SchedulerPredicates/);
  await expect(columns.nth(2)).toHaveAccessibleDescription('');
  await expect(history.getByText('6,960/7,000')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'history-chart.png') });

  // Open the big run from its row and time it until its list is on screen.
  const openMs = await msUntilShown(page.getByTestId(`run-${big.id}`).getByRole('button', { name: 'Open' }), { click: true }, { selector: '[data-testid="spec-results"] li' });
  const results = page.getByTestId('run-results');
  await expect(results.getByTestId('result-counts')).toHaveText('7,000 ran · 6,960 passed · 40 failed · 400 skipped');
  // It opens on the failures; every tab keeps its count.
  await expect(page.getByRole('tab', { name: 'Failed (40)' })).toHaveAttribute('aria-selected', 'true');
  for (const name of ['Passed (6,960)', 'Skipped (400)', 'Suite hooks (3)']) await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'false');

  // The chart: the 15 slowest as labelled bars on an axis, the rest counted in the caption.
  const chart = page.getByTestId('run-chart');
  await expect(chart).toContainText('The 15 slowest of 7,000 specs that ran');
  const bars = chart.getByRole('button');
  await expect(bars).toHaveCount(15);
  const slowestName = slowest.name.replace(/^\[It\] /, '');
  await expect(bars.first()).toHaveAccessibleName(new RegExp(`^${slowestName.replace(/[[\]()]/g, '\\$&')}: passed, `));
  await expect(chart.getByText(slowestName.slice(0, 40), { exact: false })).toBeVisible();
  await expect(chart.getByText(/^\d+ min$/).first()).toBeVisible();
  await bars.nth(2).hover();
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText(/#3 slowest of 7,000/);
  await expect(tooltip).toContainText(/passed|failed/);
  await page.screenshot({ path: path.join(shots, 'results-7400-chart.png') });
  await bars.first().click();
  await expect(page.getByTestId('spec-detail')).toContainText(slowestName);
  await expect(bars.first()).toHaveAttribute('aria-pressed', 'true');

  // Every spec that ran, by how long it took, the counts written on the columns.
  const spread = page.getByTestId('duration-histogram');
  await expect(spread).toContainText('All 7,000 specs that ran, by how long each took');
  await expect(spread.getByRole('img')).toHaveAccessibleName(/^Specs by duration: under 1 s: [\d,]+; 1–10 s: [\d,]+; /);

  // Switch to Passed: 6,960 rows, of which only those in view are in the page.
  const passedTabMs = await msUntilShown(page.getByRole('tab', { name: 'Passed (6,960)' }), { click: true }, { selector: '[data-testid="spec-results"][aria-label="6,960 specs"] li' });
  const list = page.getByTestId('spec-results');
  await expect(list).toHaveAccessibleName('6,960 specs');
  await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '6960');
  expect(await list.getByRole('listitem').count()).toBeLessThan(60);
  // Scrolled to the end, the last passed spec is there.
  const lastPassed = specs.filter((s) => s.state === 'passed' && s.name.startsWith('[It] ')).at(-1)!;
  const scrollMs = await page.locator('.spec-window').evaluate(
    (element) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        element.scrollTop = element.scrollHeight;
        const check = (): void => {
          if (element.querySelector('li[aria-posinset="6960"]')) setTimeout(() => resolve(performance.now() - started), 0);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
  await expect(list.getByRole('button', { name: new RegExp(lastPassed.name.slice(-30).replace(/[[\]()]/g, '\\$&')) })).toBeVisible();

  // Typing in the search, a key at a time, then timing each step of a query.
  const search = page.getByRole('searchbox', { name: 'Find a spec' });
  const watch = await watchEvents(page);
  await search.pressSequentially('predicates', { delay: 30 });
  await expect(page.getByRole('status').filter({ hasText: 'match “predicates”' })).toHaveText(/^[\d,]+ of 6,960 match “predicates”$/);
  const slowEvents = await watch();
  // The same typing into a box that changes next to nothing (the terminal's find), as a control: what this machine's frames cost anyway.
  const control = await watchEvents(page);
  await page.getByRole('textbox', { name: /Find in output/ }).or(page.getByPlaceholder('Find in output')).first().pressSequentially('predicates', { delay: 30 });
  const controlEvents = await control();
  await page.getByPlaceholder('Find in output').first().fill('');
  await search.fill('');
  const typed: Timing[] = [];
  for (const value of ['s', 'sc', 'sch', 'sched', '#6999']) typed.push(await msUntilShown(search, { type: value }, { selector: '[role="status"]', has: `“${value}”` }));
  await expect(page.getByRole('status').filter({ hasText: '#6999' })).toHaveText('1 of 6,960 match “#6999”');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await search.fill('');
  const skippedTabMs = await msUntilShown(page.getByRole('tab', { name: 'Skipped (400)' }), { click: true }, { selector: '[data-testid="spec-results"][aria-label="400 specs"]' });
  await expect(list).toHaveAccessibleName('400 specs');
  await page.getByRole('tab', { name: 'Failed (40)' }).click();
  await expect(list).toHaveAccessibleName('40 specs');
  await page.screenshot({ path: path.join(shots, 'results-7400-list.png'), fullPage: true });

  const both = (t: Timing): string => `${Math.round(t.shown)} ms (work ${Math.round(t.work)} ms)`;
  const figures = [
    `open the run from History until its list is painted: ${both(openMs)}`,
    `Failed → Passed (6,960 rows): ${both(passedTabMs)}; Passed → Skipped (400): ${both(skippedTabMs)}`,
    `scroll to the end of 6,960 rows: ${Math.round(scrollMs)} ms`,
    `search, each query until its rows are painted (s, sc, sch, sched, #6999): ${typed.map(both).join(', ')}`,
    `typing "predicates" key by key into the search (Event Timing): ${describeSlowEvents(slowEvents)}`,
    `control, the same typing into the terminal's find box: ${describeSlowEvents(controlEvents)}`,
  ];
  console.log(`Results view on 7,400 specs (7,000 ran):\n  ${figures.join('\n  ')}`);
  test.info().annotations.push({ type: 'responsiveness', description: figures.join('; ') });
});

test('one spec reads as well as many: an axis, its name, its duration and a tooltip', async ({ page, studio }) => {
  await mkdir(shots, { recursive: true });
  const [spec] = manySpecs(1, { failed: 0, skipped: 0, seed: 3 });
  const run = await seedRun(studio.dataDir, { focus: 'SchedulerPredicates', mode: 'kind', context: 'kind-e2e', specs: [{ ...spec!, durationSeconds: 42.5 }] });
  await page.goto(studio.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'History' }).click();
  await expect(page.getByTestId('history-chart').getByRole('button', { name: /^Run of / })).toHaveCount(1);
  await page.getByTestId(`run-${run.id}`).getByRole('button', { name: 'Open' }).click();
  const chart = page.getByTestId('run-chart');
  await expect(chart).toContainText('1 spec by duration, slowest first; together 42.5 s');
  const name = spec!.name.replace(/^\[It\] /, '');
  const bar = chart.getByRole('button', { name: `${name}: passed, 42.5 s` });
  await expect(bar).toBeVisible();
  // The axis runs past the bar's end in round steps.
  for (const tick of ['0', '10 s', '20 s', '30 s', '40 s', '50 s']) await expect(chart.getByText(tick, { exact: true })).toBeVisible();
  await expect(chart.getByText(name)).toBeVisible();
  await expect(chart.getByText('42.5 s', { exact: true })).toBeVisible();
  await expect(page.getByTestId('duration-histogram')).toHaveCount(0);
  await bar.hover();
  await expect(page.getByRole('tooltip')).toContainText(name);
  await expect(page.getByRole('tooltip')).toContainText('passed · 42.5 s · #1 slowest of 1');
  // The bar under the pointer (and only it) is described by the tooltip, for a screen reader too.
  await expect(bar).toHaveAccessibleDescription(/passed · 42\.5 s · #1 slowest of 1/);
  await page.screenshot({ path: path.join(shots, 'results-1-spec.png') });
  // The keyboard opens it too.
  await bar.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('spec-detail')).toContainText(name);
  await expect(page.getByTestId('spec-results').getByRole('listitem')).toHaveCount(1);
});

test('the wizard’s steps over time: which step took how long, and a click opens it', async ({ page, studio }) => {
  await mkdir(shots, { recursive: true });
  await page.goto(studio.url);
  await expect(page.getByTestId('step-timeline')).toHaveCount(0);
  await page.getByTestId('step-detail').getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('detail-status-host')).toHaveText('success');
  await page.getByTestId('step-toolchain').click();
  await page.getByTestId('step-detail').getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('detail-status-toolchain')).not.toHaveText(/pending|running/, { timeout: 120_000 });
  const outcome = await page.getByTestId('detail-status-toolchain').innerText();

  const timeline = page.getByTestId('step-timeline');
  await expect(timeline).toContainText(/^Steps over time: 2 steps ran for \d.* between \d/);
  const host = timeline.getByRole('button', { name: /^Host: success, / });
  const toolchain = timeline.getByRole('button', { name: new RegExp(`^Toolchain: ${outcome}, `) });
  await expect(host).toBeVisible();
  await expect(toolchain).toBeVisible();
  await expect(timeline.getByText(/^2\. Toolchain/)).toBeVisible();
  await toolchain.hover();
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText('2. Toolchain');
  await expect(tooltip).toContainText(new RegExp(`${outcome} · \\d`));
  await page.screenshot({ path: path.join(shots, 'step-timeline.png') });
  await host.click();
  await expect(page.getByRole('heading', { name: 'Host', level: 2 })).toBeVisible();
});
