// `npm test`: installs what the tests need, then runs every check and test stage, and ends with a
// table of stage wall times (also in test-results/stage-times.json), which caches were cold, and
// one summary line. Plain Node with no dependencies, so it runs on a fresh clone.
//
// To add a stage, add an entry to `stages` below: id, title, command and args (an argv), env, and
// `report` if it writes a JSON report whose counts go into the summary. `waitsOnTime: true` marks
// the stages whose tests wait on processes, output or clusters: `npm run test:stress` runs those.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps, root } from '../electron/launch/ensure-deps.mjs';
import { cacheState, printTimes, readReport, runStage } from './stage-runner.mjs';

const chromium = process.env.STUDIO_CHROMIUM ?? '/usr/bin/chromium';
export const results = path.join(root, 'test-results');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const vitestReport = path.join(results, 'vitest.json');
const playwrightReport = path.join(results, 'playwright.json');
const realReport = path.join(results, 'vitest-real.json');

export const stages = [
  { id: 'lint', title: 'lint (layering, no shell strings)', command: bin('eslint'), args: ['.'], env: {} },
  { id: 'typecheck', title: 'typecheck', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'], env: {} },
  { id: 'typecheck-shared', title: 'typecheck shared/ (no Node, no DOM)', command: bin('tsc'), args: ['--noEmit', '-p', 'shared/tsconfig.json'], env: {} },
  { id: 'typecheck-renderer', title: 'typecheck renderer/ (no Node)', command: bin('tsc'), args: ['--noEmit', '-p', 'renderer/tsconfig.json'], env: {} },
  {
    id: 'unit',
    title: 'unit and engine tests (vitest)',
    command: bin('vitest'),
    args: ['run', '--config', 'test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`],
    env: {},
    report: { file: vitestReport, format: 'vitest' },
    waitsOnTime: true,
  },
  {
    id: 'e2e',
    title: 'browser end-to-end tests (Playwright, Chromium)',
    command: bin('playwright'),
    args: ['test', '--config', 'test/e2e/playwright.config.ts', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
    report: { file: playwrightReport, format: 'playwright' },
    waitsOnTime: true,
  },
  // A real control plane built from Kubernetes modules (the first run builds it: about 10 minutes).
  {
    id: 'real',
    title: 'real control plane tests (etcd, kube-apiserver, kwok, e2e.test)',
    command: bin('vitest'),
    args: ['run', '--config', 'test/real/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${realReport}`],
    env: {},
    report: { file: realReport, format: 'vitest' },
    waitsOnTime: true,
  },
];

/** Installs Chromium from the distribution when it is missing and this user may (CI runs as root). */
export async function ensureChromium() {
  if (existsSync(chromium)) return true;
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error(`The browser tests need Chromium at ${chromium}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set STUDIO_CHROMIUM.`);
    return false;
  }
  console.log('Installing Chromium from the distribution (apt-get install -y chromium)…');
  const update = await runStage({ id: 'apt-update', title: 'apt-get update', command: 'apt-get', args: ['update', '-qq'], env: {} }, { cwd: root });
  return update.ok && (await runStage({ id: 'apt-chromium', title: 'apt-get install chromium', command: 'apt-get', args: ['install', '-y', '-qq', 'chromium'], env: {} }, { cwd: root })).ok;
}

/** Sums the counts of every stage's report. */
export function counts(ran) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const stage of ran) {
    const { passed, failed, skipped } = readReport(stage.report);
    total.passed += passed;
    total.failed += failed;
    total.skipped += skipped;
  }
  return total;
}

async function main() {
  const startedAt = new Date();
  // Read before anything runs: the stages fill these caches.
  const cold = cacheState(root);
  mkdirSync(results, { recursive: true });
  const times = [];
  const timed = async (id, title, work) => {
    const started = performance.now();
    const ok = await work();
    times.push({ id, title, ok, seconds: (performance.now() - started) / 1000 });
    return ok;
  };
  await timed('install', 'install npm packages (when missing or stale)', async () => (ensureDeps(), true));
  if (!(await timed('chromium', 'Chromium for the browser tests', ensureChromium))) process.exit(1);
  for (const stage of stages) times.push(await runStage(stage, { cwd: root }));

  const total = printTimes(times, cold);
  writeFileSync(path.join(results, 'stage-times.json'), `${JSON.stringify({ startedAt: startedAt.toISOString(), totalSeconds: total, cold, stages: times }, null, 2)}\n`);
  const { passed, failed, skipped } = counts(stages);
  const stagesFailed = times.filter((t) => !t.ok).length;
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (stagesFailed > 0 || failed > 0 || passed === 0) {
    console.error(`${stagesFailed} of ${times.length} test stages failed.`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
