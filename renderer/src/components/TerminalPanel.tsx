import { useStudio } from '../store/studio-store.js';
import { selectSelectedStep } from '../store/selectors.js';
import { OutputTerminal } from './OutputTerminal.js';
import { ShellTerminal } from './ShellTerminal.js';
import { useRemote } from '../store/remote-store.js';

/** The bottom panel: the selected step's output, and an interactive shell. */
export function TerminalPanel(): React.JSX.Element {
  const tab = useStudio((state) => state.terminalTab);
  const showTab = useStudio((state) => state.showTab);
  const stepTitle = useStudio((state) => selectSelectedStep(state)?.title ?? '');
  const schedulerStream = useRemote((state) => state.status?.schedulerStreamId);
  return (
    <section className="terminal-panel" aria-label="Terminal">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'output'} onClick={() => showTab('output')}>
          Output — {stepTitle}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'shell'} onClick={() => showTab('shell')}>
          Shell
        </button>
        {schedulerStream && (
          <button type="button" role="tab" aria-selected={tab === 'scheduler'} onClick={() => showTab('scheduler')}>
            Local kube-scheduler
          </button>
        )}
      </div>
      <div className="tab-body" hidden={tab !== 'output'}>
        <OutputTerminal />
      </div>
      {tab === 'scheduler' && schedulerStream && (
        <div className="tab-body">
          <OutputTerminal stream={schedulerStream} testId="scheduler-terminal" />
        </div>
      )}
      {tab === 'shell' && (
        <div className="tab-body">
          <ShellTerminal />
        </div>
      )}
    </section>
  );
}
