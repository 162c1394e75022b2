import { useEffect, useState } from 'react';
import type { ArtefactStatus, BuildResult } from '../../../shared/build/build-artefact.js';
import { formatDuration } from '../../../shared/steps/step-duration.js';

const badge = { built: 'success', 'up-to-date': 'success', 'hot-swap': 'success', building: 'running', failed: 'failure', 'not-run': 'skipped' } as const;

/** A moment in the user's own date and time format (the default locale, not a fixed one). */
const when = (ms: number): string => new Date(ms).toLocaleString();

/** The current time, ticking while `active`. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** While an artefact builds: for how long, and how many of its packages Go has compiled. */
function Building({ artefact }: { artefact: ArtefactStatus }): React.JSX.Element {
  const now = useNow(true);
  const compiled = artefact.compiled;
  return (
    <div className="progress" data-testid={`building-${artefact.id}`}>
      {artefact.startedAt !== undefined && <span>{formatDuration(Math.max(0, now - artefact.startedAt))}</span>}
      {compiled && (
        <>
          <progress value={compiled.done} max={compiled.total} aria-label={`${artefact.title}: packages compiled`} />
          <span className="muted small">
            {compiled.done.toLocaleString()} of {compiled.total.toLocaleString()} packages compiled{compiled.last ? ` · ${compiled.last}` : ''}
          </span>
        </>
      )}
    </div>
  );
}

/** What the row says: its state in words, times shown in the user's format. */
function describe(artefact: ArtefactStatus): string {
  if (artefact.state === 'up-to-date' && artefact.builtAt !== undefined && artefact.commit) return `up to date (built ${when(artefact.builtAt)} from ${artefact.commit.slice(0, 12)})`;
  if ((artefact.state === 'built' || artefact.state === 'hot-swap') && artefact.builtAt !== undefined) return `${artefact.reason} · finished ${when(artefact.builtAt)}`;
  return artefact.reason;
}

/** Which changed files make an artefact be rebuilt, and the package of its deps that links each to it. */
function Causes({ artefact }: { artefact: ArtefactStatus }): React.JSX.Element | null {
  const causes = artefact.causes ?? [];
  if (causes.length === 0) return null;
  return (
    <ul className="muted small" data-testid={`causes-${artefact.id}`} aria-label={`Why ${artefact.title} is rebuilt`}>
      {causes.map((cause) => (
        <li key={cause.file}>
          <code>{cause.file}</code>{' '}
          {cause.package ? (
            <>
              is in <code>{cause.package}</code>
              {cause.via.length > 1 && (
                <>
                  , reached by the imports <code>{cause.via.join(' → ')}</code>
                </>
              )}
            </>
          ) : (
            'is part of every package\'s build'
          )}
        </li>
      ))}
    </ul>
  );
}

/** Each artefact of the build: building, built (and why), up to date (and since when), failed or not reached, with its outputs. */
export function BuildResultView({ build }: { build: BuildResult }): React.JSX.Element {
  return (
    <section className="panel">
      <h3>{build.mode} mode build</h3>
      <p className="muted small" data-testid="build-plan">
        {build.mode === 'kind' ? 'kind mode' : 'remote mode'} builds {build.artefacts.map((a) => a.title).join(', then ')}
        {build.mode === 'remote' ? '; no node image.' : '.'}
      </p>
      <table className="tools" data-testid="build-artefacts">
        <tbody>
          {build.artefacts.map((artefact) => (
            <tr key={artefact.id} data-testid={`artefact-${artefact.id}`}>
              <th scope="row">{artefact.title}</th>
              <td>
                <span className={`status status-${badge[artefact.state]}`}>{artefact.state.replace(/-/g, ' ')}</span>
              </td>
              <td>
                {describe(artefact)}
                {artefact.state === 'building' && <Building artefact={artefact} />}
                <Causes artefact={artefact} />
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
