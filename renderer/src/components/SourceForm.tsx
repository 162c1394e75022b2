import { useState } from 'react';
import { errorMessage } from '../api/studio-error.js';
import { sourceDirDraft } from '../drafts/setting-drafts.js';
import { useSettingsDraft } from '../drafts/use-settings-draft.js';
import { useStudio } from '../store/studio-store.js';
import { DraftNotice } from './DraftNotice.js';

/**
 * The checkout folder: empty means the places kind looks; a picked folder must be a Kubernetes
 * checkout. Until it is checked and saved, the Source step does not run (on the old folder).
 */
export function SourceForm({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const api = useStudio((state) => state.api);
  const draft = useSettingsDraft(sourceDirDraft);
  const [problem, setProblem] = useState<string | undefined>();
  const [checking, setChecking] = useState(false);
  if (!draft || !api) return null;

  const save = async (): Promise<void> => {
    setProblem(undefined);
    let value = draft.value.trim();
    if (value) {
      setChecking(true);
      try {
        const checked = await api.request('source:check', { dir: value });
        if (checked.problem) return setProblem(checked.problem);
        value = checked.dir;
      } catch (error) {
        return setProblem(errorMessage(error));
      } finally {
        setChecking(false);
      }
    }
    await draft.save(value);
  };
  const shown = problem ?? draft.refused;

  return (
    <form
      className="panel form"
      aria-label="Kubernetes checkout"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>Checkout</h3>
      <DraftNotice draft={draft} describe={(saved) => (saved ? saved : 'empty (the places kind looks)')} />
      <label>
        Folder (empty: $(go env GOPATH)/src/k8s.io/kubernetes and the other places kind looks)
        <input
          value={draft.value}
          placeholder="~/go/src/k8s.io/kubernetes"
          onChange={(e) => {
            draft.edit(e.target.value);
            setProblem(undefined);
          }}
          disabled={disabled}
          aria-invalid={Boolean(shown)}
          aria-describedby="source-dir-error"
        />
      </label>
      {shown && (
        <p id="source-dir-error" className="field-error" role="alert">
          {shown}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={disabled || checking || !draft.dirty}>
          {checking ? 'Checking…' : 'Use this folder'}
        </button>
        {draft.dirty && (
          <button type="button" onClick={() => { setProblem(undefined); draft.revert(); }} disabled={disabled || checking}>
            Put back {draft.saved ? 'the saved folder' : 'the default'}
          </button>
        )}
        {draft.justSaved && <span className="muted small">saved</span>}
      </div>
    </form>
  );
}
