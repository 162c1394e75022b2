import { useStudio } from '../store/studio-store.js';

/** Things the app needs the user to know at start-up (a settings file set aside, …). */
export function NoticeBar(): React.JSX.Element | null {
  const notices = useStudio((state) => state.notices);
  const dismiss = useStudio((state) => state.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`} role="alert" data-testid="notice">
          <span>{notice.message}</span>
          <button type="button" aria-label="Dismiss" onClick={() => void dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
