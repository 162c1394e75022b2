import { useState } from 'react';
import { useDrafts } from '../drafts/drafts-store.js';
import { toolPathsDraft } from '../drafts/setting-drafts.js';
import { useSettingsDraft } from '../drafts/use-settings-draft.js';
import { DraftNotice } from './DraftNotice.js';

/** The toolchain, then binaries a contributor may have built elsewhere (the Build step's outputs otherwise). */
const tools = [
  { key: 'docker', label: 'docker' },
  { key: 'go', label: 'go' },
  { key: 'git', label: 'git' },
  { key: 'make', label: 'make' },
  { key: 'bash', label: 'bash' },
  { key: 'kubectl', label: 'kubectl' },
  { key: 'kind', label: 'kind' },
  { key: 'kube-scheduler', label: 'kube-scheduler (remote mode runs it instead of the built one)' },
  { key: 'e2e-test', label: 'e2e.test (the Test step runs it instead of the built one)' },
  { key: 'ginkgo', label: 'ginkgo (for parallel runs, instead of the built one)' },
] as const;

/** Explicit paths that win over PATH, one per tool; empty means "find it on PATH". */
export function ToolPathsForm({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const draft = useSettingsDraft(toolPathsDraft);
  // Open by itself when an edit is waiting; then it stays as the user leaves it.
  const [open, setOpen] = useState(() => Boolean(useDrafts.getState().drafts[toolPathsDraft.key]));
  if (!draft) return null;
  const paths = draft.value;
  const dirty = tools.some(({ key }) => (paths[key] ?? '').trim() !== (draft.saved[key] ?? ''));

  return (
    <details className="panel" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Tool paths (optional: override what PATH finds)</summary>
      <form
        className="form tool-paths"
        aria-label="Tool paths"
        onSubmit={(event) => {
          event.preventDefault();
          void draft.save();
        }}
      >
        <DraftNotice draft={draft} />
        {tools.map(({ key, label }) => (
          <label key={key}>
            {label}
            <input value={paths[key] ?? ''} placeholder={key.includes('-') || key === 'ginkgo' ? 'the Build step’s output' : 'found on PATH'} disabled={disabled} onChange={(e) => draft.edit({ ...paths, [key]: e.target.value })} aria-invalid={Boolean(draft.refused?.includes(` ${key} `))} />
          </label>
        ))}
        {draft.refused && (
          <p className="field-error" role="alert">
            {draft.refused}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" disabled={disabled || !dirty || draft.saving}>
            Save paths
          </button>
          {draft.dirty && (
            <button type="button" onClick={() => draft.revert()} disabled={disabled}>
              Put back
            </button>
          )}
          {draft.justSaved && <span className="muted small">saved; run the step again to use them</span>}
        </div>
      </form>
    </details>
  );
}
