import { kindBaseProblem, kindVersionProblem } from '../../../shared/kind/kind-release.js';
import { kindReleaseDraft } from '../drafts/setting-drafts.js';
import { useSettingsDraft } from '../drafts/use-settings-draft.js';
import { DraftNotice } from './DraftNotice.js';

/** The Native kind step's choices: which release, from where, and whether to build when the download fails. */
export function KindSettingsForm({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const draft = useSettingsDraft(kindReleaseDraft);
  if (!draft) return null;
  const release = draft.value;
  const versionError = kindVersionProblem(release.version.trim());
  const baseError = kindBaseProblem(release.base.trim());

  return (
    <form
      className="panel form"
      aria-label="kind release"
      onSubmit={(event) => {
        event.preventDefault();
        void draft.save();
      }}
    >
      <h3>Release</h3>
      <DraftNotice draft={draft} />
      <label>
        Version
        <input value={release.version} onChange={(e) => draft.edit({ ...release, version: e.target.value })} disabled={disabled} aria-invalid={Boolean(versionError)} aria-describedby="kind-version-error" />
      </label>
      {versionError && (
        <p id="kind-version-error" className="field-error" role="alert">
          {versionError}
        </p>
      )}
      <label>
        Download from
        <input value={release.base} onChange={(e) => draft.edit({ ...release, base: e.target.value })} disabled={disabled} aria-invalid={Boolean(baseError)} aria-describedby="kind-base-error" />
      </label>
      {baseError && (
        <p id="kind-base-error" className="field-error" role="alert">
          {baseError}
        </p>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={release.fallback} onChange={(e) => draft.edit({ ...release, fallback: e.target.checked })} disabled={disabled} />
        If the download fails, build kind with <code>go install</code>
      </label>
      <div className="form-actions">
        <button type="submit" disabled={disabled || !draft.dirty || Boolean(draft.problem) || draft.saving}>
          Save
        </button>
        {draft.dirty && (
          <button type="button" onClick={() => draft.revert()} disabled={disabled}>
            Put back
          </button>
        )}
        {draft.refused && (
          <span className="field-error" role="alert">
            {draft.refused}
          </span>
        )}
        {draft.justSaved && <span className="muted small">saved</span>}
      </div>
    </form>
  );
}
