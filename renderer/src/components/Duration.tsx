import { useEffect, useState } from 'react';
import { formatDuration, stepDurationMs } from '../../../shared/steps/step-duration.js';
import type { StepInfo } from '../../../shared/steps/step-info.js';

/** A step's duration, ticking while it runs. */
export function Duration({ step }: { step: Pick<StepInfo, 'startedAt' | 'endedAt' | 'state'> }): React.JSX.Element | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (step.state !== 'running') return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [step.state]);
  const ms = stepDurationMs(step, step.state === 'running' ? now : (step.endedAt ?? now));
  return ms === undefined ? null : <span className="duration">{formatDuration(ms)}</span>;
}
