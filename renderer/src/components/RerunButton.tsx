import { useEffect } from 'react';
import { useRuns } from '../store/runs-store.js';

const onMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform || navigator.userAgent);
export const rerunShortcutLabel = onMac ? '⌘⇧↩' : 'Ctrl+Shift+Enter';

/** Ctrl+Shift+Enter (⌘⇧↩ on a Mac) reruns the last focus from anywhere in the app. */
export function useRerunShortcut(): void {
  const rerun = useRuns((state) => state.rerun);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Enter' || !event.shiftKey || !(onMac ? event.metaKey : event.ctrlKey)) return;
      event.preventDefault();
      void rerun();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rerun]);
}

/** Repeats the latest run (or `runId`): same mode, cluster and filters; only what changed is rebuilt. */
export function RerunButton({ runId, compact = false }: { runId?: string; compact?: boolean }): React.JSX.Element {
  const runs = useRuns((state) => state.runs);
  const rerunState = useRuns((state) => state.rerunState);
  const rerun = useRuns((state) => state.rerun);
  const target = runId ? runs.find((r) => r.id === runId) : runs[0];
  const busy = rerunState?.state === 'running';
  const focus = target ? target.filters.focus || '(no focus)' : undefined;
  return (
    <button
      type="button"
      className="primary rerun"
      disabled={!target || busy}
      title={target ? `Rerun ${focus} on ${target.cluster.context} (${rerunShortcutLabel})` : 'No run yet: run the Test step once'}
      onClick={() => void rerun(runId)}
    >
      {busy ? `Rerunning… (${rerunState.stepId ?? ''})` : compact ? 'Rerun' : 'Rerun last focus'}
      {!compact && !busy && <kbd>{rerunShortcutLabel}</kbd>}
    </button>
  );
}
