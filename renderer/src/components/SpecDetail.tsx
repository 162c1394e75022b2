import { useState } from 'react';
import type { RunSpec } from '../../../shared/e2e/test-run.js';
import { formatDuration } from '../../../shared/steps/step-duration.js';
import { errorMessage } from '../api/studio-error.js';
import { useStudio } from '../store/studio-store.js';
import { DiagnosisView } from './DiagnosisView.js';

interface Excerpt {
  logPath: string;
  line?: number;
  lines: string[];
}

/** One spec of a run: state, duration, where it failed and why, and what it wrote in the log. */
export function SpecDetail({ runId, spec }: { runId: string; spec: RunSpec }): React.JSX.Element {
  const api = useStudio((state) => state.api);
  const [excerpt, setExcerpt] = useState<Excerpt | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const showLog = async (): Promise<void> => {
    if (!api) return;
    setProblem(undefined);
    try {
      setExcerpt(await api.request('runs:logExcerpt', { id: runId, spec: spec.name }));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <section className="panel spec-detail" data-testid="spec-detail" aria-label="Spec">
      <h3>Spec</h3>
      <p className="spec-name">{spec.name.replace(/^\[It\] /, '')}</p>
      <table className="facts">
        <tbody>
          <tr>
            <th>State</th>
            <td className={`state-${spec.state}`}>{spec.state}</td>
          </tr>
          <tr>
            <th>Duration</th>
            <td>
              {formatDuration(spec.durationSeconds * 1000)}
              {spec.durationSeconds >= 60 && <span className="muted"> ({spec.durationSeconds.toFixed(3)} s)</span>}
            </td>
          </tr>
          {spec.location && (
            <tr>
              <th>Failed at</th>
              <td>
                <code>{spec.location}</code>
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {(spec.failureDetail || spec.failureMessage) && <pre className="failure-message">{spec.failureDetail || spec.failureMessage}</pre>}
      {spec.diagnoses && spec.diagnoses.length > 0 && <DiagnosisView diagnoses={spec.diagnoses} />}
      {spec.state !== 'skipped' && (
        <button type="button" onClick={() => void showLog()}>
          Show in the log
        </button>
      )}
      {problem && (
        <p className="warning" role="alert">
          {problem}
        </p>
      )}
      {excerpt && (
        <div className="log-excerpt" data-testid="log-excerpt">
          {excerpt.line === undefined ? (
            <p className="muted small">This spec has no header in the log ({excerpt.logPath}); ginkgo prints one only in verbose runs.</p>
          ) : (
            <>
              <p className="muted small">
                From line {excerpt.line + 1} of <code>{excerpt.logPath}</code>
              </p>
              <pre>{excerpt.lines.join('\n')}</pre>
            </>
          )}
        </div>
      )}
    </section>
  );
}
