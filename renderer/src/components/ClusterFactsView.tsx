import type { ClusterFacts } from '../../../shared/cluster/cluster-facts.js';

/** The cluster the tests will use, or where kind's logs of a failed creation went. */
export function ClusterFactsView({ cluster }: { cluster: ClusterFacts }): React.JSX.Element {
  const binary = cluster.schedulerBinary;
  // Whose kube-scheduler it is: built from the checkout by the Build step, or a file named in Tool paths.
  const whose = binary?.from === 'tool-path' ? `the kube-scheduler at ${binary.path} (from Tool paths)` : `your build${binary ? ` (${binary.path})` : ''}`;
  const rows: Array<[string, string | undefined]> = [
    ['Cluster', `${cluster.name}${cluster.reused ? ' (reused: same image, answering)' : ''}`],
    ['Context', cluster.context],
    ['Kubeconfig', cluster.kubeconfig],
    ['Node image', cluster.image],
    ['Config', cluster.configPath],
    ['kind logs', cluster.logsDir],
    [
      'kube-scheduler',
      !cluster.schedulerSwapped
        ? undefined
        : cluster.mode === 'remote'
          ? `${whose}, running on this machine in place of the cluster's own (Teardown gives it back)`
          : `${whose}, swapped into the control plane (Teardown with "keep" puts the original back)`,
    ],
  ];
  return (
    <section className="panel">
      <h3>Cluster</h3>
      <table className="facts" data-testid="cluster-facts">
        <tbody>
          {rows
            .filter((row): row is [string, string] => Boolean(row[1]))
            .map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>
                  <code>{value}</code>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {cluster.logFiles && cluster.logFiles.length > 0 && (
        <ul className="muted small" data-testid="kind-log-files">
          {cluster.logFiles.map((file) => (
            <li key={file}>
              <code>{file}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
