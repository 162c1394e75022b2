import { useEffect, useRef, useState } from 'react';
import type { ShellSession } from '../../../shared/ipc/shell-channels.js';
import { errorMessage } from '../api/studio-error.js';
import { useStudio } from '../store/studio-store.js';
import { createTerminal } from '../terminal/create-terminal.js';
import { viewStream } from '../terminal/stream-view.js';

/** An interactive shell (node-pty in the engine), opened when the tab is first shown. */
export function ShellTerminal(): React.JSX.Element {
  const api = useStudio((state) => state.api);
  const settings = useStudio((state) => state.settings);
  const host = useRef<HTMLDivElement>(null);
  const [session, setSession] = useState<ShellSession | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [generation, setGeneration] = useState(0);
  const [ended, setEnded] = useState(false);
  const [folder, setFolder] = useState('');
  const [requestedCwd, setRequestedCwd] = useState<string | undefined>();

  useEffect(() => {
    if (!host.current || !api || !settings) return;
    const term = createTerminal(host.current, { scrollback: settings.scrollback, interactive: true, renderer: settings.terminalRenderer });
    let stopView: (() => void) | undefined;
    let opened: ShellSession | undefined;
    let disposed = false;
    setEnded(false);
    setProblem(undefined);
    api
      .request('shell:open', { cols: term.terminal.cols, rows: term.terminal.rows, ...(requestedCwd ? { cwd: requestedCwd } : {}) })
      .then((shell) => {
        if (disposed) {
          void api.request('shell:close', { sessionId: shell.sessionId });
          return;
        }
        opened = shell;
        setSession(shell);
        setFolder(shell.cwd);
        stopView = viewStream({ api, terminal: term.terminal, streamId: shell.streamId, onEnd: () => setEnded(true) });
        term.terminal.onData((data) => void api.request('shell:write', { sessionId: shell.sessionId, data }).catch(() => undefined));
        term.terminal.onResize(({ cols, rows }) => void api.request('shell:resize', { sessionId: shell.sessionId, cols, rows }).catch(() => undefined));
        term.terminal.focus();
      })
      .catch((error: unknown) => setProblem(errorMessage(error)));
    return () => {
      disposed = true;
      stopView?.();
      if (opened) void api.request('shell:close', { sessionId: opened.sessionId }).catch(() => undefined);
      term.dispose();
    };
  }, [api, settings, generation, requestedCwd]);

  return (
    <div className="terminal-wrap">
      <div className="terminal-tools">
        <form
          className="shell-cwd"
          aria-label="Shell folder"
          onSubmit={(event) => {
            event.preventDefault();
            setRequestedCwd(folder.trim() || undefined);
            setGeneration((g) => g + 1);
          }}
        >
          <span className="muted small">{session ? `${session.argv.join(' ')} in` : 'starting a shell…'}</span>
          <input value={folder} onChange={(e) => setFolder(e.target.value)} aria-label="Folder for the shell" />
          <button type="submit">Open here</button>
        </form>
        {ended && (
          <button type="button" onClick={() => setGeneration((g) => g + 1)}>
            Shell ended — open a new one
          </button>
        )}
      </div>
      {problem && (
        <p className="warning" role="alert">
          {problem}
        </p>
      )}
      <div className="terminal" ref={host} data-testid="shell-terminal" />
    </div>
  );
}
