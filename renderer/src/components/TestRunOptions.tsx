import { useState } from 'react';
import { e2eFiltersDraft } from '../drafts/setting-drafts.js';
import { useSettingsDraft } from '../drafts/use-settings-draft.js';
import { useTypingProblem } from '../drafts/use-typing-problem.js';

const numberFields = [
  { id: 'nodes', label: 'Parallel nodes (ginkgo --nodes)', min: 1, max: 32 },
  { id: 'flakeAttempts', label: 'Flake attempts', min: 0, max: 5 },
  { id: 'timeoutMinutes', label: 'Timeout (minutes)', min: 1, max: 1440 },
] as const;

type NumberField = (typeof numberFields)[number];

function NumberOption({ field, value, disabled, onValue }: { field: NumberField; value: number; disabled: boolean; onValue(value: number): void }): React.JSX.Element {
  // What is typed stays on screen even while it is not a number in range; only a valid one is used.
  const [typed, setTyped] = useState<string | undefined>();
  const text = typed ?? String(value);
  const parsed = Number(text);
  const wrong = !/^\d+$/.test(text.trim()) || parsed < field.min || parsed > field.max;
  const name = field.label.replace(/ \(.*\)$/, '');
  const problem = wrong ? `must be a whole number from ${field.min} to ${field.max}` : undefined;
  useTypingProblem(`e2eFilters.${field.id}`, 'test', name, problem);
  return (
    <label>
      {field.label}
      <input
        type="number"
        min={field.min}
        max={field.max}
        value={text}
        disabled={disabled}
        aria-invalid={wrong}
        onChange={(e) => {
          const next = e.target.value;
          const number = Number(next);
          if (/^\d+$/.test(next.trim()) && number >= field.min && number <= field.max) {
            setTyped(undefined);
            onValue(number);
          } else setTyped(next);
        }}
      />
      {wrong && (
        <span className="field-error" role="alert">
          {name} {problem}.
        </span>
      )}
    </label>
  );
}

/** How the specs run: fail-fast, parallel nodes, flake attempts and the suite timeout. Part of the filters' draft. */
export function TestRunOptions({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const draft = useSettingsDraft(e2eFiltersDraft);
  if (!draft) return null;
  const values = draft.value;
  return (
    <fieldset className="panel form run-options" disabled={disabled}>
      <legend>How to run</legend>
      <label className="checkbox">
        <input type="checkbox" checked={values.failFast} onChange={(e) => draft.edit({ ...values, failFast: e.target.checked })} />
        Stop at the first failure (fail-fast)
      </label>
      {numberFields.map((field) => (
        <NumberOption key={field.id} field={field} value={values[field.id]} disabled={disabled} onValue={(number) => draft.edit({ ...values, [field.id]: number })} />
      ))}
    </fieldset>
  );
}
