import type { SettingsDraft } from '../drafts/use-settings-draft.js';

/**
 * Said at a form when its setting was changed elsewhere (a rerun puts back its run's filters, say)
 * while the user was editing it: the edit is kept, and the user picks which one stays.
 */
export function DraftNotice<T>({ draft, describe }: { draft: SettingsDraft<T>; describe?: (value: T) => string }): React.JSX.Element | null {
  if (!draft.changedElsewhere) return null;
  return (
    <div className="warning draft-notice" role="status">
      <p>
        This was changed elsewhere while you were editing it{describe ? <>: it is now {describe(draft.saved)}</> : ''}. Your edit is kept
        here and not saved.
      </p>
      <div className="form-actions">
        <button type="button" onClick={() => draft.revert()}>
          Use the saved one
        </button>
        <button type="button" onClick={() => void draft.save()} disabled={Boolean(draft.problem)}>
          Save mine
        </button>
      </div>
    </div>
  );
}
