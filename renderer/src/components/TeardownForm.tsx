import { keepClusterDraft } from '../drafts/setting-drafts.js';
import { useSettingsDraft } from '../drafts/use-settings-draft.js';

/** Keep the kind cluster for the next run, or delete it; saved at once. */
export function TeardownForm({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const draft = useSettingsDraft(keepClusterDraft);
  if (!draft) return null;
  const keep = draft.value;
  return (
    <fieldset className="panel form" disabled={disabled}>
      <legend>The kind cluster</legend>
      <label className="checkbox">
        <input type="radio" name="teardown" checked={keep} onChange={() => void draft.save(true)} />
        Keep it (the next run reuses it when the image is the same)
      </label>
      <label className="checkbox">
        <input type="radio" name="teardown" checked={!keep} onChange={() => void draft.save(false)} />
        Delete it (<code>kind delete cluster</code>) and its kubeconfig
      </label>
      {draft.refused && (
        <p className="field-error" role="alert">
          {draft.refused}
        </p>
      )}
    </fieldset>
  );
}
