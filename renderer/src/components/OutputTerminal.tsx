import { useEffect, useRef, useState } from 'react';
import { useStudio } from '../store/studio-store.js';
import { selectSelectedStep } from '../store/selectors.js';
import { createTerminal, type StudioTerminal } from '../terminal/create-terminal.js';
import { viewStream } from '../terminal/stream-view.js';

/**
 * The selected step's output (or the given stream's, e.g. the local kube-scheduler's): live while
 * it runs, from its log file once it is done.
 */
export function OutputTerminal({ stream, testId = 'output-terminal' }: { stream?: string; testId?: string }): React.JSX.Element {
  const api = useStudio((state) => state.api);
  const scrollback = useStudio((state) => state.settings?.scrollback);
  const renderer = useStudio((state) => state.settings?.terminalRenderer);
  const stepStream = useStudio((state) => selectSelectedStep(state)?.streamId);
  const streamId = stream ?? stepStream;
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<StudioTerminal | undefined>(undefined);
  const [query, setQuery] = useState('');

  useEffect(() => {
    if (!host.current || !scrollback || !renderer) return;
    term.current = createTerminal(host.current, { scrollback, interactive: false, renderer });
    return () => term.current?.dispose();
  }, [scrollback, renderer]);

  useEffect(() => {
    const current = term.current;
    if (!current || !api) return;
    current.terminal.reset();
    if (!streamId) {
      current.terminal.write('\x1b[2mThis step has not run yet. Its output will appear here.\x1b[0m\r\n');
      return;
    }
    return viewStream({ api, terminal: current.terminal, streamId });
  }, [api, streamId, scrollback, renderer]);

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
      <div className="terminal" ref={host} data-testid={testId} data-stream={streamId ?? ''} />
    </div>
  );
}
