import { useEffect, useMemo, useState } from 'react';
import { filterProblems, type FilterProblem } from '../../../shared/e2e/e2e-filters.js';
import type { Preview } from '../../../shared/e2e/parse-ginkgo-json.js';
import { errorMessage } from '../api/studio-error.js';
import { useStudio } from '../store/studio-store.js';

const fields = [
  { id: 'focus', label: 'Focus (Go regular expression)', placeholder: '\\[sig-scheduling\\] SchedulerPredicates' },
  { id: 'skip', label: 'Skip (Go regular expression)', placeholder: '\\[Serial\\]|\\[Slow\\]' },
  { id: 'labelFilter', label: 'Label filter', placeholder: 'Conformance && !Slow' },
] as const;

function ProblemAt({ value, problem }: { value: string; problem: FilterProblem }): React.JSX.Element {
  return (
    <p className="field-error" role="alert">
      {problem.message} (at position {problem.position + 1})
      <code className="caret">
        {value}
        {'\n'}
        {' '.repeat(problem.position)}^
      </code>
    </p>
  );
}

/** Focus, skip and label filter, checked as Go will read them while typed, and a preview of what they match. */
export function TestFiltersForm(): React.JSX.Element | null {
  const api = useStudio((state) => state.api);
  const saved = useStudio((state) => state.settings?.e2eFilters);
  const updateSettings = useStudio((state) => state.updateSettings);
  const [values, setValues] = useState({ focus: saved?.focus ?? '', skip: saved?.skip ?? '', labelFilter: saved?.labelFilter ?? '' });
  const [preview, setPreview] = useState<Preview | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const problems = useMemo(() => filterProblems(values), [values]);
  const unsaved = saved !== undefined && (saved.focus !== values.focus || saved.skip !== values.skip || saved.labelFilter !== values.labelFilter);
  const save = (): void => {
    if (saved && unsaved && problems.length === 0) void updateSettings({ e2eFilters: { ...saved, ...values } });
  };
  // Valid filters are saved as they are typed, so Run and a later rerun use exactly what is on screen.
  useEffect(() => {
    const timer = setTimeout(save, 300);
    return () => clearTimeout(timer);
    // Only a change of what is typed (or of what is saved) starts the timer again, not every render.
  }, [values, saved]);
  if (!api || !saved) return null;

  const runPreview = async (): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    setPreview(undefined);
    try {
      await updateSettings({ e2eFilters: { ...saved, ...values } });
      const answer = await api.request('tests:preview', values);
      if (answer.preview) setPreview(answer.preview);
      else setFailure(answer.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel form"
      aria-label="Which specs"
      onSubmit={(event) => {
        event.preventDefault();
        void runPreview();
      }}
    >
      <h3>Which specs</h3>
      {fields.map((field) => {
        const problem = problems.find((p) => p.field === field.id);
        return (
          <div key={field.id}>
            <label>
              {field.label}
              <input
                value={values[field.id]}
                placeholder={field.placeholder}
                spellCheck={false}
                aria-invalid={Boolean(problem)}
                onChange={(e) => {
                  setValues({ ...values, [field.id]: e.target.value });
                  setPreview(undefined);
                }}
                onBlur={save}
              />
            </label>
            {problem && <ProblemAt value={values[field.id]} problem={problem} />}
          </div>
        );
      })}
      <div className="form-actions">
        <button type="submit" disabled={busy || problems.length > 0}>
          {busy ? 'Listing…' : 'Preview'}
        </button>
      </div>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {preview && (
        <div data-testid="spec-preview">
          {preview.matched.length === 0 ? (
            <p className="warning">No spec matches these filters (of {preview.total.toLocaleString()}); there is nothing to run.</p>
          ) : (
            <>
              <p>
                <strong>{preview.matched.length.toLocaleString()}</strong> of {preview.total.toLocaleString()} specs match.
              </p>
              <ol className="spec-list">
                {preview.matched.slice(0, 300).map((spec) => (
                  <li key={`${spec.location}:${spec.name}`}>
                    {spec.name} <span className="muted small">{spec.location}</span>
                  </li>
                ))}
              </ol>
              {preview.matched.length > 300 && <p className="muted small">and {preview.matched.length - 300} more</p>}
            </>
          )}
        </div>
      )}
    </form>
  );
}
