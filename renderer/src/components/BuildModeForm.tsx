import { useState } from 'react';
import { useStudio } from '../store/studio-store.js';

const modes = [
  { id: 'kind', label: 'kind mode', detail: 'a node image from your source (a Docker build, many minutes the first time) and the test binaries' },
  { id: 'remote', label: 'remote mode', detail: 'your kube-scheduler and the test binaries, no image (minutes the first time, seconds after)' },
] as const;

/** Which mode the Build step builds for; saved at once. */
export function BuildModeForm({ disabled, legend = 'Build for' }: { disabled: boolean; legend?: string }): React.JSX.Element | null {
  const saved = useStudio((state) => state.settings?.mode);
  const updateSettings = useStudio((state) => state.updateSettings);
  // The choice shows at once; the saved setting follows when the engine answers.
  const [chosen, setChosen] = useState<typeof saved>(undefined);
  const [problem, setProblem] = useState<string | undefined>();
  const mode = chosen ?? saved;
  if (!mode) return null;
  const choose = async (next: 'kind' | 'remote'): Promise<void> => {
    setChosen(next);
    const refused = await updateSettings({ mode: next });
    setProblem(refused);
    setChosen(undefined);
  };
  return (
    <fieldset className="panel form" disabled={disabled}>
      <legend>{legend}</legend>
      {modes.map((option) => (
        <label key={option.id} className="checkbox">
          <input type="radio" name="mode" value={option.id} checked={mode === option.id} onChange={() => void choose(option.id)} />
          <span>
            <strong>{option.label}</strong> <span className="muted">— {option.detail}</span>
          </span>
        </label>
      ))}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
