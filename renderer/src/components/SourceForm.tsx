import { useState } from 'react';
import { errorMessage } from '../api/studio-error.js';
import { useStudio } from '../store/studio-store.js';

/** The checkout folder: empty means the places kind looks; a picked folder must be a Kubernetes checkout. */
export function SourceForm({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const api = useStudio((state) => state.api);
  const settings = useStudio((state) => state.settings);
  const updateSettings = useStudio((state) => state.updateSettings);
  const [dir, setDir] = useState(settings?.sourceDir ?? '');
  const [problem, setProblem] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  if (!settings || !api) return null;

  const save = async (): Promise<void> => {
    setSaved(false);
    setProblem(undefined);
    let value = dir.trim();
    if (value) {
      try {
        const checked = await api.request('source:check', { dir: value });
        if (checked.problem) return setProblem(checked.problem);
        value = checked.dir;
      } catch (error) {
        return setProblem(errorMessage(error));
      }
    }
    const refused = await updateSettings({ sourceDir: value });
    if (refused) return setProblem(refused);
    setDir(value);
    setSaved(true);
  };

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
      <label>
        Folder (empty: $(go env GOPATH)/src/k8s.io/kubernetes and the other places kind looks)
        <input
          value={dir}
          placeholder="~/go/src/k8s.io/kubernetes"
          onChange={(e) => {
            setDir(e.target.value);
            setSaved(false);
            setProblem(undefined);
          }}
          disabled={disabled}
          aria-invalid={Boolean(problem)}
          aria-describedby="source-dir-error"
        />
      </label>
      {problem && (
        <p id="source-dir-error" className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={disabled || dir.trim() === settings.sourceDir}>
          Use this folder
        </button>
        {saved && <span className="muted small">saved</span>}
      </div>
    </form>
  );
}
