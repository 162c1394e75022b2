import type { RemoteFacts } from '../../../shared/remote/remote-facts.js';

/** What the Mode step's preflight found on the remote cluster. */
export function RemoteFactsView({ facts }: { facts: RemoteFacts }): React.JSX.Element {
  return (
    <section className="panel" data-testid="remote-facts">
      <h3>Remote cluster</h3>
      <table className="facts">
        <tbody>
          <tr>
            <th>Context</th>
            <td>
              {facts.context} <span className="muted small">({facts.server}, from {facts.source})</span>
            </td>
          </tr>
          <tr>
            <th>API server</th>
            <td>{facts.serverVersion}</td>
          </tr>
          {facts.skew && (
            <tr>
              <th>Version skew</th>
              <td className="warning">{facts.skew}</td>
            </tr>
          )}
          <tr>
            <th>Nodes</th>
            <td>
              {facts.nodes.total} ({facts.nodes.schedulable} schedulable, {facts.nodes.osArch})
            </td>
          </tr>
          <tr>
            <th>Scheduler</th>
            <td className={facts.swappable ? undefined : 'warning'}>{facts.scheduler}</td>
          </tr>
          <tr>
            <th>Lease</th>
            <td>kube-system/kube-scheduler {facts.lease.holder ? `held by ${facts.lease.holder}` : 'not held'}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
