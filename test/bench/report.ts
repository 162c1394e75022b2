import type { CaptureBenchResult, CaptureSummary } from './capture-bench.js';
import { max, median } from './stats.js';
import type { StartupResult } from './startup-bench.js';
import type { StopLatencyResult } from './stop-latency-bench.js';
import { formatTable } from './table.js';

/** The parts that ran (BENCH_ONLY may leave some out). */
export interface BenchResults {
  capture?: CaptureBenchResult;
  /** One measurement per terminal renderer setting; the first is the app's default. */
  stop?: StopLatencyResult[];
  startup?: StartupResult;
}

/** The stop acknowledgement the UI should give even under a flood. */
export const stopTargetMs = 100;

/** Browser mode should show the wizard within this multiple of a bare page's time. */
export const startupTargetRatio = 1.5;

/** The engine's capture paths should read at least this fraction of the raw read of their kind. */
export const captureTargetRatio = 0.8;

const bytes = (n: number): string => n.toLocaleString('en-US');
const ms = (n: number): string => n.toFixed(1);
const ratio = (n: number): string => `${n.toFixed(2)}x`;

export function formatReport({ capture, stop, startup }: BenchResults): string[] {
  return [...(capture ? formatCapture(capture) : []), ...(stop ? formatStop(stop) : []), ...(startup ? formatStartup(startup) : [])];
}

function formatCapture(capture: CaptureBenchResult): string[] {
  const runs = capture.paths[0]?.runs.length ?? 0;
  const rawPty = capture.paths.find((p) => p.path === 'raw node-pty');
  // Each engine path against the raw read of the same kind: a pty against node-pty, a pipe against a pipe.
  const rawOfKind = (p: CaptureSummary): CaptureSummary | undefined => capture.paths.find((q) => q.path === (p.path.endsWith('pty') ? 'raw node-pty' : 'raw pipe'));
  const captureRows = capture.paths.map((p) => {
    const raw = rawOfKind(p);
    return [
      `${p.path} ${p.ours ? '[ours]' : p.path === 'raw node-pty' ? '[baseline]' : '[reference]'}`,
      bytes(p.expectedBytes),
      bytes(p.capturedBytes),
      bytes(p.lostBytes),
      `${p.intactRuns}/${p.runs.length}`,
      p.medianMiBps.toFixed(1),
      rawPty ? ratio(p.medianMiBps / rawPty.medianMiBps) : '-',
      p.ours && raw ? `${ratio(p.medianMiBps / raw.medianMiBps)} (target >= ${ratio(captureTargetRatio)}: ${p.medianMiBps / raw.medianMiBps >= captureTargetRatio ? 'met' : 'NOT met'})` : '',
    ];
  });
  const problems = capture.paths.flatMap((p) => p.problems.map((problem) => `  ${p.path}: ${problem}`));
  return [
    '',
    `1. Capture path: ${(capture.floodBytes / 1024 / 1024).toFixed(1)} MiB flood (printable ASCII, no newlines), ${runs} runs per path`,
    '   captured = smallest capture, lost = most lost in any run, intact = runs equal in size and sha256',
    ...indent(
      formatTable(
        ['path', 'expected B', 'captured B', 'lost B', 'intact', 'MiB/s (median)', 'vs raw node-pty', 'vs raw read of its kind'],
        captureRows,
        ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
      ),
    ),
    ...(problems.length > 0 ? ['   problems:', ...problems.map((p) => `   ${p}`)] : []),
  ];
}

function formatStop(stop: StopLatencyResult[]): string[] {
  const stopRows = stop.flatMap((result) => {
    const idle = result.idle.map((a) => a.ackMs);
    const flood = result.flood.map((a) => a.ackMs);
    const met = max(flood) <= stopTargetMs ? 'met' : median(flood) <= stopTargetMs ? 'median met, max NOT met' : 'NOT met';
    const renderer = `${result.terminalRenderer} (${result.renderedWith})`;
    return [
      [renderer, 'idle, sleep 60 [baseline]', ms(median(idle)), ms(max(idle)), ms(max(result.idle.map((a) => a.inputDelayMs))), ''],
      [renderer, 'flooding, pty [ours]', ms(median(flood)), ms(max(flood)), ms(max(result.flood.map((a) => a.inputDelayMs))), `<= ${stopTargetMs} ms: ${met}`],
      [renderer, 'flood / idle', ratio(median(flood) / median(idle)), ratio(max(flood) / max(idle)), '', ''],
    ];
  });
  const floodMiB = median(stop.flatMap((result) => result.floodLogBytes)) / 1024 / 1024;
  const stopRuns = stop[0]?.flood.length ?? 0;
  const runForMs = stop[0]?.runForMs ?? 0;
  return [
    '',
    `2. Stop acknowledgement: click on Stop -> UI shows "Stopping…" / "stopping" (${stopRuns} runs each, after ${runForMs} ms of running)`,
    ...indent(formatTable(['terminal renderer', 'step', 'median ms', 'max ms', 'click queued, max ms', 'target'], stopRows, ['left', 'left', 'right', 'right', 'right', 'left'])),
    '   click queued = time the click waited for the busy page before its handler ran (part of the figure)',
    `   each flood run put a median of ${floodMiB.toFixed(1)} MiB into its step log before it ended`,
  ];
}

function formatStartup(startup: StartupResult): string[] {
  const bare = median(startup.bareMs);
  const row = (label: string, values: number[], target?: string): string[] => [label, ms(median(values)), ms(max(values)), ratio(median(values) / bare), target ?? ''];
  const drawn = median(startup.later.map((start) => start.drawnMs)) / bare;
  const startupRows = [
    ['bare node:http page [baseline]', ms(bare), ms(max(startup.bareMs)), ratio(1), ''],
    row('browser mode, wizard drawn [ours]', startup.later.map((start) => start.drawnMs), `median <= ${ratio(startupTargetRatio)}: ${drawn <= startupTargetRatio ? 'met' : 'NOT met'}`),
    row('browser mode, wizard live', startup.later.map((start) => start.liveMs), "the engine's state on screen, every step clickable"),
    row('  first start, wizard drawn', startup.first.map((start) => start.drawnMs), 'once per install or update (no code cache)'),
    row('  first start, wizard live', startup.first.map((start) => start.liveMs)),
  ];

  return [
    '',
    `3. Start-up: spawn -> first frame painted with [data-testid="step-host"] (drawn) and with its engine state [data-testid="status-host"] (live), read in Chromium's page (${startup.later.length} runs each; "ours" is every start after the first, which finds the engine's code cache)`,
    ...indent(formatTable(['page', 'median ms', 'max ms', 'median / bare', 'target'], startupRows, ['left', 'right', 'right', 'right', 'left'])),
  ];
}

function indent(lines: string[]): string[] {
  return lines.map((line) => `   ${line}`);
}
