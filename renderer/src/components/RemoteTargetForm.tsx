import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { RequestOutput } from '../../../shared/ipc/contract.js';
import { parseFeatureGates } from '../../../shared/remote/feature-gates.js';
import { schedulerConfigProblems } from '../../../shared/remote/scheduler-config.js';
import { errorMessage } from '../api/studio-error.js';
import { confirmedContextDraft, featureGatesDraft, kubeconfigFileDraft, remoteContextDraft, schedulerConfigDraft } from '../drafts/setting-drafts.js';
import { useSettingsDraft } from '../drafts/use-settings-draft.js';
import { useStudio } from '../store/studio-store.js';
import { DraftNotice } from './DraftNotice.js';

type Contexts = RequestOutput<'remote:contexts'>;

// The code editor loads when remote mode's form is first shown, not with the app.
const YamlEditor = lazy(() => import('./YamlEditor.js').then((module) => ({ default: module.YamlEditor })));

/**
 * Remote mode's target: a kubeconfig file, one of its contexts (never the current one by default),
 * the context's name typed again when it is not a local cluster, and extra scheduler config. Each
 * field is saved a moment after typing stops (or when it is left), once it is valid.
 */
export function RemoteTargetForm({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const api = useStudio((state) => state.api);
  const file = useSettingsDraft(kubeconfigFileDraft);
  const context = useSettingsDraft(remoteContextDraft);
  const typed = useSettingsDraft(confirmedContextDraft);
  const extra = useSettingsDraft(schedulerConfigDraft);
  const gatesText = useSettingsDraft(featureGatesDraft);
  const [listed, setListed] = useState<Contexts | undefined>();
  const [listProblem, setListProblem] = useState<string | undefined>();
  const extraProblems = useMemo(() => (extra?.value.trim() ? schedulerConfigProblems(extra.value) : []), [extra?.value]);
  const gatesProblem = gatesText ? parseFeatureGates(gatesText.value).problem : undefined;
  const savedFile = file?.saved;

  useEffect(() => {
    if (!api || savedFile === undefined) return;
    setListProblem(undefined);
    api.request('remote:contexts', { kubeconfig: savedFile }).then(setListed, (error: unknown) => setListProblem(errorMessage(error)));
    // Listed when the form opens, and again once a new file name is saved.
  }, [api, savedFile]);
  if (!file || !context || !typed || !extra || !gatesText) return null;

  const chosen = listed?.contexts.find((c) => c.name === context.value);
  const needsTyping = chosen !== undefined && !chosen.local;
  const refused = [file, context, typed, extra, gatesText].map((draft) => draft.refused).find(Boolean);
  return (
    <fieldset className="panel form remote-form" disabled={disabled}>
      <legend>Remote cluster</legend>
      <label>
        Kubeconfig file
        <input value={file.value} placeholder={listed?.file ?? '~/.kube/config'} spellCheck={false} onChange={(e) => file.edit(e.target.value)} onBlur={() => void (file.dirty && file.save())} />
      </label>
      <DraftNotice draft={file} />
      {(listed?.problem ?? listProblem) && (
        <p className="field-error" role="alert">
          {listed?.problem ?? listProblem}
        </p>
      )}
      {listed && listed.contexts.length > 0 && (
        <table className="tools contexts" aria-label="Contexts">
          <thead>
            <tr>
              <th aria-label="Use" />
              <th>Context</th>
              <th>Server</th>
              <th>User</th>
            </tr>
          </thead>
          <tbody>
            {listed.contexts.map((entry) => (
              <tr key={entry.name}>
                <td>
                  <input type="radio" name="context" aria-label={`Use ${entry.name}`} checked={context.value === entry.name} onChange={() => void context.save(entry.name)} />
                </td>
                <td>
                  {entry.name} {entry.local && <span className="chip">local</span>} {listed.current === entry.name && <span className="chip">current</span>}
                </td>
                <td>
                  <code>{entry.server ?? '?'}</code>
                </td>
                <td>{entry.user}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {needsTyping && (
        <label>
          <span>
            <strong>{chosen.name}</strong> is not a local cluster. Its scheduler will be scaled to 0 while yours runs. Type its name to confirm:
          </span>
          <input value={typed.value} spellCheck={false} aria-label="Type the context name to confirm" onChange={(e) => typed.edit(e.target.value)} onBlur={() => void (typed.dirty && typed.save())} />
          {typed.value && typed.value !== chosen.name && <span className="field-error">That is not the context&apos;s name.</span>}
          {typed.saved === chosen.name && !typed.dirty && <span className="ok small">Confirmed.</span>}
        </label>
      )}
      <div className="field">
        <span id="scheduler-extra-label">Extra scheduler configuration (YAML merged into the KubeSchedulerConfiguration: profiles, plugins, pluginConfig)</span>
        <Suspense fallback={<p className="muted">Loading the editor…</p>}>
        <YamlEditor
          label="Extra scheduler configuration (YAML merged into the KubeSchedulerConfiguration)"
          value={extra.value}
          placeholder={'profiles:\n  - schedulerName: default-scheduler\n    plugins:\n      score:\n        disabled:\n          - name: NodeResourcesBalancedAllocation'}
          problems={extraProblems.map((p) => ({ ...p, severity: 'error' as const }))}
          disabled={disabled}
          onChange={(text) => extra.edit(text)}
          onBlur={() => void (extra.dirty && !extra.problem && extra.save())}
        />
        </Suspense>
      </div>
      <DraftNotice draft={extra} />
      {extraProblems.map((p) => (
        <p key={`${p.line ?? 0}:${p.message}`} className="field-error" role="alert">
          {p.line !== undefined ? `line ${p.line}: ` : ''}
          {p.message}
        </p>
      ))}
      <label>
        Feature gates (kube-scheduler --feature-gates, e.g. SchedulerQueueingHints=true, OtherGate=false)
        <input
          value={gatesText.value}
          spellCheck={false}
          placeholder="SchedulerQueueingHints=true"
          aria-invalid={gatesProblem !== undefined}
          onChange={(e) => gatesText.edit(e.target.value)}
          onBlur={() => void (gatesText.dirty && !gatesText.problem && gatesText.save())}
        />
      </label>
      {gatesProblem && (
        <p className="field-error" role="alert">
          {gatesProblem}
        </p>
      )}
      {refused && (
        <p className="field-error" role="alert">
          {refused}
        </p>
      )}
    </fieldset>
  );
}
