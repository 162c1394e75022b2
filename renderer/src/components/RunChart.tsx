import type { RunSpec } from '../../../shared/e2e/test-run.js';
import { isFailing } from '../../../shared/e2e/test-run.js';

const height = 120;

function seconds(value: number): string {
  return value >= 60 ? `${Math.floor(value / 60)}m ${Math.round(value % 60)}s` : `${value.toFixed(value < 10 ? 1 : 0)}s`;
}

/**
 * The run at a glance: one bar per spec that ran, slowest first, its height the spec's duration and
 * its colour the outcome. A click on a bar opens that spec.
 */
export function RunChart({ specs, selected, onSelect }: { specs: RunSpec[]; selected?: string; onSelect: (name: string) => void }): React.JSX.Element | null {
  if (specs.length === 0) return null;
  const bars = [...specs].sort((a, b) => b.durationSeconds - a.durationSeconds);
  const longest = Math.max(...bars.map((s) => s.durationSeconds), 0.001);
  const width = Math.max(bars.length * 6, 300);
  const barWidth = width / bars.length;
  const total = bars.reduce((sum, s) => sum + s.durationSeconds, 0);
  return (
    <figure className="run-chart" data-testid="run-chart">
      <figcaption className="muted small">
        {bars.length} spec{bars.length === 1 ? '' : 's'} by duration (slowest {seconds(longest)}, all together {seconds(total)}); <span className="ok">■</span> passed <span className="bad">■</span> failed
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={`Durations of ${bars.length} specs`}>
        {bars.map((spec, index) => {
          const h = Math.max(2, (spec.durationSeconds / longest) * (height - 4));
          const state = isFailing(spec.state) ? 'bad' : spec.state === 'passed' ? 'ok' : 'other';
          return (
            <rect
              key={spec.name}
              className={`bar bar-${state}${spec.name === selected ? ' bar-selected' : ''}`}
              x={index * barWidth + barWidth * 0.1}
              y={height - h}
              width={Math.max(1, barWidth * 0.8)}
              height={h}
              onClick={() => onSelect(spec.name)}
            >
              <title>{`${spec.name.replace(/^\[It\] /, '')}\n${spec.state}, ${seconds(spec.durationSeconds)}`}</title>
            </rect>
          );
        })}
      </svg>
    </figure>
  );
}
