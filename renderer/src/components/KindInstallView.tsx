import type { KindInstall } from '../../../shared/kind/kind-install.js';

const actions = { downloaded: 'Downloaded and verified', built: 'Built from source with go install', kept: 'Already in place' } as const;

/** What the Native kind step did. */
export function KindInstallView({ install }: { install: KindInstall }): React.JSX.Element {
  const rows: Array<[string, string | undefined]> = [
    ['Result', actions[install.action]],
    ['Version', install.version],
    ['Binary', install.binary],
    ['Installed at', install.path],
    ['Source', install.source],
    ['sha256', install.sha256],
    ['Download problem', install.downloadProblem],
  ];
  return (
    <section className="panel">
      <h3>kind</h3>
      <table className="facts" data-testid="kind-install">
        <tbody>
          {rows
            .filter((row): row is [string, string] => row[1] !== undefined)
            .map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{label === 'sha256' || label === 'Installed at' ? <code>{value}</code> : value}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
