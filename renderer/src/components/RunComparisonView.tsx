import { useEffect, useState } from 'react';
import type { RequestOutput } from '../../../shared/ipc/contract.js';
import { errorMessage } from '../api/studio-error.js';
import { useStudio } from '../store/studio-store.js';

type Answer = RequestOutput<'runs:compare'>;

const groups: Array<{ key: keyof Answer['comparison']; title: string; className: string }> = [
  { key: 'newlyFailing', title: 'Newly failing', className: 'bad' },
  { key: 'newlyPassing', title: 'Newly passing', className: 'ok' },
  { key: 'stillFailing', title: 'Still failing', className: 'warn' },
  { key: 'stillPassing', title: 'Still passing', className: 'ok' },
  { key: 'onlyInBefore', title: 'Ran only in the earlier run', className: 'muted' },
  { key: 'onlyInAfter', title: 'Ran only in the later run', className: 'muted' },
];

/** Two runs side by side, spec by spec: what broke, what got fixed, what still fails. */
export function RunComparisonView({ before, after }: { before: string; after: string }): React.JSX.Element {
  const api = useStudio((state) => state.api);
  const [answer, setAnswer] = useState<Answer | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    if (!api) return;
    api.request('runs:compare', { before, after }).then(setAnswer, (error: unknown) => setProblem(errorMessage(error)));
  }, [api, before, after]);
  if (problem) return <p className="warning" role="alert">{problem}</p>;
  if (!answer) return <p className="muted">Comparing…</p>;
  const label = (run: Answer['before']): string => `${new Date(run.startedAt).toLocaleString()} (${run.outcome}, ${run.counts.passed}/${run.counts.ran} passed${run.commit ? `, ${run.commit.slice(0, 8)}` : ''})`;
  return (
    <section className="panel comparison" data-testid="comparison" aria-label="Comparison">
      <h3>Comparison</h3>
      <p>
        Earlier: {label(answer.before)}
        <br />
        Later: {label(answer.after)}
      </p>
      {groups.map((group) => {
        const names = answer.comparison[group.key];
        return (
          <div key={group.key} data-testid={`compare-${group.key}`}>
            <h4 className={group.className}>
              {group.title} ({names.length})
            </h4>
            <ul className="spec-names">
              {names.map((name) => (
                <li key={name}>{name.replace(/^\[It\] /, '')}</li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
