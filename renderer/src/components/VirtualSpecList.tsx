import { useEffect, useRef, useState } from 'react';
import type { RunSpec } from '../../../shared/e2e/test-run.js';
import { formatDuration } from '../../../shared/steps/step-duration.js';
import { specLabel, specTone } from './RunChart.js';

/** Every row is this tall (CSS .spec-window li says the same), so the rows on screen follow from the scroll position alone. */
export const specRowHeight = 28;
const viewportHeight = 340;
const overscan = 8;

/**
 * A list of any length that keeps only the rows in view (and a few either side) in the page: 7,400
 * specs cost what 20 do. The list keeps its full height, so the scroll bar and the position read as
 * usual; rows carry their place (aria-posinset of aria-setsize). Arrow keys move the selection.
 */
export function VirtualSpecList({ specs, selected, onSelect }: { specs: RunSpec[]; selected?: string; onSelect: (name: string) => void }): React.JSX.Element {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // A new tab or search starts at the top.
  useEffect(() => {
    if (viewport.current) viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [specs]);
  const first = Math.max(0, Math.floor(scrollTop / specRowHeight) - overscan);
  const last = Math.min(specs.length, Math.ceil((scrollTop + viewportHeight) / specRowHeight) + overscan);
  const move = (by: number): void => {
    const at = specs.findIndex((s) => s.name === selected);
    const next = Math.min(specs.length - 1, Math.max(0, at < 0 ? 0 : at + by));
    const spec = specs[next];
    const element = viewport.current;
    if (!spec || !element) return;
    onSelect(spec.name);
    const top = next * specRowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + specRowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + specRowHeight - element.clientHeight;
  };
  return (
    <div
      className="spec-window"
      ref={viewport}
      style={{ maxHeight: viewportHeight }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          move(event.key === 'ArrowDown' ? 1 : -1);
        }
      }}
    >
      <ul className="spec-results" data-testid="spec-results" aria-label={`${specs.length.toLocaleString()} specs`} style={{ height: specs.length * specRowHeight }}>
        {specs.slice(first, last).map((s, offset) => (
          <li
            key={s.name}
            className={s.name === selected ? 'selected' : undefined}
            style={{ top: (first + offset) * specRowHeight }}
            aria-posinset={first + offset + 1}
            aria-setsize={specs.length}
          >
            <button type="button" className="spec-row" aria-current={s.name === selected ? 'true' : undefined} onClick={() => onSelect(s.name)}>
              <span className={`dot dot-${specTone(s.state)}`} aria-hidden="true" />
              <span className="spec-row-name">{specLabel(s.name)}</span>
              <span className="muted small">{s.state === 'skipped' ? 'skipped' : formatDuration(s.durationSeconds * 1000)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
