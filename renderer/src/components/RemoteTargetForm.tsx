import { useEffect, useMemo, useState } from 'react';
import type { RequestOutput } from '../../../shared/ipc/contract.js';
import { formatFeatureGates, parseFeatureGates } from '../../../shared/remote/feature-gates.js';
import { schedulerConfigProblems } from '../../../shared/remote/scheduler-config.js';
import { errorMessage } from '../api/studio-error.js';
import { useStudio } from '../store/studio-store.js';

type Contexts = RequestOutput<'remote:contexts'>;

/**
 * Remote mode's target: a kubeconfig file, one of its contexts (never the current one by default),
 * the context's name typed again when it is not a local cluster, and extra scheduler config.
 */
export function RemoteTargetForm({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const api = useStudio((state) => state.api);
  const saved = useStudio((state) => state.settings?.remote);
  const updateSettings = useStudio((state) => state.updateSettings);
  const [file, setFile] = useState(saved?.kubeconfig ?? '');
  const [listed, setListed] = useState<Contexts | undefined>();
  const [typed, setTyped] = useState(saved?.confirmedContext ?? '');
  const [extra, setExtra] = useState(saved?.schedulerConfigExtra ?? '');
  const [gatesText, setGatesText] = useState(formatFeatureGates(saved?.featureGates ?? {}));
  const [problem, setProblem] = useState<string | undefined>();
  // The choice shows at once; the saved setting follows when the engine answers.
  const [picked, setPicked] = useState<string | undefined>();
  const extraProblems = useMemo(() => (extra.trim() ? schedulerConfigProblems(extra) : []), [extra]);
  const gates = useMemo(() => parseFeatureGates(gatesText), [gatesText]);

  const list = async (kubeconfig: string): Promise<void> => {
    if (!api) return;
    try {
      setListed(await api.request('remote:contexts', { kubeconfig }));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  useEffect(() => {
    void list(saved?.kubeconfig ?? '');
    // Listed when the form opens, and again once a new file name is saved.
  }, [api, saved?.kubeconfig]);
  if (!saved) return null;

  const save = async (patch: Partial<typeof saved>): Promise<void> => {
    setProblem(await updateSettings({ remote: { ...saved, ...patch } }));
  };
  const current = picked ?? saved.context;
  const chosen = listed?.contexts.find((c) => c.name === current);
  const needsTyping = chosen !== undefined && !chosen.local;
  return (
    <fieldset className="panel form remote-form" disabled={disabled}>
      <legend>Remote cluster</legend>
      <label>
        Kubeconfig file
        <input
          value={file}
          placeholder={listed?.file ?? '~/.kube/config'}
          spellCheck={false}
          onChange={(e) => setFile(e.target.value)}
          onBlur={() => void save({ kubeconfig: file })}
        />
      </label>
      {listed?.problem && (
        <p className="field-error" role="alert">
          {listed.problem}
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
            {listed.contexts.map((context) => (
              <tr key={context.name}>
                <td>
                  <input
                    type="radio"
                    name="context"
                    aria-label={`Use ${context.name}`}
                    checked={current === context.name}
                    onChange={() => {
                      setPicked(context.name);
                      void save({ context: context.name });
                    }}
                  />
                </td>
                <td>
                  {context.name} {context.local && <span className="chip">local</span>} {listed.current === context.name && <span className="chip">current</span>}
                </td>
                <td>
                  <code>{context.server ?? '?'}</code>
                </td>
                <td>{context.user}</td>
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
          <input value={typed} spellCheck={false} aria-label="Type the context name to confirm" onChange={(e) => setTyped(e.target.value)} onBlur={() => void save({ confirmedContext: typed })} />
          {typed && typed !== chosen.name && <span className="field-error">That is not the context's name.</span>}
          {saved.confirmedContext === chosen.name && <span className="ok small">Confirmed.</span>}
        </label>
      )}
      <label>
        Extra scheduler configuration (YAML merged into the KubeSchedulerConfiguration: profiles, plugins, pluginConfig)
        <textarea
          rows={5}
          value={extra}
          spellCheck={false}
          placeholder={'profiles:\n  - schedulerName: default-scheduler\n    plugins:\n      score:\n        disabled:\n          - name: NodeResourcesBalancedAllocation'}
          aria-invalid={extraProblems.length > 0}
          onChange={(e) => setExtra(e.target.value)}
          onBlur={() => {
            if (extraProblems.length === 0) void save({ schedulerConfigExtra: extra });
          }}
        />
      </label>
      {extraProblems.map((p) => (
        <p key={`${p.line ?? 0}:${p.message}`} className="field-error" role="alert">
          {p.line !== undefined ? `line ${p.line}: ` : ''}
          {p.message}
        </p>
      ))}
      <label>
        Feature gates (kube-scheduler --feature-gates, e.g. SchedulerQueueingHints=true, OtherGate=false)
        <input
          value={gatesText}
          spellCheck={false}
          placeholder="SchedulerQueueingHints=true"
          aria-invalid={gates.problem !== undefined}
          onChange={(e) => setGatesText(e.target.value)}
          onBlur={() => {
            if (gates.problem === undefined) void save({ featureGates: gates.gates });
          }}
        />
      </label>
      {gates.problem && (
        <p className="field-error" role="alert">
          {gates.problem}
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
