import { useState } from 'react';
import { useStudio } from '../store/studio-store.js';

/** Keep the kind cluster for the next run, or delete it. */
export function TeardownForm({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const saved = useStudio((state) => state.settings?.keepCluster);
  const updateSettings = useStudio((state) => state.updateSettings);
  const [chosen, setChosen] = useState<boolean | undefined>();
  const keep = chosen ?? saved;
  if (keep === undefined) return null;
  const choose = async (value: boolean): Promise<void> => {
    setChosen(value);
    await updateSettings({ keepCluster: value });
    setChosen(undefined);
  };
  return (
    <fieldset className="panel form" disabled={disabled}>
      <legend>The kind cluster</legend>
      <label className="checkbox">
        <input type="radio" name="teardown" checked={keep} onChange={() => void choose(true)} />
        Keep it (the next run reuses it when the image is the same)
      </label>
      <label className="checkbox">
        <input type="radio" name="teardown" checked={!keep} onChange={() => void choose(false)} />
        Delete it (<code>kind delete cluster</code>) and its kubeconfig
      </label>
    </fieldset>
  );
}
