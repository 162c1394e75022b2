import { useEffect, useRef, useState } from 'react';
import { formatDuration } from '../../../shared/steps/step-duration.js';
import type { StepInfo } from '../../../shared/steps/step-info.js';
import { useStudio } from '../store/studio-store.js';
import { ChartTooltip, useChartTooltip, chartMarkProps } from './ChartTooltip.js';
import { timelinePieces, timelineScale, timeRunning } from './timeline-layout.js';
import { useElementWidth } from './use-element-width.js';

/** A pause longer than this between steps is drawn short, with its length in the tooltip. */
const idleShown = 30_000;
const gapWidth = 26;
const laneTop = 4;
const laneHeight = 24;

interface Span {
  step: StepInfo;
  number: number;
  start: number;
  end: number;
}


const tone = (step: StepInfo): string =>
  step.state === 'running' ? 'running' : step.outcome === 'success' ? 'ok' : step.outcome === 'cancelled' ? 'warn' : step.outcome === 'skipped' ? 'other' : 'bad';

const clock = (ms: number): string => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * The wizard's steps over time, on one lane: each step that ran is a segment as long as it took,
 * coloured by its outcome, numbered and named where it fits; long pauses between steps are drawn
 * short (hatched) so a morning's build and an afternoon's test both stay readable. Hover or focus
 * says which step, when and how long; a click opens the step.
 */
export function StepTimeline(): React.JSX.Element | null {
  const steps = useStudio((state) => state.steps);
  const selectStep = useStudio((state) => state.selectStep);
  const wrapper = useRef<HTMLDivElement>(null);
  const width = useElementWidth(wrapper);
  const { id, tooltip, show, hide } = useChartTooltip();
  const running = steps.some((s) => s.state === 'running');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const spans: Span[] = steps
    .map((step, index) => ({ step, number: index + 1, start: step.startedAt ?? NaN, end: step.endedAt ?? (step.state === 'running' ? now : NaN) }))
    .filter((span) => Number.isFinite(span.start) && Number.isFinite(span.end))
    .sort((a, b) => a.start - b.start);
  if (spans.length === 0) return null;
  const pieces = timelinePieces(spans, idleShown);
  const gaps = pieces.filter((p) => p.kind === 'idle').length;
  const x = timelineScale(pieces, width - 4, gapWidth);
  const ran = timeRunning(spans);
  const first = spans[0]!.start;
  const last = Math.max(...spans.map((s) => s.end));
  const caption = `Steps over time: ${spans.length} step${spans.length === 1 ? '' : 's'} ran for ${formatDuration(ran)} between ${clock(first)} and ${clock(last)}`;
  return (
    <figure className="step-timeline" data-testid="step-timeline">
      <figcaption className="muted small">
        {caption}
        {gaps > 0 && ' · pauses over 30 s are drawn short (hatched)'}
      </figcaption>
      <div className="chart-wrap" ref={wrapper}>
        <svg width={width} height={laneTop + laneHeight + 16} role="group" aria-label={`${caption}. Each segment is a step; press it to open the step.`}>
          <defs>
            <pattern id="timeline-gap-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="6" stroke="#3a4758" strokeWidth="2" />
            </pattern>
          </defs>
          {pieces.map((piece) =>
            piece.kind === 'idle' ? (
              <g key={`idle-${piece.start}`} onMouseEnter={() => show([`Nothing ran for ${formatDuration(piece.end - piece.start)}`, `${clock(piece.start)} – ${clock(piece.end)}`], x(piece.start) + gapWidth / 2, laneTop + laneHeight + 2)} onMouseLeave={hide}>
                <path className="timeline-gap" d={`M${x(piece.start)} ${laneTop}h${gapWidth}v${laneHeight}h${-gapWidth}z`} />
              </g>
            ) : (
              <text key={`at-${piece.start}`} className="chart-tick" x={x(piece.start)} y={laneTop + laneHeight + 13} aria-hidden="true">
                {clock(piece.start)}
              </text>
            ),
          )}
          {spans.map((span) => {
            const left = x(span.start);
            const segment = Math.max(2, x(span.end) - left);
            const took = formatDuration(span.end - span.start);
            const status = span.step.state === 'running' ? 'running' : (span.step.outcome ?? 'failure');
            const lines = [`${span.number}. ${span.step.title}`, `${status} · ${took}`, `${clock(span.start)} – ${span.step.state === 'running' ? 'now' : clock(span.end)}`];
            const words = [`${span.number}. ${span.step.title} ${took}`, `${span.number}. ${span.step.title}`, `${span.number}`].find((w) => w.length * 6.6 + 8 <= segment);
            const open = (): void => show(lines, left + segment / 2, laneTop + laneHeight + 2, span.step.id);
            return (
              <g
                key={span.step.id}
                className="chart-row"
                {...chartMarkProps({ owner: span.step.id, label: `${span.step.title}: ${status}, ${took}`, tooltipId: id, tooltip, open, hide, activate: () => selectStep(span.step.id) })}
              >
                <rect className={`bar bar-${tone(span.step)}`} x={left} y={laneTop} width={segment} height={laneHeight} rx={3} />
                {words && (
                  <text className="timeline-label" x={left + 5} y={laneTop + 16}>
                    {words}
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
