import { lazy, Suspense } from 'react';
import { useStudio } from '../store/studio-store.js';
import { NoticeBar } from './NoticeBar.js';
import { StepDetail } from './StepDetail.js';
import { StepList } from './StepList.js';

// The terminal (xterm.js) is the largest part of the UI; it loads after the wizard is on screen.
const TerminalPanel = lazy(() => import('./TerminalPanel.js').then((module) => ({ default: module.TerminalPanel })));

export function App(): React.JSX.Element {
  const connection = useStudio((state) => state.connection);
  const connectionError = useStudio((state) => state.connectionError);
  const appInfo = useStudio((state) => state.appInfo);

  if (connection === 'connecting') return <div className="splash">Connecting to the engine…</div>;
  if (connection === 'failed') {
    return (
      <div className="splash" role="alert">
        Could not reach the engine: {connectionError}
      </div>
    );
  }
  return (
    <div className="app">
      <header className="topbar">
        <h1>k8s e2e studio</h1>
        <span className="chip" data-testid="shell-mode">
          {appInfo?.shell === 'electron' ? 'desktop' : 'browser mode'}
        </span>
        <span className="muted small topbar-right" title="Data folder">
          {appInfo?.dataDir}
        </span>
      </header>
      {connection === 'lost' && (
        <div className="notice notice-error" role="alert">
          {connectionError}
        </div>
      )}
      <NoticeBar />
      <main className="workspace">
        <StepList />
        <div className="main-column">
          <StepDetail />
          <Suspense fallback={<section className="terminal-panel" aria-label="Terminal" />}>
            <TerminalPanel />
          </Suspense>
        </div>
      </main>
    </div>
  );
}
