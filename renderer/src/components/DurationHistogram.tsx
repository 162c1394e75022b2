import { memo, useMemo, useRef } from 'react';
import type { RunSpec } from '../../../shared/e2e/test-run.js';
import { ChartTooltip, useChartTooltip } from './ChartTooltip.js';
import { specTone } from './RunChart.js';
import { useElementWidth } from './use-element-width.js';

const bins: Array<{ label: string; below: number }> = [
  { label: 'under 1 s', below: 1 },
  { label: '1–10 s', below: 10 },
  { label: '10 s–1 min', below: 60 },
  { label: '1–5 min', below: 300 },
  { label: '5–15 min', below: 900 },
  { label: '15 min or more', below: Infinity },
];
const tones = ['ok', 'bad', 'other'] as const;
const toneWords = { ok: 'passed', bad: 'failed', other: 'other' };
const plotTop = 18;
const plotHeight = 70;

/** Every spec that ran, counted by how long it took (a column per duration range, split by outcome), with the counts written on it. */
export const DurationHistogram = memo(function DurationHistogram({ specs }: { specs: RunSpec[] }): React.JSX.Element {
  const wrapper = useRef<HTMLDivElement>(null);
  const width = useElementWidth(wrapper);
  const { id, tooltip, show, hide } = useChartTooltip();
  const counts = useMemo(() => {
    const found = bins.map(() => ({ ok: 0, bad: 0, other: 0 }));
    for (const spec of specs) found[bins.findIndex((b) => spec.durationSeconds < b.below)]![specTone(spec.state)]++;
    return found;
  }, [specs]);
  const totals = counts.map((c) => c.ok + c.bad + c.other);
  const most = Math.max(...totals, 1);
  const column = width / bins.length;
  const words = bins.map((bin, i) => `${bin.label}: ${totals[i]!.toLocaleString()}`);
  return (
    <figure className="run-chart duration-histogram" data-testid="duration-histogram">
      <figcaption className="muted small">All {specs.length.toLocaleString()} specs that ran, by how long each took</figcaption>
      <div className="chart-wrap" ref={wrapper}>
        <svg width={width} height={plotTop + plotHeight + 20} role="img" aria-label={`Specs by duration: ${words.join('; ')}`}>
          {bins.map((bin, i) => {
            const total = totals[i]!;
            const barWidth = Math.min(column * 0.6, 90);
            const left = i * column + (column - barWidth) / 2;
            let bottom = plotTop + plotHeight;
            const parts = counts[i]!;
            const lines = [`${bin.label}: ${total.toLocaleString()} spec${total === 1 ? '' : 's'}`, tones.filter((t) => parts[t] > 0).map((t) => `${parts[t].toLocaleString()} ${toneWords[t]}`).join(', ') || 'none'];
            const top = plotTop + plotHeight - (total / most) * plotHeight;
            return (
              <g key={bin.label} onMouseEnter={() => show(lines, left + barWidth / 2, plotTop + plotHeight)} onMouseLeave={hide}>
                <path className="chart-hit" d={`M${i * column} 0h${column}v${plotTop + plotHeight + 20}h${-column}z`} />
                {tones.map((tone) => {
                  if (parts[tone] === 0) return null;
                  const h = Math.max(2, (parts[tone] / most) * plotHeight);
                  bottom -= h;
                  return <rect key={tone} className={`bar bar-${tone}`} x={left} y={bottom} width={barWidth} height={h} />;
                })}
                <text className="chart-value" x={left + barWidth / 2} y={Math.min(top, bottom) - 4} textAnchor="middle">
                  {total.toLocaleString()}
                </text>
                <text className="chart-tick" x={left + barWidth / 2} y={plotTop + plotHeight + 14} textAnchor="middle">
                  {bin.label}
                </text>
              </g>
            );
          })}
          <line className="chart-grid" x1={0} x2={width} y1={plotTop + plotHeight} y2={plotTop + plotHeight} />
        </svg>
        <ChartTooltip id={id} tooltip={tooltip} width={width} />
      </div>
    </figure>
  );
});
