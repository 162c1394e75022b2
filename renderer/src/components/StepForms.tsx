import { lazy, Suspense } from 'react';
import type { StepInfo } from '../../../shared/steps/step-info.js';
import { BuildModeForm } from './BuildModeForm.js';
import { KindSettingsForm } from './KindSettingsForm.js';
import { RemoteTargetForm } from './RemoteTargetForm.js';
import { SourceForm } from './SourceForm.js';
import { TeardownForm } from './TeardownForm.js';
import { TestFiltersForm } from './TestFiltersForm.js';
import { TestRunOptions } from './TestRunOptions.js';
import { ToolPathsForm } from './ToolPathsForm.js';

// The kind config editor carries a YAML parser; it loads when the Cluster step is opened.
const KindConfigEditor = lazy(() => import('./KindConfigEditor.js').then((module) => ({ default: module.KindConfigEditor })));

interface StepFormsProps {
  step: StepInfo;
  mode: 'kind' | 'remote' | undefined;
  disabled: boolean;
}

/** The settings a step runs with, as forms: none for a step that only reports what it finds. */
export function StepForms({ step, mode, disabled }: StepFormsProps): React.JSX.Element {
  return (
    <>
      {step.id === 'kind' && <KindSettingsForm disabled={disabled} />}
      {step.id === 'source' && <SourceForm disabled={disabled} />}
      {step.id === 'toolchain' && <ToolPathsForm disabled={disabled} />}
      {step.id === 'build' && <BuildModeForm disabled={disabled} />}
      {step.id === 'mode' && <BuildModeForm disabled={disabled} legend="Mode" />}
      {step.id === 'mode' && mode === 'remote' && <RemoteTargetForm disabled={disabled} />}
      {step.id === 'cluster' && mode === 'kind' && (
        <Suspense fallback={<p className="muted">Loading the config editor…</p>}>
          <KindConfigEditor disabled={disabled} />
        </Suspense>
      )}
      {step.id === 'teardown' && mode === 'kind' && <TeardownForm disabled={disabled} />}
      {step.id === 'test' && <TestFiltersForm />}
      {step.id === 'test' && <TestRunOptions disabled={disabled} />}
    </>
  );
}
