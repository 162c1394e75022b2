import type { ToolName } from '../../../shared/toolchain/tool-report.js';
import { toolPathsDraft } from '../drafts/setting-drafts.js';
import { useSettingsDraft } from '../drafts/use-settings-draft.js';
import { DraftNotice } from './DraftNotice.js';

const tools: ToolName[] = ['docker', 'go', 'git', 'make', 'bash', 'kubectl', 'kind'];

/** Explicit paths that win over PATH, one per tool; empty means "find it on PATH". */
export function ToolPathsForm({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const draft = useSettingsDraft(toolPathsDraft);
  if (!draft) return null;
  const paths = draft.value;
  const dirty = tools.some((tool) => (paths[tool] ?? '').trim() !== (draft.saved[tool] ?? ''));

  return (
    <details className="panel" open={draft.dirty || Boolean(draft.refused) || undefined}>
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
        {tools.map((tool) => (
          <label key={tool}>
            {tool}
            <input value={paths[tool] ?? ''} placeholder="found on PATH" disabled={disabled} onChange={(e) => draft.edit({ ...paths, [tool]: e.target.value })} aria-invalid={Boolean(draft.refused?.includes(` ${tool} `))} />
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
