import { useEffect, useMemo, useState } from 'react';
import { isFailing, isSpec, type TestRun } from '../../../shared/e2e/test-run.js';
import { formatDuration } from '../../../shared/steps/step-duration.js';
import { errorMessage } from '../api/studio-error.js';
import { useStudio } from '../store/studio-store.js';
import { DiagnosisView } from './DiagnosisView.js';
import { RerunButton } from './RerunButton.js';
import { DurationHistogram } from './DurationHistogram.js';
import { RunChart, slowestShown } from './RunChart.js';
import { SpecDetail } from './SpecDetail.js';
import { ExportScriptButton } from './ExportScriptButton.js';
import { VirtualSpecList } from './VirtualSpecList.js';

type Filter = 'failed' | 'passed' | 'skipped' | 'hooks';

/**
 * Which tab a result belongs to: a failure (spec or suite hook) is under Failed; otherwise specs
 * are Passed or Skipped, and suite hooks ([SynchronizedBeforeSuite], [ReportAfterSuite] …) are apart.
 */
function tabOf(result: { name: string; state: string }): Filter {
  if (isFailing(result.state)) return 'failed';
  if (!isSpec(result.name)) return 'hooks';
  return result.state === 'passed' ? 'passed' : 'skipped';
}

/** A run's results from its JUnit report: counts, a chart, every spec by state, and one spec opened. */
export function RunResults({ runId }: { runId: string }): React.JSX.Element {
  const api = useStudio((state) => state.api);
  const [run, setRun] = useState<TestRun | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [filter, setFilter] = useState<Filter | undefined>();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | undefined>();

  useEffect(() => {
    if (!api) return;
    let current = true;
    setRun(undefined);
    setSelected(undefined);
    api.request('runs:get', { id: runId }).then(
      (loaded) => current && setRun(loaded),
      (error: unknown) => current && setProblem(errorMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [api, runId]);

  const ran = useMemo(() => (run?.specs ?? []).filter((s) => (isSpec(s.name) && s.state !== 'skipped' && s.state !== 'pending') || isFailing(s.state)), [run]);
  const byTab = useMemo(() => {
    const groups: Record<Filter, NonNullable<typeof run>['specs']> = { failed: [], passed: [], skipped: [], hooks: [] };
    for (const result of run?.specs ?? []) groups[tabOf(result)].push(result);
    return groups;
  }, [run]);
  // Opens on what needs looking at: the failures when there are any, else what passed.
  const active: Filter = filter ?? (byTab.failed.length > 0 ? 'failed' : byTab.passed.length > 0 ? 'passed' : 'skipped');
  // Each name lower-cased once per run, not once per key typed.
  const lowerNames = useMemo(() => new Map((run?.specs ?? []).map((s) => [s, s.name.toLowerCase()])), [run]);
  const listed = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return needle ? byTab[active].filter((s) => lowerNames.get(s)?.includes(needle)) : byTab[active];
  }, [byTab, active, search, lowerNames]);

  if (problem) return <p className="warning" role="alert">{problem}</p>;
  if (!run) return <p className="muted">Loading the results…</p>;
  const spec = run.specs.find((s) => s.name === selected);
  const tabs: Array<[Filter, string, number]> = [
    ['failed', 'Failed', byTab.failed.length],
    ['passed', 'Passed', byTab.passed.length],
    ['skipped', 'Skipped', byTab.skipped.length],
    ['hooks', 'Suite hooks', byTab.hooks.length],
  ];
  return (
    <section className="run-results" data-testid="run-results" aria-label="Results">
      <header className="results-header">
        <div>
          <h3>
            Run {new Date(run.startedAt).toLocaleString()} · <span className={`outcome outcome-${run.outcome}`}>{run.outcome}</span>
          </h3>
          <p className="muted small">
            {run.filters.focus ? <>focus <code>{run.filters.focus}</code></> : 'no focus'}
            {run.filters.skip && <> · skip <code>{run.filters.skip}</code></>}
            {run.filters.labelFilter && <> · labels <code>{run.filters.labelFilter}</code></>} · {run.cluster.context} ({run.mode}, {run.nodes.count} nodes {run.nodes.osArch})
            {run.commit && <> · {run.commit.slice(0, 12)}</>} · {formatDuration(run.durationSeconds * 1000)}
          </p>
        </div>
        <div className="step-actions">
          <ExportScriptButton runId={run.id} />
          <RerunButton runId={run.id} compact />
        </div>
      </header>
      {run.message && <p className="warning">{run.message}</p>}
      <p className="result-counts" data-testid="result-counts">
        <strong>{run.counts.ran.toLocaleString()}</strong> ran · <span className="ok">{run.counts.passed.toLocaleString()} passed</span> · <span className={run.counts.failed ? 'bad' : 'muted'}>{run.counts.failed.toLocaleString()} failed</span> · <span className="muted">{run.counts.skipped.toLocaleString()} skipped</span>
      </p>
      {run.diagnoses.length > 0 && <DiagnosisView diagnoses={run.diagnoses} />}
      <RunChart specs={ran} selected={selected} onSelect={setSelected} />
      {ran.length > slowestShown && <DurationHistogram specs={ran} />}
      <div className="results-body">
        <div className="spec-column">
          <div className="tabs spec-tabs" role="tablist" aria-label="Which specs">
            {tabs.map(([id, label, count]) => (
              <button key={id} type="button" role="tab" aria-selected={active === id} onClick={() => setFilter(id)}>
                {label} ({count.toLocaleString()})
              </button>
            ))}
            <input type="search" placeholder="Find a spec" aria-label="Find a spec" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          {search.trim() && (
            <p className="muted small search-count" role="status">
              {listed.length.toLocaleString()} of {byTab[active].length.toLocaleString()} match “{search.trim()}”
            </p>
          )}
          <VirtualSpecList specs={listed} selected={selected} onSelect={setSelected} />
          {listed.length === 0 && <p className="muted small">No spec here.</p>}
        </div>
        {spec && <SpecDetail key={spec.name} runId={run.id} spec={spec} />}
      </div>
    </section>
  );
}
