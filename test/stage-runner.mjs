// The parts `npm test` (test/run-all.mjs) and `npm run test:stress` (test/stress.mjs) share: run
// one stage as a child process and time it, read its JSON report, tell which caches were warm,
// and print the table of stage times. Plain Node with no dependencies, so it runs on a fresh clone.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs `stage.command stage.args` (an argv, never a shell string) with the stage's env added, its
 * output on this terminal, and resolves with how it went and how long it took.
 */
export function runStage(stage, { cwd, extraArgs = [], onSpawn } = {}) {
  console.log(`\n=== ${stage.title} ===`);
  // A report left by an earlier run must not count for this one.
  if (stage.report) rmSync(stage.report.file, { force: true });
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(stage.command, [...stage.args, ...extraArgs], { cwd, stdio: 'inherit', env: { ...process.env, ...stage.env } });
    onSpawn?.(child);
    const done = (ok, note) => resolve({ id: stage.id, title: stage.title, ok, seconds: (performance.now() - started) / 1000, ...(note ? { note } : {}) });
    child.once('error', (error) => done(false, error.message));
    child.once('exit', (code, signal) => done(code === 0, code === 0 ? undefined : signal ? `killed by ${signal}` : `exit code ${code}`));
  });
}

/** Passed, failed and skipped counts, and the names of the failed tests, from a stage's JSON report. */
export function readReport(report) {
  const none = { passed: 0, failed: 0, skipped: 0, failedNames: [] };
  if (!report || !existsSync(report.file)) return none;
  const data = JSON.parse(readFileSync(report.file, 'utf8'));
  if (report.format === 'vitest') {
    const failedNames = (data.testResults ?? []).flatMap((file) =>
      (file.assertionResults ?? []).filter((test) => test.status === 'failed').map((test) => `${path.relative(process.cwd(), file.name)} › ${test.fullName}`),
    );
    // A file that failed to load has no test results but counts as failed.
    const brokenFiles = (data.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).map((file) => `${path.relative(process.cwd(), file.name)} (the file failed: ${String(file.message ?? '').split('\n')[0]})`);
    return { passed: data.numPassedTests ?? 0, failed: (data.numFailedTests ?? 0) + brokenFiles.length, skipped: (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0), failedNames: [...failedNames, ...brokenFiles] };
  }
  if (report.format === 'playwright') {
    const stats = data.stats ?? {};
    const failedNames = [];
    const flakyNames = [];
    const walk = (suite, trail) => {
      for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
      for (const spec of suite.specs ?? []) {
        const name = [...trail, spec.title].filter(Boolean).join(' › ');
        const outcomes = (spec.tests ?? []).map((test) => test.status);
        if (outcomes.includes('unexpected')) failedNames.push(name);
        else if (outcomes.includes('flaky')) flakyNames.push(`${name} (flaky: passed on retry)`);
      }
    };
    for (const suite of data.suites ?? []) walk(suite, [suite.title]);
    return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0, failedNames: [...failedNames, ...flakyNames] };
  }
  return none;
}

/** Where the tests keep what they build once (Kubernetes binaries, kind, Go tools): never in the repo. */
export function testCacheDir() {
  const xdg = process.env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'k8s-e2e-studio-test');
}

/**
 * Which caches were warm before the run. A cache counts as warm when it has a finished entry (not
 * an interrupted ".staging-" build). Read before any stage runs, since the stages fill them.
 */
export function cacheState(root) {
  const finished = (dir) => (existsSync(dir) ? readdirSync(dir).filter((name) => !name.includes('.staging-')) : []);
  const cache = testCacheDir();
  const entries = (name) => finished(path.join(cache, name)).flatMap((version) => {
    const inner = finished(path.join(cache, name, version));
    return inner.length > 0 ? [`${version} (${inner.length} ${inner.length === 1 ? 'entry' : 'entries'})`] : [];
  });
  const state = {};
  // The real control plane's Kubernetes binaries (the biggest cold cost), the Go toolchains tests
  // build with, the kind releases, the Go regexp oracle.
  for (const name of ['k8s', 'go-binaries', 'kind', 'go-regexp-oracle', 'docker-engine', 'kind-base']) {
    const found = entries(name);
    state[name] = { dir: path.join(cache, name), warm: found.length > 0, entries: found };
  }
  state['node_modules'] = { dir: path.join(root, 'node_modules'), warm: existsSync(path.join(root, 'node_modules', '.package-lock.json')) };
  const go = spawnSync('go', ['env', 'GOCACHE', 'GOMODCACHE'], { encoding: 'utf8' });
  if (go.status === 0) {
    const [gocache, gomodcache] = go.stdout.trim().split('\n');
    state['go build cache'] = { dir: gocache, warm: finished(gocache).length > 1 };
    state['go module cache'] = { dir: gomodcache, warm: finished(path.join(gomodcache, 'cache', 'download')).length > 0 };
  }
  return state;
}

/** The table printed at the end: each stage, its wall time, how it went; then the total and the caches. */
export function printTimes(results, cold) {
  const width = Math.max(5, ...results.map((r) => r.title.length));
  const line = (title, seconds, status) => `${title.padEnd(width)}  ${seconds.padStart(8)}  ${status}`;
  console.log('\nStage times');
  console.log(line('stage', 'seconds', 'result'));
  for (const r of results) console.log(line(r.title, r.seconds.toFixed(1), r.ok ? 'ok' : `failed${r.note ? ` (${r.note})` : ''}`));
  const total = results.reduce((sum, r) => sum + r.seconds, 0);
  console.log(line('total', total.toFixed(1), `${(total / 60).toFixed(1)} min`));
  if (cold) {
    const coldOnes = Object.entries(cold).filter(([, c]) => !c.warm).map(([name]) => name);
    console.log(coldOnes.length === 0 ? 'Caches: all warm before this run.' : `Caches cold before this run: ${coldOnes.join(', ')} (the first run builds them).`);
  }
  return total;
}
