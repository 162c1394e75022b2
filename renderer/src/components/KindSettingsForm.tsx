import { useState } from 'react';
import { kindBaseProblem, kindVersionProblem } from '../../../shared/kind/kind-release.js';
import { useStudio } from '../store/studio-store.js';

/** The Native kind step's choices: which release, from where, and whether to build when the download fails. */
export function KindSettingsForm({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const settings = useStudio((state) => state.settings);
  const updateSettings = useStudio((state) => state.updateSettings);
  const [version, setVersion] = useState(settings?.kindVersion ?? '');
  const [base, setBase] = useState(settings?.kindDownloadBase ?? '');
  const [fallback, setFallback] = useState(settings?.kindBuildFallback ?? true);
  const [saveError, setSaveError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  if (!settings) return null;
  const versionError = kindVersionProblem(version.trim());
  const baseError = kindBaseProblem(base.trim());
  const dirty = version !== settings.kindVersion || base !== settings.kindDownloadBase || fallback !== settings.kindBuildFallback;

  const save = async (): Promise<void> => {
    setSaved(false);
    setSaveError(await updateSettings({ kindVersion: version.trim(), kindDownloadBase: base.trim(), kindBuildFallback: fallback }));
    setSaved(true);
  };

  return (
    <form
      className="panel form"
      aria-label="kind release"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>Release</h3>
      <label>
        Version
        <input value={version} onChange={(e) => setVersion(e.target.value)} disabled={disabled} aria-invalid={Boolean(versionError)} aria-describedby="kind-version-error" />
      </label>
      {versionError && (
        <p id="kind-version-error" className="field-error" role="alert">
          {versionError}
        </p>
      )}
      <label>
        Download from
        <input value={base} onChange={(e) => setBase(e.target.value)} disabled={disabled} aria-invalid={Boolean(baseError)} aria-describedby="kind-base-error" />
      </label>
      {baseError && (
        <p id="kind-base-error" className="field-error" role="alert">
          {baseError}
        </p>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={fallback} onChange={(e) => setFallback(e.target.checked)} disabled={disabled} />
        If the download fails, build kind with <code>go install</code>
      </label>
      <div className="form-actions">
        <button type="submit" disabled={disabled || !dirty || Boolean(versionError) || Boolean(baseError)}>
          Save
        </button>
        {saveError && (
          <span className="field-error" role="alert">
            {saveError}
          </span>
        )}
        {saved && !saveError && !dirty && <span className="muted small">saved</span>}
      </div>
    </form>
  );
}
