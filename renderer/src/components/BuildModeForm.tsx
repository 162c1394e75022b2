import { modeDraft } from '../drafts/setting-drafts.js';
import { useSettingsDraft } from '../drafts/use-settings-draft.js';

const modes = [
  { id: 'kind', label: 'kind mode', detail: 'a node image from your source (a Docker build, many minutes the first time) and the test binaries' },
  { id: 'remote', label: 'remote mode', detail: 'your kube-scheduler and the test binaries, no image (minutes the first time; a scheduler change usually rebuilds e2e.test too, which imports pkg/scheduler)' },
] as const;

/** Which mode the Build step builds for; saved at once (the choice shows while it is saved). */
export function BuildModeForm({ disabled, legend = 'Build for' }: { disabled: boolean; legend?: string }): React.JSX.Element | null {
  const draft = useSettingsDraft(modeDraft);
  if (!draft) return null;
  return (
    <fieldset className="panel form" disabled={disabled}>
      <legend>{legend}</legend>
      {modes.map((option) => (
        <label key={option.id} className="checkbox">
          <input type="radio" name="mode" value={option.id} checked={draft.value === option.id} onChange={() => void draft.save(option.id)} />
          <span>
            <strong>{option.label}</strong> <span className="muted">— {option.detail}</span>
          </span>
        </label>
      ))}
      {draft.refused && (
        <p className="field-error" role="alert">
          {draft.refused}{' '}
          <button type="button" onClick={() => draft.revert()}>
            Keep {draft.saved} mode
          </button>
        </p>
      )}
    </fieldset>
  );
}
