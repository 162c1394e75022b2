import type { SourceFacts } from '../../../shared/source/source-facts.js';

const foundBy = { picked: 'the folder you picked', 'working-directory': 'the working directory', gopath: 'GOPATH, where kind looks' } as const;

function FileList({ files }: { files: string[] }): React.JSX.Element {
  if (files.length === 0) return <>none</>;
  const shown = files.slice(0, 8);
  return (
    <>
      {files.length}: <code>{shown.join(', ')}</code>
      {files.length > shown.length && ` and ${files.length - shown.length} more`}
    </>
  );
}

/** The Source step's findings. */
export function SourceFactsView({ facts }: { facts: SourceFacts }): React.JSX.Element {
  return (
    <section className="panel">
      <h3>Checkout</h3>
      <table className="facts" data-testid="source-facts">
        <tbody>
          <tr>
            <th scope="row">Folder</th>
            <td>
              <code>{facts.dir}</code> (found in {foundBy[facts.foundBy]})
            </td>
          </tr>
          <tr>
            <th scope="row">Branch</th>
            <td>{facts.branch}</td>
          </tr>
          <tr>
            <th scope="row">Commit</th>
            <td>
              <code>{facts.commit.slice(0, 12)}</code> {facts.describe && <span className="muted">({facts.describe})</span>}
            </td>
          </tr>
          <tr>
            <th scope="row">Changed files</th>
            <td>
              <FileList files={facts.dirtyFiles} />
            </td>
          </tr>
          <tr>
            <th scope="row">Untracked files</th>
            <td>
              <FileList files={facts.untrackedFiles} />
            </td>
          </tr>
          <tr>
            <th scope="row">.go-version</th>
            <td>{facts.goVersionFile ?? 'none'}</td>
          </tr>
          <tr>
            <th scope="row">Go</th>
            <td>{facts.toolchain.note}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
