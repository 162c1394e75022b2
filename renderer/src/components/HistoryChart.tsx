import { useRef } from 'react';
import type { TestRunSummary } from '../../../shared/e2e/test-run.js';
import { formatDuration } from '../../../shared/steps/step-duration.js';
import { ChartTooltip, useChartTooltip, chartMarkProps } from './ChartTooltip.js';
import { durationTicks, tickLabel } from './duration-axis.js';
import { useElementWidth } from './use-element-width.js';

const mostRuns = 40;
const axisWidth = 62;
const top = 34;
const plotHeight = 120;
const bottom = 34;

const tone = { passed: 'ok', failed: 'bad', error: 'bad', cancelled: 'warn' } as const;

function when(ms: number): [string, string] {
  const date = new Date(ms);
  return [date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' }), date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })];
}

/** A run in words: when, outcome, specs passed and failed, how long (the chart's tooltip and the column's accessible name). */
export function runWords(run: TestRunSummary): string[] {
  const counts = `${run.counts.passed.toLocaleString()} of ${run.counts.ran.toLocaleString()} passed${run.counts.failed > 0 ? `, ${run.counts.failed.toLocaleString()} failed` : ''}`;
  return [`Run of ${new Date(run.startedAt).toLocaleString()}`, `${run.outcome} · ${counts} · took ${formatDuration(run.durationSeconds * 1000)}`, `focus ${run.filters.focus || '(none)'}`];
}

/**
 * The history over time: one column per run, oldest on the left, as tall as the run took and coloured
 * by its outcome, with passed/ran written over it. Hover or focus says more; a click opens the run.
 * The table under the chart has the same numbers.
 */
export function HistoryChart({ runs, onOpen }: { runs: TestRunSummary[]; onOpen: (id: string) => void }): React.JSX.Element | null {
  const wrapper = useRef<HTMLDivElement>(null);
  const width = useElementWidth(wrapper);
  const { id, tooltip, show, hide } = useChartTooltip();
  if (runs.length === 0) return null;
  const shown = [...runs].sort((a, b) => a.startedAt - b.startedAt).slice(-mostRuns);
  const ticks = durationTicks(Math.max(...shown.map((r) => r.durationSeconds)), 4);
  const axisMax = ticks[ticks.length - 1]! || 1;
  const plot = width - axisWidth;
  const column = plot / shown.length;
  const barWidth = Math.max(3, Math.min(column * 0.7, 46));
  const labelEvery = Math.max(1, Math.ceil(86 / column));
  const y = (seconds: number): number => top + plotHeight - (seconds / axisMax) * plotHeight;
  const caption = `Duration and outcome of ${shown.length === runs.length ? `all ${runs.length}` : `the last ${shown.length} of ${runs.length}`} run${runs.length === 1 ? '' : 's'}, oldest on the left`;
  return (
    <figure className="run-chart history-chart" data-testid="history-chart">
      <figcaption className="muted small">
        {caption} · <span className="ok">■</span> passed <span className="bad">■</span> failed <span className="warn">■</span> cancelled · over each run: passed/ran and how long it took
      </figcaption>
      <div className="chart-wrap" ref={wrapper}>
        <svg width={width} height={top + plotHeight + bottom} role="group" aria-label={`${caption}. Each column is a run; press it to open the run.`}>
          {ticks.map((tick) => (
            <g key={tick} aria-hidden="true">
              <line className="chart-grid" x1={axisWidth - 4} x2={width} y1={y(tick)} y2={y(tick)} />
              <text className="chart-tick" x={axisWidth - 8} y={y(tick) + 4} textAnchor="end">
                {tickLabel(tick)}
              </text>
            </g>
          ))}
          {shown.map((run, index) => {
            const left = axisWidth + index * column;
            const middle = left + column / 2;
            const barTop = Math.min(y(run.durationSeconds), top + plotHeight - 2);
            const words = runWords(run);
            const [day, time] = when(run.startedAt);
            const open = (): void => show(words, middle, top + plotHeight + 4, run.id);
            return (
              <g
                key={run.id}
                className="chart-col"
                {...chartMarkProps({ owner: run.id, label: words.slice(0, 2).join(': '), tooltipId: id, tooltip, open, hide, activate: () => onOpen(run.id) })}
              >
                <path className="chart-hit" d={`M${left} ${top - 32}h${column}v${plotHeight + 32}h${-column}z`} />
                <rect className={`bar bar-${tone[run.outcome]}`} x={middle - barWidth / 2} y={barTop} width={barWidth} height={top + plotHeight - barTop} rx={2} />
                {column >= 64 && (
                  <text className="chart-value" x={middle} y={barTop - 18} textAnchor="middle">
                    <tspan x={middle} className={run.counts.failed > 0 ? 'chart-value-bad' : undefined}>
                      {run.counts.passed.toLocaleString()}/{run.counts.ran.toLocaleString()}
                    </tspan>
                    <tspan x={middle} dy={13}>
                      {formatDuration(run.durationSeconds * 1000)}
                    </tspan>
                  </text>
                )}
                {index % labelEvery === 0 && (
                  <text className="chart-tick" x={middle} y={top + plotHeight + 14} textAnchor="middle">
                    <tspan x={middle}>{day}</tspan>
                    <tspan x={middle} dy={13}>
                      {time}
                    </tspan>
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        <ChartTooltip id={id} tooltip={tooltip} width={width} />
      </div>
    </figure>
  );
}
