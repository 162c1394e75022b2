import { lazy, Suspense } from 'react';
import { useStudio } from '../store/studio-store.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { AfterFirstPaint } from './AfterFirstPaint.js';
import { EngineWaitDetail } from './EngineWaitDetail.js';
import { NoticeBar } from './NoticeBar.js';
import { RemoteStatusBar } from './RemoteStatusBar.js';
import { StepDetail } from './StepDetail.js';
import { StepList } from './StepList.js';
import { StepTimeline } from './StepTimeline.js';
import { RerunButton, useRerunShortcut } from './RerunButton.js';
import { useRuns, type MainView } from '../store/runs-store.js';

// The terminal (xterm.js) is the largest part of the UI; it loads after the wizard is painted.
const TerminalPanel = lazy(() => import('./TerminalPanel.js').then((module) => ({ default: module.TerminalPanel })));
// History, a run and a comparison are not on the first screen; they load when first opened.
const HistoryView = lazy(() => import('./HistoryView.js').then((module) => ({ default: module.HistoryView })));
const RunResults = lazy(() => import('./RunResults.js').then((module) => ({ default: module.RunResults })));
const RunComparisonView = lazy(() => import('./RunComparisonView.js').then((module) => ({ default: module.RunComparisonView })));

/** Where the terminal goes, while its code is not there yet. */
const terminalPlaceholder = <section className="terminal-panel" aria-label="Terminal" />;

export function App(): React.JSX.Element {
  const connection = useStudio((state) => state.connection);
  const connectionError = useStudio((state) => state.connectionError);
  const appInfo = useStudio((state) => state.appInfo);
  const view = useRuns((state) => state.view);
  const show = useRuns((state) => state.show);
  useRerunShortcut();

  if (connection === 'failed') {
    return (
      <div className="splash" role="alert">
        Could not reach the engine: {connectionError}
      </div>
    );
  }
  // Until the engine has answered, the wizard is drawn from its own catalog with nothing to click:
  // the page arrives with this screen already in it (electron/launch/first-screen.mjs).
  const waiting = connection === 'connecting';
  return (
    <div className="app">
      <header className="topbar">
        <h1>k8s e2e studio</h1>
        {appInfo && (
          <span className="chip" data-testid="shell-mode">
            {appInfo.shell === 'electron' ? 'desktop' : 'browser mode'}
          </span>
        )}
        <nav className="views" aria-label="Views">
          <button type="button" aria-pressed={view.kind === 'wizard'} disabled={waiting} onClick={() => show({ kind: 'wizard' })}>
            Steps
          </button>
          <button type="button" aria-pressed={view.kind !== 'wizard'} disabled={waiting} onClick={() => show({ kind: 'history' })}>
            History
          </button>
        </nav>
        <span className="muted small topbar-right" title="Data folder">
          {appInfo?.dataDir}
        </span>
        {!waiting && <RerunButton />}
      </header>
      {waiting ? (
        <main className="workspace">
          <StepList />
          <div className="main-column">
            <EngineWaitDetail />
            {terminalPlaceholder}
          </div>
        </main>
      ) : (
        <LiveWorkspace />
      )}
    </div>
  );
}

/** Everything below the top bar once the engine has answered: notices, the steps, the main view and the terminal. */
function LiveWorkspace(): React.JSX.Element {
  const connection = useStudio((state) => state.connection);
  const connectionError = useStudio((state) => state.connectionError);
  const selectedStepId = useStudio((state) => state.selectedStepId);
  const view = useRuns((state) => state.view);
  const show = useRuns((state) => state.show);
  const rerunState = useRuns((state) => state.rerunState);
  const rerunError = useRuns((state) => state.rerunError);
  const boundary = mainViewBoundary(view, selectedStepId);
  return (
    <>
      {rerunError && (
        <div className="notice notice-error" role="alert">
          {rerunError}
        </div>
      )}
      {rerunState && rerunState.state !== 'running' && rerunState.state !== 'succeeded' && (
        <div className="notice notice-warning" data-testid="rerun-state">
          The rerun stopped at the {rerunState.stepId} step ({rerunState.state}){rerunState.message ? `: ${rerunState.message}` : ''}.
        </div>
      )}
      {connection === 'lost' && (
        <div className="notice notice-error" role="alert">
          {connectionError}
        </div>
      )}
      <ErrorBoundary view="notices">
        <NoticeBar />
      </ErrorBoundary>
      <ErrorBoundary view="remote status">
        <RemoteStatusBar />
      </ErrorBoundary>
      <main className="workspace">
        <ErrorBoundary view="step list">
          <StepList />
        </ErrorBoundary>
        <div className="main-column">
          <ErrorBoundary resetKey={boundary.resetKey} view={boundary.view}>
            <Suspense fallback={<p className="muted">Loading…</p>}>
              {view.kind === 'wizard' && <StepTimeline />}
              {view.kind === 'wizard' && <StepDetail />}
              {view.kind === 'history' && <HistoryView />}
              {view.kind === 'run' && (
                <section className="step-detail" aria-label="Run">
                  <button type="button" onClick={() => show({ kind: 'history' })}>
                    ← History
                  </button>
                  <RunResults runId={view.id} />
                </section>
              )}
              {view.kind === 'compare' && (
                <section className="step-detail" aria-label="Compare runs">
                  <button type="button" onClick={() => show({ kind: 'history' })}>
                    ← History
                  </button>
                  <RunComparisonView before={view.before} after={view.after} />
                </section>
              )}
            </Suspense>
          </ErrorBoundary>
          <ErrorBoundary view="terminal">
            <AfterFirstPaint fallback={terminalPlaceholder}>
              <TerminalPanel />
            </AfterFirstPaint>
          </ErrorBoundary>
        </div>
      </main>
    </>
  );
}

/** What the main column's error boundary calls its view, and what it shows (a failed view starts again when that changes). */
function mainViewBoundary(view: MainView, stepId: string): { resetKey: string; view: string } {
  if (view.kind === 'wizard') return { resetKey: `wizard:${stepId}`, view: 'step view' };
  if (view.kind === 'run') return { resetKey: `run:${view.id}`, view: 'run view' };
  if (view.kind === 'compare') return { resetKey: `compare:${view.before}:${view.after}`, view: 'run comparison' };
  return { resetKey: 'history', view: 'history' };
}
