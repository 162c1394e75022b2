import type { Diagnosis } from '../../../shared/diagnosis/diagnosis.js';
import { CopyButton } from './CopyButton.js';

/** Known failures found in a failed step's output, explained with their fix. */
export function DiagnosisView({ diagnoses }: { diagnoses: Diagnosis[] }): React.JSX.Element {
  return (
    <section className="panel diagnosis" data-testid="diagnoses">
      <h3>What went wrong</h3>
      {diagnoses.map((diagnosis) => (
        <div key={diagnosis.id} className="diagnosis-item">
          <strong>{diagnosis.title}</strong>
          <p>{diagnosis.explanation}</p>
          {diagnosis.fix && (
            <p className="fix">
              Fix: <code>{diagnosis.fix}</code> <CopyButton text={diagnosis.fix} label={`Copy the fix: ${diagnosis.title}`} />
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
