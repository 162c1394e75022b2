import { useCallback, useId, useState } from 'react';

export interface TooltipState {
  lines: string[];
  /** Which mark it is about (that mark alone points to it with aria-describedby). */
  owner?: string;
  x: number;
  y: number;
}

/**
 * A chart's tooltip: plain HTML over the chart, so it can be read (role tooltip) and can say more than
 * a title attribute. `show` takes the mark's position relative to the chart's wrapper; the mark names
 * the tooltip with aria-describedby while it is shown.
 */
export function useChartTooltip(): {
  id: string;
  tooltip: TooltipState | undefined;
  show: (lines: string[], x: number, y: number, owner?: string) => void;
  hide: () => void;
} {
  const id = useId();
  const [tooltip, setTooltip] = useState<TooltipState | undefined>();
  const show = useCallback((lines: string[], x: number, y: number, owner?: string) => setTooltip({ lines, x, y, owner }), []);
  const hide = useCallback(() => setTooltip(undefined), []);
  return { id, tooltip, show, hide };
}

/**
 * What makes a chart's mark behave like a button: focusable, opened by click, Enter or Space, its
 * tooltip shown on hover and focus, and named by it (aria-describedby) only while it is shown.
 */
export function chartMarkProps(mark: { owner: string; label: string; tooltipId: string; tooltip: TooltipState | undefined; open: () => void; hide: () => void; activate: () => void }): React.SVGProps<SVGGElement> {
  return {
    role: 'button',
    tabIndex: 0,
    'aria-label': mark.label,
    'aria-describedby': mark.tooltip?.owner === mark.owner ? mark.tooltipId : undefined,
    onClick: mark.activate,
    onKeyDown: (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        mark.activate();
      }
    },
    onMouseEnter: mark.open,
    onMouseLeave: mark.hide,
    onFocus: mark.open,
    onBlur: mark.hide,
  };
}

export function ChartTooltip({ id, tooltip, width }: { id: string; tooltip: TooltipState | undefined; width: number }): React.JSX.Element | null {
  if (!tooltip) return null;
  // Kept inside the chart: it opens to the left of the mark when the mark is in the right half.
  const left = tooltip.x > width / 2;
  return (
    <div
      id={id}
      role="tooltip"
      className="chart-tooltip"
      style={{ top: tooltip.y, ...(left ? { right: Math.max(0, width - tooltip.x) } : { left: tooltip.x }) }}
    >
      {tooltip.lines.map((line, index) => (
        <div key={index} className={index === 0 ? 'chart-tooltip-title' : undefined}>
          {line}
        </div>
      ))}
    </div>
  );
}
