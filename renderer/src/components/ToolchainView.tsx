import type { ToolchainFacts, ToolVerdict } from '../../../shared/toolchain/tool-report.js';
import { CopyButton } from './CopyButton.js';

const verdictText: Record<ToolVerdict, string> = { ok: 'ok', warning: 'warning', problem: 'problem', missing: 'missing' };

/** The Toolchain step's table: each tool, where it is, its version, what it is built for, and the fix. */
export function ToolchainView({ facts }: { facts: ToolchainFacts }): React.JSX.Element {
  return (
    <section className="panel">
      <h3>
        Tools for {facts.hardware.os}/{facts.hardware.arch}
      </h3>
      <table className="tools" data-testid="toolchain-table">
        <thead>
          <tr>
            <th scope="col">Tool</th>
            <th scope="col">Found at</th>
            <th scope="col">Version</th>
            <th scope="col">Built for</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {facts.tools.map((tool) => (
            <ToolRow key={tool.name} tool={tool} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ToolRow({ tool }: { tool: ToolchainFacts['tools'][number] }): React.JSX.Element {
  return (
    <>
      <tr data-testid={`tool-${tool.name}`} className={`verdict-${tool.verdict}`}>
        <th scope="row">{tool.name}</th>
        <td>
          <code>{tool.path ?? '—'}</code>
        </td>
        <td>{tool.version ?? '—'}</td>
        <td>{tool.binary ?? '—'}</td>
        <td>
          <span className={`status status-${tool.verdict === 'ok' ? 'success' : tool.verdict === 'warning' ? 'cancelled' : 'failure'}`}>{verdictText[tool.verdict]}</span>
        </td>
      </tr>
      {(tool.messages.length > 0 || tool.fix) && (
        <tr className="tool-detail" data-testid={`tool-${tool.name}-detail`}>
          <td colSpan={5}>
            {tool.messages.map((message) => (
              <p key={message}>{message}</p>
            ))}
            {tool.fix && (
              <p className="fix">
                Fix: <code>{tool.fix}</code> <CopyButton text={tool.fix} label={`Copy the fix for ${tool.name}`} />
              </p>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
