import { useState } from 'react';
import { formatDuration } from '../../../shared/steps/step-duration.js';
import { useRuns } from '../store/runs-store.js';
import { HistoryChart } from './HistoryChart.js';

/** Every run kept: open one, rerun it, delete it, or tick two and compare them spec by spec. */
export function HistoryView(): React.JSX.Element {
  const runs = useRuns((state) => state.runs);
  const show = useRuns((state) => state.show);
  const rerun = useRuns((state) => state.rerun);
  const remove = useRuns((state) => state.remove);
  const [picked, setPicked] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<string | undefined>();
  const toggle = (id: string): void => setPicked((now) => (now.includes(id) ? now.filter((p) => p !== id) : [...now, id].slice(-2)));
  const compare = (): void => {
    const [first, second] = picked.map((id) => runs.find((r) => r.id === id)).filter((r) => r !== undefined).sort((a, b) => a.startedAt - b.startedAt);
    if (first && second) show({ kind: 'compare', before: first.id, after: second.id });
  };
  return (
    <section className="step-detail history" aria-labelledby="history-heading" data-testid="history">
      <header className="step-header">
        <div>
          <h2 id="history-heading">History</h2>
          <p className="summary">Every test run, newest first. Tick two to compare them spec by spec.</p>
        </div>
        <div className="step-actions">
          <button type="button" disabled={picked.length !== 2} onClick={compare}>
            Compare {picked.length}/2
          </button>
        </div>
      </header>
      {runs.length === 0 ? (
        <p className="muted">No test run yet.</p>
      ) : (
        <>
          <HistoryChart runs={runs} onOpen={(id) => show({ kind: 'run', id })} />
          <table className="tools runs-table">
            <thead>
              <tr>
                <th aria-label="Pick" />
                <th>Started</th>
                <th>Focus</th>
                <th>Outcome</th>
                <th>Specs</th>
                <th>Took</th>
                <th>Cluster</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} data-testid={`run-${run.id}`}>
                  <td>
                    <input type="checkbox" aria-label={`Pick the run of ${new Date(run.startedAt).toLocaleString()}`} checked={picked.includes(run.id)} onChange={() => toggle(run.id)} />
                  </td>
                  <td>{new Date(run.startedAt).toLocaleString()}</td>
                  <td>
                    <code>{run.filters.focus || '(none)'}</code>
                  </td>
                  <td className={`outcome outcome-${run.outcome}`}>{run.outcome}</td>
                  <td>
                    {run.counts.passed.toLocaleString()}/{run.counts.ran.toLocaleString()} passed{run.counts.failed > 0 && <span className="bad"> · {run.counts.failed.toLocaleString()} failed</span>}
                  </td>
                  <td>{formatDuration(run.durationSeconds * 1000)}</td>
                  <td>
                    {run.cluster.context} <span className="muted small">({run.mode}{run.commit ? `, ${run.commit.slice(0, 8)}` : ''})</span>
                  </td>
                  <td className="row-actions">
                    <button type="button" onClick={() => show({ kind: 'run', id: run.id })}>
                      Open
                    </button>
                    <button type="button" onClick={() => void rerun(run.id)}>
                      Rerun
                    </button>
                    {confirming === run.id ? (
                      <button type="button" className="danger" onClick={() => void remove(run.id).then(() => setConfirming(undefined))}>
                        Really delete
                      </button>
                    ) : (
                      <button type="button" onClick={() => setConfirming(run.id)}>
                        Delete
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
