import { memo, useMemo, useRef } from 'react';
import type { RunSpec } from '../../../shared/e2e/test-run.js';
import { isFailing } from '../../../shared/e2e/test-run.js';
import { formatDuration } from '../../../shared/steps/step-duration.js';
import { ChartTooltip, useChartTooltip, chartMarkProps } from './ChartTooltip.js';
import { durationTicks, fitLabel, tickLabel } from './duration-axis.js';
import { useElementWidth } from './use-element-width.js';

/** How many of the slowest specs get a labelled bar; the rest are counted in the caption (and the histogram). */
export const slowestShown = 15;
const axisHeight = 22;
const rowHeight = 32;
const valueRoom = 84;

export function specLabel(name: string): string {
  return name.replace(/^\[It\] /, '');
}

export function specTone(state: string): 'ok' | 'bad' | 'other' {
  return isFailing(state) ? 'bad' : state === 'passed' ? 'ok' : 'other';
}

/**
 * Where the run's time went: the slowest specs as labelled horizontal bars on a duration axis, each
 * coloured by outcome, with its name, its duration and a tooltip; a click (or Enter) opens the spec.
 * One spec or 7,400 read the same: past the first 15 the caption says how much time the rest took,
 * and a spec opened from the list that is not among them gets a row of its own at the bottom.
 */
export const RunChart = memo(function RunChart({ specs, selected, onSelect }: { specs: RunSpec[]; selected?: string; onSelect: (name: string) => void }): React.JSX.Element | null {
  const wrapper = useRef<HTMLDivElement>(null);
  const width = useElementWidth(wrapper);
  const { id, tooltip, show, hide } = useChartTooltip();
  // Sorted once per run, not on every hover.
  const sorted = useMemo(() => [...specs].sort((a, b) => b.durationSeconds - a.durationSeconds), [specs]);
  if (sorted.length === 0) return null;
  const rows = sorted.slice(0, slowestShown);
  const extra = selected ? sorted.findIndex((s) => s.name === selected) : -1;
  if (extra >= slowestShown) rows.push(sorted[extra]!);
  const total = sorted.reduce((sum, s) => sum + s.durationSeconds, 0);
  const shownTotal = sorted.slice(0, slowestShown).reduce((sum, s) => sum + s.durationSeconds, 0);
  const ticks = durationTicks(sorted[0]!.durationSeconds);
  const axisMax = ticks[ticks.length - 1]! || 1;
  const plot = width - valueRoom;
  const x = (seconds: number): number => (seconds / axisMax) * plot;
  const height = axisHeight + rows.length * rowHeight + 4;
  const chars = Math.floor(width / 6.9);
  const failed = sorted.reduce((count, s) => count + (isFailing(s.state) ? 1 : 0), 0);
  const caption =
    sorted.length <= slowestShown
      ? `${sorted.length.toLocaleString()} spec${sorted.length === 1 ? '' : 's'} by duration, slowest first; together ${formatDuration(total * 1000)}`
      : `The ${slowestShown} slowest of ${sorted.length.toLocaleString()} specs that ran: ${formatDuration(shownTotal * 1000)} of the ${formatDuration(total * 1000)} all specs took together`;
  return (
    <figure className="run-chart" data-testid="run-chart">
      <figcaption className="muted small">
        {caption}
        {failed > 0 && `; ${failed.toLocaleString()} failed`}
        {' · '}
        <span className="ok">■</span> passed <span className="bad">■</span> failed <span className="muted">■</span> other
      </figcaption>
      <div className="chart-wrap" ref={wrapper}>
        <svg width={width} height={height} role="group" aria-label={`${caption}. Each bar is a spec; press it to open the spec.`}>
          {ticks.map((tick, index) => (
            <g key={tick} aria-hidden="true">
              <line className="chart-grid" x1={x(tick)} x2={x(tick)} y1={axisHeight - 4} y2={height} />
              <text className="chart-tick" x={x(tick)} y={12} textAnchor={index === 0 ? 'start' : index === ticks.length - 1 ? 'end' : 'middle'}>
                {tickLabel(tick)}
              </text>
            </g>
          ))}
          {rows.map((spec, index) => {
            const top = axisHeight + index * rowHeight;
            const end = Math.max(2, x(spec.durationSeconds));
            const name = specLabel(spec.name);
            const rank = index >= slowestShown ? extra + 1 : index + 1;
            const lines = [name, `${spec.state} · ${formatDuration(spec.durationSeconds * 1000)} · #${rank.toLocaleString()} slowest of ${sorted.length.toLocaleString()}`];
            const open = (): void => show(lines, Math.min(end, plot), top + rowHeight, spec.name);
            return (
              <g
                key={spec.name}
                className="chart-row"
                aria-pressed={spec.name === selected}
                {...chartMarkProps({ owner: spec.name, label: `${name}: ${spec.state}, ${formatDuration(spec.durationSeconds * 1000)}`, tooltipId: id, tooltip, open, hide, activate: () => onSelect(spec.name) })}
              >
                <path className="chart-hit" d={`M0 ${top}h${width}v${rowHeight}h${-width}z`} />
                {index === slowestShown && <line className="chart-separator" x1={0} x2={width} y1={top + 1} y2={top + 1} />}
                <text className="chart-label" x={0} y={top + 12}>
                  {index >= slowestShown ? `#${rank.toLocaleString()} ` : ''}
                  {fitLabel(name, chars)}
                </text>
                <rect className={`bar bar-${specTone(spec.state)}${spec.name === selected ? ' bar-selected' : ''}`} x={0} y={top + 16} width={end} height={11} rx={2} />
                <text className="chart-value" x={end + 6} y={top + 25}>
                  {formatDuration(spec.durationSeconds * 1000)}
                </text>
              </g>
            );
          })}
        </svg>
        <ChartTooltip id={id} tooltip={tooltip} width={width} />
      </div>
    </figure>
  );
});
