import type { HostFacts } from '../../../shared/host/host-facts.js';

const gib = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
const osNames: Record<string, string> = { darwin: 'macOS', linux: 'Linux', win32: 'Windows' };

/** The Host step's findings as a table, warnings first. */
export function HostFactsView({ facts }: { facts: HostFacts }): React.JSX.Element {
  const rows: Array<[string, string]> = [
    ['Operating system', `${osNames[facts.os] ?? facts.os} (${facts.osRelease})`],
    ['Hardware CPU', facts.hardwareArch],
    ['This process', `${facts.processArch}${facts.translated ? ' — translated (Rosetta or emulation)' : ' — native'}`],
    ['Cores', String(facts.cores)],
    ['Memory', gib(facts.memoryBytes)],
    ...facts.disks.map((disk): [string, string] => [`Free disk at ${disk.path}`, `${gib(disk.freeBytes)} of ${gib(disk.totalBytes)} (${disk.mountPoint})`]),
  ];
  return (
    <section className="panel">
      <h3>This machine</h3>
      {facts.warnings.map((warning) => (
        <p key={warning} className="warning" role="alert">
          {warning}
        </p>
      ))}
      <table className="facts" data-testid="host-facts">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
