import { useEffect, useMemo, useState } from 'react';
import { formFromConfig, renderKindConfig, type KindConfigForm } from '../../../shared/kind-config/kind-config-form.js';
import { validateKindConfig } from '../../../shared/kind-config/validate-kind-config.js';
import { kindConfigDraft } from '../drafts/setting-drafts.js';
import { useSettingsDraft } from '../drafts/use-settings-draft.js';
import { DraftNotice } from './DraftNotice.js';
import { YamlEditor } from './YamlEditor.js';

const lines = (record: Record<string, string | boolean>): string =>
  Object.entries(record)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join('\n');

function parseLines<V>(text: string, value: (raw: string) => V | undefined): Record<string, V> {
  const out: Record<string, V> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at <= 0) continue;
    const parsed = value(line.slice(at + 1).trim());
    if (parsed !== undefined) out[line.slice(0, at).trim()] = parsed;
  }
  return out;
}

const patchSeparator = '# next patch';

function joinPatches(patches: string[]): string {
  return patches.map((patch) => patch.trimEnd()).join(`\n${patchSeparator}\n`);
}

function splitPatches(text: string): string[] {
  return text
    .split(new RegExp(`^${patchSeparator}\\s*$`, 'm'))
    .map((patch) => patch.trim())
    .filter(Boolean);
}

/**
 * The kind config as a form and as YAML, kept in step: a form change rewrites the YAML, a YAML edit
 * fills the form where it can. Every problem is shown on its line, as the user types, before kind runs.
 */
export function KindConfigEditor({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const draft = useSettingsDraft(kindConfigDraft);
  const yaml = draft?.value ?? '';
  const [gates, setGates] = useState(() => lines(formFromConfig(yaml)?.featureGates ?? {}));
  const [runtime, setRuntime] = useState(() => lines(formFromConfig(yaml)?.runtimeConfig ?? {}));
  const [patches, setPatches] = useState(() => joinPatches(formFromConfig(yaml)?.kubeadmPatches ?? []));
  const problems = useMemo(() => validateKindConfig(yaml), [yaml]);
  const form = useMemo(() => formFromConfig(yaml), [yaml]);
  const followed = draft && !draft.dirty ? yaml : undefined;
  useEffect(() => {
    // Put back, saved, or changed elsewhere without an edit here: the small fields show the config again.
    if (followed === undefined) return;
    const next = formFromConfig(followed);
    setGates(lines(next?.featureGates ?? {}));
    setRuntime(lines(next?.runtimeConfig ?? {}));
    setPatches(joinPatches(next?.kubeadmPatches ?? []));
  }, [followed]);
  if (!draft) return null;
  const setYaml = (text: string): void => draft.edit(text);
  const errors = problems.filter((p) => p.severity === 'error');

  const change = (patch: Partial<KindConfigForm>): void => {
    if (!form) return;
    setYaml(renderKindConfig({ ...form, ...patch }));
  };
  const editYaml = (text: string): void => {
    setYaml(text);
    const next = formFromConfig(text);
    if (next) {
      setGates(lines(next.featureGates));
      setRuntime(lines(next.runtimeConfig));
      setPatches(joinPatches(next.kubeadmPatches));
    }
  };

  return (
    <section className="panel kind-config" aria-label="kind config">
      <h3>kind config</h3>
      <DraftNotice draft={draft} />
      <fieldset className="form config-form" disabled={disabled || !form}>
        <label>
          Name
          <input value={form?.name ?? ''} onChange={(e) => change({ name: e.target.value })} />
        </label>
        <label>
          Control-plane nodes
          <input type="number" min={1} max={3} value={form?.controlPlanes ?? 1} onChange={(e) => change({ controlPlanes: Number(e.target.value) })} />
        </label>
        <label>
          Workers
          <input type="number" min={0} max={10} value={form?.workers ?? 2} onChange={(e) => change({ workers: Number(e.target.value) })} />
        </label>
        <label>
          IP family
          <select value={form?.ipFamily ?? 'ipv4'} onChange={(e) => change({ ipFamily: e.target.value as KindConfigForm['ipFamily'] })}>
            <option value="ipv4">ipv4</option>
            <option value="ipv6">ipv6</option>
            <option value="dual">dual</option>
          </select>
        </label>
        <label>
          kube-proxy mode
          <select value={form?.kubeProxyMode ?? 'iptables'} onChange={(e) => change({ kubeProxyMode: e.target.value as KindConfigForm['kubeProxyMode'] })}>
            <option value="iptables">iptables</option>
            <option value="ipvs">ipvs</option>
            <option value="nftables">nftables</option>
            <option value="none">none</option>
          </select>
        </label>
        <label>
          Feature gates (Name=true, one per line)
          <textarea
            rows={3}
            value={gates}
            onChange={(e) => setGates(e.target.value)}
            onBlur={() => change({ featureGates: parseLines(gates, (v) => (v === 'true' ? true : v === 'false' ? false : undefined)) })}
          />
        </label>
        <label>
          Runtime config (key=value, one per line)
          <textarea rows={3} value={runtime} onChange={(e) => setRuntime(e.target.value)} onBlur={() => change({ runtimeConfig: parseLines(runtime, (v) => v) })} />
        </label>
        <label className="wide">
          Extra kubeadm patches (YAML; separate patches with a line "# next patch")
          <textarea rows={5} spellCheck={false} value={patches} onChange={(e) => setPatches(e.target.value)} onBlur={() => change({ kubeadmPatches: splitPatches(patches) })} />
        </label>
      </fieldset>
      <YamlEditor label="kind config YAML" value={yaml} onChange={editYaml} problems={problems} disabled={disabled} />
      <ul className="config-problems" data-testid="config-problems">
        {problems.map((problem) => (
          <li key={`${problem.line}:${problem.column}:${problem.message}`} className={problem.severity}>
            {problem.line > 0 ? `line ${problem.line}: ` : ''}
            {problem.message}
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" onClick={() => void draft.save()} disabled={disabled || errors.length > 0 || !draft.dirty || draft.saving}>
          Save config
        </button>
        {draft.dirty && (
          <button type="button" onClick={() => draft.revert()} disabled={disabled}>
            Put back the saved config
          </button>
        )}
        {errors.length === 0 && !draft.dirty && <span className="muted small">saved; this is what kind will get</span>}
        {draft.refused && (
          <span className="field-error" role="alert">
            {draft.refused}
          </span>
        )}
      </div>
    </section>
  );
}
