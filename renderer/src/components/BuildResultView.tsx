import type { BuildResult } from '../../../shared/build/build-artefact.js';

const badge = { built: 'success', 'up-to-date': 'success', 'hot-swap': 'success', failed: 'failure', 'not-run': 'skipped' } as const;

/** Each artefact of the build: built, up to date (and since when), failed or not reached, with its outputs. */
export function BuildResultView({ build }: { build: BuildResult }): React.JSX.Element {
  return (
    <section className="panel">
      <h3>{build.mode} mode build</h3>
      <table className="tools" data-testid="build-artefacts">
        <tbody>
          {build.artefacts.map((artefact) => (
            <tr key={artefact.id} data-testid={`artefact-${artefact.id}`}>
              <th scope="row">{artefact.title}</th>
              <td>
                <span className={`status status-${badge[artefact.state]}`}>{artefact.state.replace(/-/g, ' ')}</span>
              </td>
              <td>
                {artefact.reason}
                {artefact.outputs.length > 0 && (
                  <div className="muted small">
                    {artefact.outputs.map((output) => (
                      <div key={output.path}>
                        <code>{output.path}</code> {output.binary}
                      </div>
                    ))}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
