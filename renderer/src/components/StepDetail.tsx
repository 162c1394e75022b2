import { lazy, Suspense } from 'react';
import type { E2eFilters } from '../../../shared/e2e/e2e-filters.js';
import { runHold, useDrafts } from '../drafts/drafts-store.js';
import { draftKeys } from '../drafts/draft-keys.js';
import { useStudio } from '../store/studio-store.js';
import { selectSelectedStep } from '../store/selectors.js';
import { CommandList } from './CommandList.js';
import { Duration } from './Duration.js';
import { AfterFirstPaint } from './AfterFirstPaint.js';
import { ClusterFactsView } from './ClusterFactsView.js';
import { BuildResultView } from './BuildResultView.js';
import { DiagnosisView } from './DiagnosisView.js';
import { SourceFactsView } from './SourceFactsView.js';
import { HostFactsView } from './HostFactsView.js';
import { KindInstallView } from './KindInstallView.js';
import { StepProgressBar } from './StepProgressBar.js';
import { TestProgressView } from './TestProgressView.js';
import { RemoteFactsView } from './RemoteFactsView.js';
import { ToolchainView } from './ToolchainView.js';
import { StatusBadge } from './StatusBadge.js';
import { StepError } from './StepError.js';
import { StepGuide } from './StepGuide.js';
import { StepHeading } from './StepHeading.js';

// A run's results (charts, the windowed list) load when a Test result is first shown.
const RunResults = lazy(() => import('./RunResults.js').then((module) => ({ default: module.RunResults })));
// The forms carry their checks (the RE2 reader, the YAML parser, zod): they load after the first
// paint, so the window's first script is only what draws the wizard.
const StepForms = lazy(() => import('./StepForms.js').then((module) => ({ default: module.StepForms })));

/** The selected step: what it does, its status, what it ran, what it found. */
export function StepDetail(): React.JSX.Element | null {
  const step = useStudio(selectSelectedStep);
  const runStep = useStudio((state) => state.runStep);
  const cancelStep = useStudio((state) => state.cancelStep);
  const requestError = useStudio((state) => (step ? state.stepErrors[step.id] : undefined));
  const mode = useStudio((state) => state.settings?.mode);
  const savedFilters = useStudio((state) => state.settings?.e2eFilters);
  const hold = useDrafts((state) => (step ? runHold(state.drafts, step.id) : undefined));
  const editedFilters = useDrafts((state) => state.drafts[draftKeys.e2eFilters]?.value as E2eFilters | undefined);
  if (!step) return null;
  const running = step.state === 'running';
  // The Test step runs with what its form shows, sent with the request.
  const run = (force?: boolean): void => void runStep(step.id, { force, ...(step.id === 'test' ? { e2eFilters: editedFilters ?? savedFilters } : {}) });
  return (
    <section className="step-detail" aria-labelledby="step-heading" data-testid="step-detail">
      <header className="step-header">
        <StepHeading step={step} />
        <div className="step-actions">
          <StatusBadge step={step} testIdPrefix="detail-status" />
          <Duration step={step} />
          {running ? (
            <button type="button" className="danger" onClick={() => void cancelStep(step.id)} disabled={step.cancelRequested}>
              {step.cancelRequested ? 'Stopping…' : 'Stop'}
            </button>
          ) : (
            <>
              {step.id === 'build' && step.state === 'done' && (
                <button type="button" onClick={() => run(true)} disabled={Boolean(hold)}>
                  Force rebuild
                </button>
              )}
              <button type="button" className="primary" onClick={() => run()} disabled={!step.available || Boolean(hold)} aria-describedby={hold ? 'run-hold' : undefined}>
                {step.state === 'done' ? 'Run again' : 'Run'}
              </button>
            </>
          )}
        </div>
      </header>
      {!step.available && <p className="muted">{step.unavailableReason}</p>}
      <StepGuide step={step} />
      {step.available && hold && !running && (
        <p id="run-hold" className="warning" role="status" data-testid="run-hold">
          Run waits: {hold}
        </p>
      )}
      {requestError && (
        <p className="warning" role="alert">
          {requestError}
        </p>
      )}
      {step.progress && (step.id === 'test' ? <TestProgressView progress={step.progress} /> : <StepProgressBar progress={step.progress} />)}
      {step.error && <StepError error={step.error} />}
      {step.diagnoses && step.diagnoses.length > 0 && <DiagnosisView diagnoses={step.diagnoses} />}
      <AfterFirstPaint>
        <StepForms step={step} mode={mode} disabled={running} />
      </AfterFirstPaint>
      {step.result?.kind === 'host' && <HostFactsView facts={step.result.facts} />}
      {step.result?.kind === 'toolchain' && <ToolchainView facts={step.result.facts} />}
      {step.result?.kind === 'kind-install' && <KindInstallView install={step.result.install} />}
      {step.result?.kind === 'source' && <SourceFactsView facts={step.result.facts} />}
      {step.result?.kind === 'build' && <BuildResultView build={step.result.build} />}
      {step.result?.kind === 'cluster' && <ClusterFactsView cluster={step.result.cluster} />}
      {step.result?.kind === 'mode' && step.result.remote && <RemoteFactsView facts={step.result.remote} />}
      {step.result?.kind === 'test' && (
        <Suspense fallback={<p className="muted">Loading the results…</p>}>
          <RunResults runId={step.result.run.id} />
        </Suspense>
      )}
      {step.result?.kind === 'teardown' && (
        <p className="panel" data-testid="teardown-result">
          {step.result.action === 'kept'
            ? `Kept the kind cluster ${step.result.name ?? ''}.`
            : step.result.action === 'deleted'
              ? `Deleted the kind cluster ${step.result.name ?? ''}.`
              : step.result.action === 'restored'
                ? `Gave ${step.result.name ?? 'the cluster'} its own scheduler back; the journal is cleared.`
                : 'There was nothing to tear down.'}
        </p>
      )}
      <CommandList commands={step.commands} />
      {step.logPath && (
        <p className="muted small">
          Full log: <code>{step.logPath}</code>
        </p>
      )}
    </section>
  );
}
