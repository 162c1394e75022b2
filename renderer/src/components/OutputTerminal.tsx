import { useEffect, useRef, useState } from 'react';
import { useStudio } from '../store/studio-store.js';
import { selectSelectedStep } from '../store/selectors.js';
import { createTerminal, type StudioTerminal } from '../terminal/create-terminal.js';
import { viewStream } from '../terminal/stream-view.js';

/** The selected step's output: live while it runs, from its log file once it is done. */
export function OutputTerminal(): React.JSX.Element {
  const api = useStudio((state) => state.api);
  const settings = useStudio((state) => state.settings);
  const streamId = useStudio((state) => selectSelectedStep(state)?.streamId);
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<StudioTerminal | undefined>(undefined);
  const [query, setQuery] = useState('');

  useEffect(() => {
    if (!host.current || !settings) return;
    term.current = createTerminal(host.current, { scrollback: settings.scrollback, interactive: false, renderer: settings.terminalRenderer });
    return () => term.current?.dispose();
  }, [settings]);

  useEffect(() => {
    const current = term.current;
    if (!current || !api) return;
    current.terminal.reset();
    if (!streamId) {
      current.terminal.write('\x1b[2mThis step has not run yet. Its output will appear here.\x1b[0m\r\n');
      return;
    }
    return viewStream({ api, terminal: current.terminal, streamId });
  }, [api, streamId, settings]);

  const find = (backwards: boolean): void => {
    if (!query || !term.current) return;
    if (backwards) term.current.search.findPrevious(query);
    else term.current.search.findNext(query);
  };

  return (
    <div className="terminal-wrap">
      <div className="terminal-tools">
        <input
          type="search"
          placeholder="Find in output"
          aria-label="Find in output"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') find(event.shiftKey);
          }}
        />
      </div>
      <div className="terminal" ref={host} data-testid="output-terminal" data-stream={streamId ?? ''} />
    </div>
  );
}
