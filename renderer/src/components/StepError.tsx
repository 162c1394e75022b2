import type { ErrorInfo } from '../../../shared/errors/error-info.js';
import { formatArgv } from '../../../shared/commands/format-argv.js';

/** Why a step failed, in its own words, with the command and the last lines it printed. */
export function StepError({ error }: { error: ErrorInfo }): React.JSX.Element {
  return (
    <section className="panel error-panel" role="alert" data-testid="step-error">
      <h3>{error.kind === 'bug' ? 'Internal error' : 'Failed'}</h3>
      <p>{error.message}</p>
      {error.command && (
        <p className="detail">
          Command: <code>{formatArgv(error.command)}</code>
          {error.exitCode !== undefined && <> — exit code {error.exitCode}</>}
        </p>
      )}
      {error.stderrTail && <pre className="stderr-tail">{error.stderrTail}</pre>}
    </section>
  );
}
