// `npm test`: installs what the tests need, then runs every check and test, and ends with one
// summary line. Plain Node with no dependencies, so it runs on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDeps, root } from '../electron/launch/ensure-deps.mjs';

const chromium = process.env.STUDIO_CHROMIUM ?? '/usr/bin/chromium';
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });

function run(title, file, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(file, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function ensureChromium() {
  if (existsSync(chromium)) return;
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error(`The browser tests need Chromium at ${chromium}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set STUDIO_CHROMIUM.`);
    process.exit(1);
  }
  console.log('Installing Chromium from the distribution (apt-get install -y chromium)…');
  if (!run('apt-get update', 'apt-get', ['update', '-qq']) || !run('apt-get install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium'])) process.exit(1);
}

ensureDeps();
ensureChromium();
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const vitestReport = path.join(results, 'vitest.json');
const playwrightReport = path.join(results, 'playwright.json');
const realReport = path.join(results, 'vitest-real.json');
const steps = [
  run('lint (layering, no shell strings)', bin('eslint'), ['.']),
  run('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']),
  run('unit and engine tests (vitest)', bin('vitest'), ['run', '--config', 'test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`]),
  run('browser end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test', '--config', 'test/e2e/playwright.config.ts', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport }),
  // A real control plane built from Kubernetes modules (the first run builds it: about 7 minutes).
  run('real control plane tests (etcd, kube-apiserver, kwok, e2e.test)', bin('vitest'), ['run', '--config', 'test/real/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${realReport}`]),
];

function counts() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of [vitestReport, realReport]) {
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  if (existsSync(playwrightReport)) {
    const stats = JSON.parse(readFileSync(playwrightReport, 'utf8')).stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
    skipped += stats.skipped ?? 0;
  }
  return { passed, failed, skipped };
}

const { passed, failed, skipped } = counts();
const checksFailed = steps.filter((ok) => !ok).length;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
if (checksFailed > 0 || failed > 0 || passed === 0) {
  console.error(`${checksFailed} of ${steps.length} test stages failed.`);
  process.exit(1);
}
