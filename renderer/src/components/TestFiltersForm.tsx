import { useMemo, useState } from 'react';
import { filterMaxLength, filterProblems, type FilterProblem } from '../../../shared/e2e/e2e-filters.js';
import type { Preview } from '../../../shared/e2e/parse-ginkgo-json.js';
import { errorMessage } from '../api/studio-error.js';
import { e2eFiltersDraft } from '../drafts/setting-drafts.js';
import { useSettingsDraft } from '../drafts/use-settings-draft.js';
import { useStudio } from '../store/studio-store.js';
import { DraftNotice } from './DraftNotice.js';

const fields = [
  { id: 'focus', label: 'Focus (Go regular expression)', placeholder: '\\[sig-scheduling\\] SchedulerPredicates' },
  { id: 'skip', label: 'Skip (Go regular expression)', placeholder: '\\[Serial\\]|\\[Slow\\]' },
  { id: 'labelFilter', label: 'Label filter', placeholder: 'Conformance && !Slow' },
] as const;

function ProblemAt({ value, problem }: { value: string; problem: FilterProblem }): React.JSX.Element {
  return (
    <p className="field-error" role="alert">
      {problem.message} (at position {problem.position + 1})
      {value.length <= filterMaxLength && (
        <code className="caret">
          {value}
          {'\n'}
          {' '.repeat(problem.position)}^
        </code>
      )}
    </p>
  );
}

const quoted = (text: string): string => (text ? `"${text.length > 80 ? `${text.slice(0, 80)}…` : text}"` : 'empty');

/**
 * Focus, skip and label filter, checked as Go will read them while typed, and a preview of what
 * they match. Preview and Run both use what the fields show; valid edits are saved as they are typed.
 */
export function TestFiltersForm(): React.JSX.Element | null {
  const api = useStudio((state) => state.api);
  const draft = useSettingsDraft(e2eFiltersDraft);
  const [preview, setPreview] = useState<Preview | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const values = draft?.value;
  const problems = useMemo(() => (values ? filterProblems(values) : []), [values]);
  if (!api || !draft || !values) return null;

  const runPreview = async (): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    setPreview(undefined);
    try {
      const answer = await api.request('tests:preview', { focus: values.focus, skip: values.skip, labelFilter: values.labelFilter });
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
      <DraftNotice draft={draft} describe={(saved) => `focus ${quoted(saved.focus)}, skip ${quoted(saved.skip)}, label filter ${quoted(saved.labelFilter)}`} />
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
                  draft.edit({ ...values, [field.id]: e.target.value });
                  setPreview(undefined);
                }}
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
        {draft.refused && (
          <span className="field-error" role="alert">
            Not saved: {draft.refused}
          </span>
        )}
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
