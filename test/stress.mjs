// `npm run test:stress`: runs the test stages that wait on time (processes, output, clusters) N
// times in a row while a CPU hog keeps every core busy, and says per run what passed, what failed
// and how long each stage took, then which tests failed in some runs but not others (flaky).
//
//   npm run test:stress -- [--runs 2] [--stages unit,e2e,real] [--hogs <cores>] [--only <stage>=<file>[,<file>…]]…
//
// --stages  which stages of test/run-all.mjs to run (default: those marked waitsOnTime)
// --only    run only these test files of a stage, e.g. --only real=test/real/kind-cluster-on-real-apiserver.test.ts
// --hogs    how many busy-loop processes to run beside the tests (default: one per core; 0 for none)
//
// The hogs are plain `node` processes at nice 0 spinning on the CPU; they are killed when the runs
// end, on Ctrl-C or SIGTERM, on failure, and they end by themselves if this process dies (their
// stdin pipe closes). Reports of run N are kept in test-results/stress/run-N/.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDeps, root } from '../electron/launch/ensure-deps.mjs';
import { ensureChromium, results, stages } from './run-all.mjs';
import { cacheState, printTimes, readReport, runStage } from './stage-runner.mjs';

const usage = 'usage: npm run test:stress -- [--runs N] [--stages id,id] [--hogs N] [--only <stage>=<file>[,<file>]]';
let options;
try {
  options = parseArgs({
    options: {
      runs: { type: 'string', default: '2' },
      stages: { type: 'string' },
      hogs: { type: 'string', default: String(os.availableParallelism()) },
      only: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
if (options.help) {
  console.log(usage);
  process.exit(0);
}

const fail = (message) => {
  console.error(`${message}\n${usage}`);
  process.exit(2);
};
const runs = Number(options.runs);
const hogCount = Number(options.hogs);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a whole number of at least 1, not "${options.runs}".`);
if (!Number.isInteger(hogCount) || hogCount < 0) fail(`--hogs must be a whole number, 0 or more, not "${options.hogs}".`);
const known = stages.map((s) => s.id).join(', ');
const chosen = options.stages ? options.stages.split(',').map((id) => id.trim()).filter(Boolean) : stages.filter((s) => s.waitsOnTime).map((s) => s.id);
for (const id of chosen) if (!stages.some((s) => s.id === id)) fail(`There is no stage "${id}" (stages: ${known}).`);
const only = new Map();
for (const entry of options.only) {
  const [id, files] = entry.split(/=(.*)/s);
  if (!id || !files) fail(`--only takes <stage>=<file>[,<file>], not "${entry}".`);
  if (!chosen.includes(id)) fail(`--only ${id}=…: stage "${id}" is not among the stages run (${chosen.join(', ')}).`);
  const list = files.split(',').filter(Boolean);
  for (const file of list) if (!existsSync(path.resolve(root, file))) fail(`--only ${id}=…: there is no file ${file}.`);
  only.set(id, list);
}
const selected = chosen.map((id) => stages.find((s) => s.id === id));

// The CPU hog: a spin in slices on the event loop, so it notices at once when its stdin (a pipe
// from this process) closes because this process is gone, however it died.
const hogSource = "process.stdin.on('end', () => process.exit(0)).resume(); const spin = () => { const end = Date.now() + 50; while (Date.now() < end); setImmediate(spin); }; spin();";
const hogs = [];
let current;
function startHogs() {
  for (let i = 0; i < hogCount; i += 1) {
    const hog = spawn(process.execPath, ['-e', hogSource], { stdio: ['pipe', 'ignore', 'inherit'] });
    try {
      if (os.getPriority(hog.pid) !== 0) os.setPriority(hog.pid, 0);
    } catch (error) {
      console.error(`hog ${hog.pid} could not get nice 0: ${error.message}`);
    }
    hogs.push(hog);
  }
  if (hogs.length) console.log(`CPU hogs running beside the tests: ${hogs.map((h) => `pid ${h.pid} (nice ${os.getPriority(h.pid)})`).join(', ')} on ${os.availableParallelism()} cores`);
}
function stopHogs() {
  for (const hog of hogs.splice(0)) {
    if (hog.exitCode === null && hog.signalCode === null) hog.kill('SIGKILL');
  }
}
process.on('exit', stopHogs);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the hogs and the running stage.`);
    stopHogs();
    current?.kill(signal);
    process.exit(code);
  });
}

ensureDeps();
if (selected.some((s) => s.id === 'e2e') && !(await ensureChromium())) process.exit(1);
const cold = cacheState(root);
const stressDir = path.join(results, 'stress');
rmSync(stressDir, { recursive: true, force: true });
mkdirSync(stressDir, { recursive: true });

const allRuns = [];
startHogs();
try {
  for (let run = 1; run <= runs; run += 1) {
    console.log(`\n##### stress run ${run} of ${runs}: ${selected.map((s) => (only.has(s.id) ? `${s.id} (${only.get(s.id).join(', ')})` : s.id)).join(', ')} #####`);
    const runDir = path.join(stressDir, `run-${run}`);
    mkdirSync(runDir, { recursive: true });
    const ran = [];
    for (const stage of selected) {
      const result = await runStage(stage, { cwd: root, extraArgs: only.get(stage.id) ?? [], onSpawn: (child) => (current = child) });
      current = undefined;
      const report = readReport(stage.report);
      if (stage.report && existsSync(stage.report.file)) copyFileSync(stage.report.file, path.join(runDir, path.basename(stage.report.file)));
      // A stage can fail with no failed test (a file that does not load, an error outside tests): name it.
      if (!result.ok && report.failedNames.length === 0) report.failedNames.push(`${stage.id}: the stage failed (${result.note ?? 'no report'}) with no failed test named`);
      ran.push({ ...result, ...report });
    }
    allRuns.push({ run, stages: ran });
    console.log(`\n----- stress run ${run} of ${runs} -----`);
    printTimes(ran, run === 1 ? cold : undefined);
    for (const stage of ran) {
      console.log(`${stage.id}: ${stage.passed} passed, ${stage.failed} failed, ${stage.skipped} skipped`);
      for (const name of stage.failedNames) console.log(`  FAILED ${name}`);
    }
  }
} finally {
  stopHogs();
}

// Across the runs: what failed every time, and what failed only sometimes (flaky).
const failures = new Map();
for (const { run, stages: ran } of allRuns) for (const stage of ran) for (const name of stage.failedNames) failures.set(name, [...(failures.get(name) ?? []), run]);
console.log(`\n===== stress summary: ${runs} run(s), ${hogs.length || hogCount} hog(s) on ${os.availableParallelism()} cores =====`);
for (const { run, stages: ran } of allRuns) {
  console.log(`run ${run}: ${ran.map((s) => `${s.id} ${s.ok ? 'ok' : 'FAILED'} ${s.seconds.toFixed(0)} s (${s.passed} passed, ${s.failed} failed)`).join('; ')}`);
}
if (failures.size === 0) console.log('No test failed in any run.');
for (const [name, inRuns] of failures) console.log(`${inRuns.length === runs ? 'failed every run' : `FLAKY: failed in run ${inRuns.join(', ')} of ${runs}`}: ${name}`);
writeFileSync(path.join(stressDir, 'summary.json'), `${JSON.stringify({ runs: allRuns, hogs: hogCount, cores: os.availableParallelism(), cold, failures: Object.fromEntries(failures) }, null, 2)}\n`);
const anyFailed = allRuns.some(({ stages: ran }) => ran.some((s) => !s.ok || s.failed > 0));
process.exit(anyFailed ? 1 : 0);
