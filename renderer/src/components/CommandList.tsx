import { formatDuration } from '../../../shared/steps/step-duration.js';
import { formatArgv } from '../../../shared/commands/format-argv.js';
import type { CommandRecord } from '../../../shared/steps/step-info.js';
import { CopyButton } from './CopyButton.js';

/** Every command a step ran, exactly as run, copyable, with its exit code and duration. */
export function CommandList({ commands }: { commands: CommandRecord[] }): React.JSX.Element | null {
  if (commands.length === 0) return null;
  return (
    <section className="panel">
      <h3>Commands</h3>
      <ul className="commands" data-testid="commands">
        {commands.map((command, index) => {
          const line = formatArgv(command.argv);
          const exit = command.endedAt === undefined ? 'running' : command.signal ? command.signal : `exit ${command.exitCode ?? '?'}`;
          return (
            <li key={`${index}-${command.startedAt}`} className={command.exitCode === 0 ? 'ok' : command.endedAt === undefined ? 'running' : 'bad'}>
              <code>$ {line}</code>
              <span className="command-meta">
                {exit}
                {command.endedAt !== undefined && ` · ${formatDuration(command.endedAt - command.startedAt)}`}
              </span>
              <CopyButton text={line} label={`Copy ${line}`} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
