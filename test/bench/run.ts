import type { Browser } from '@playwright/test';
import { type CaptureBenchResult, runCaptureBench } from './capture-bench.js';
import { launchChromium } from './chromium.js';
import { runJUnitBench } from './junit-bench.js';
import { printJUnitLibraryBench } from './junit-library-bench.js';
import { formatRealTreeBench, runRealTreeBench } from './real-tree-bench.js';
import { printRe2LibraryBench } from './re2-library-bench.js';
import { formatRerunBench, runRerunBench } from './rerun-bench.js';
import { formatReport } from './report.js';
import { runStartupBench, type StartupResult } from './startup-bench.js';
import { runStopLatencyBench, type StopLatencyResult } from './stop-latency-bench.js';

// `npm run bench`: every figure is measured in this run, next to a baseline measured in this run.
const floodBytes = 50 * 1024 * 1024;
const captureRepeats = 7;
const stopRepeats = 5;
const runForMs = 1_500;
/** The app's default first; then the DOM renderer, to tell the terminal's rendering cost apart. */
const rendererSettings = ['auto', 'dom'] as const;
const startupRepeats = 5;

const log = (line: string): void => console.log(line);

/**
 * BENCH_ONLY=capture,startup (any of capture, stop, startup, junit, re2, rerun, realtree) runs only
 * those parts; unset, every part runs. realtree builds a real-shaped Kubernetes v1.35.4 tree and its
 * binaries once (cold: the better part of an hour on 2 cores; cached under ~/.cache after).
 */
const parts = ['capture', 'stop', 'startup', 'junit', 're2', 'rerun', 'realtree'] as const;
type Part = (typeof parts)[number];
const selected = new Set<string>((process.env.BENCH_ONLY ?? parts.join(',')).split(',').map((part) => part.trim()).filter(Boolean));
const unknown = [...selected].filter((part) => !(parts as readonly string[]).includes(part));
if (unknown.length > 0) throw new Error(`BENCH_ONLY names no part ${unknown.join(', ')}; the parts are ${parts.join(', ')}.`);
const runs = (part: Part): boolean => selected.has(part);

async function main(): Promise<number> {
  const started = performance.now();
  let capture: CaptureBenchResult | undefined;
  if (runs('capture')) {
    log(`Capture path: ${captureRepeats} runs each of raw node-pty, raw pipe, engine pty, engine pipe…`);
    capture = await runCaptureBench(floodBytes, captureRepeats, log);
  }

  let browser: Browser | undefined;
  try {
    let stop: StopLatencyResult[] | undefined;
    let startup: StartupResult | undefined;
    if (runs('stop') || runs('startup')) browser = await launchChromium();
    if (browser && runs('stop')) {
      stop = [];
      for (const terminalRenderer of rendererSettings) {
        log(`Stop acknowledgement (terminal renderer setting "${terminalRenderer}"): ${stopRepeats} runs each of an idle and a flooding step in browser mode…`);
        stop.push(await runStopLatencyBench(browser, { repeats: stopRepeats, runForMs, terminalRenderer }, log));
      }
    }
    if (browser && runs('startup')) {
      log(`Start-up: ${startupRepeats} runs each of a bare page and browser mode…`);
      startup = await runStartupBench(browser, startupRepeats, log);
    }
    for (const line of formatReport({ capture, stop, startup })) log(line);
    if (runs('junit')) {
      const junit = runJUnitBench(7400, 7);
      log('');
      log(`4. JUnit results: ${junit.cases.toLocaleString()} cases, ${(junit.xmlBytes / 1024 ** 2).toFixed(1)} MiB of XML (median of 7 parses)`);
      log(`   our parseJUnit [ours]          ${junit.parseMs.toFixed(1).padStart(7)} ms`);
      log(`   JSON.parse of the same data    ${junit.jsonParseMs.toFixed(1).padStart(7)} ms  [baseline]`);
      log(`   ours / JSON.parse              ${(junit.parseMs / junit.jsonParseMs).toFixed(2).padStart(7)}x  (runs in the engine, off the UI thread)`);
      log('');
      printJUnitLibraryBench(log);
    }
    if (runs('re2')) {
      log('');
      await printRe2LibraryBench(log);
    }
  } finally {
    await browser?.close();
  }
  let makeCommands = 0;
  if (runs('rerun')) {
    log('');
    log('5. Rerun last focus with nothing to rebuild, mini tree (engine in-process; real control plane, stand-in kind)…');
    const rerun = await runRerunBench(5, log);
    makeCommands += rerun.makeCommands;
    for (const line of formatRerunBench(rerun)) log(line);
  }

  if (runs('realtree')) {
    log('');
    const realTree = await runRealTreeBench(3, log);
    for (const line of formatRealTreeBench(realTree)) log(line);
    log('');
    log(`7. Rerun last focus with nothing to rebuild, the real-shaped tree (engine in-process; real control plane, stand-in kind)…`);
    const rerun = await runRerunBench(3, log, { checkout: realTree.checkout });
    makeCommands += rerun.makeCommands;
    for (const line of formatRerunBench(rerun)) log(line);
  }

  const lossy = capture?.paths.filter((p) => p.ours && (p.lostBytes > 0 || p.intactRuns < p.runs.length)) ?? [];
  log('');
  log(`Finished in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  if (makeCommands > 0) {
    log(`FAILED: reruns with nothing changed ran ${makeCommands} make command(s).`);
    return 1;
  }
  if (lossy.length > 0) {
    log(`FAILED: the app's capture path did not keep every byte: ${lossy.map((p) => `${p.path} lost up to ${p.lostBytes} B, ${p.runs.length - p.intactRuns} run(s) not intact`).join('; ')}.`);
    return 1;
  }
  if (capture) log("The app's capture path kept every byte in every run.");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`The benchmark could not finish: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
