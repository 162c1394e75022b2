import { useState } from 'react';
import { formatDuration } from '../../../shared/steps/step-duration.js';
import { argvSummary, type ArgvSummary } from '../../../shared/commands/argv-summary.js';
import { formatArgv } from '../../../shared/commands/format-argv.js';
import type { CommandRecord } from '../../../shared/steps/step-info.js';
import { CopyButton } from './CopyButton.js';

const count = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "over 1,880 folders and 3 files", or "and 412 more arguments", numbers in the user's format. */
function shortened(summary: ArgvSummary): string {
  if (summary.more > 0) return `and ${count(summary.more, 'more argument', 'more arguments')}`;
  const parts = [summary.folders > 0 && count(summary.folders, 'folder', 'folders'), summary.files > 0 && count(summary.files, 'file', 'files')].filter(Boolean);
  return `over ${parts.join(' and ')}`;
}

/** A long command: its summary, and its full argv one click away (rendered only when asked for). */
function LongCommand({ line, summary }: { line: string; summary: ArgvSummary }): React.JSX.Element {
  const [open, setOpen] = useState(false);
  return (
    <span className="long-command" style={{ flex: 1, minWidth: 0 }}>
      <code>
        $ {summary.head} <em>{shortened(summary)}</em>
      </code>{' '}
      <button type="button" className="copy" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'hide full command' : 'show full command'}
      </button>
      {open && (
        <code className="full-command" data-testid="full-command" style={{ display: 'block', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          $ {line}
        </code>
      )}
    </span>
  );
}

/** Every command a step ran, exactly as run, copyable, with its exit code and duration; very long ones summarised. */
export function CommandList({ commands }: { commands: CommandRecord[] }): React.JSX.Element | null {
  if (commands.length === 0) return null;
  return (
    <section className="panel">
      <h3>Commands</h3>
      <ul className="commands" data-testid="commands">
        {commands.map((command, index) => {
          const line = formatArgv(command.argv);
          const summary = argvSummary(command.argv);
          const exit = command.endedAt === undefined ? 'running' : command.signal ? command.signal : `exit ${command.exitCode ?? '?'}`;
          return (
            <li key={`${index}-${command.startedAt}`} className={command.exitCode === 0 ? 'ok' : command.endedAt === undefined ? 'running' : 'bad'}>
              {summary ? <LongCommand line={line} summary={summary} /> : <code>$ {line}</code>}
              <span className="command-meta">
                {exit}
                {command.endedAt !== undefined && ` · ${formatDuration(command.endedAt - command.startedAt)}`}
              </span>
              <CopyButton text={line} label={`Copy ${summary ? `${summary.head} ${shortened(summary)}` : line}`} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
