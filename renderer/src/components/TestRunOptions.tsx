import { useStudio } from '../store/studio-store.js';
import type { E2eFilters } from '../../../shared/e2e/e2e-filters.js';

const numberFields = [
  { id: 'nodes', label: 'Parallel nodes (ginkgo --nodes)', min: 1, max: 32 },
  { id: 'flakeAttempts', label: 'Flake attempts', min: 0, max: 5 },
  { id: 'timeoutMinutes', label: 'Timeout (minutes)', min: 1, max: 1440 },
] as const;

/** How the specs run: fail-fast, parallel nodes, flake attempts and the suite timeout. */
export function TestRunOptions({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const saved = useStudio((state) => state.settings?.e2eFilters);
  const updateSettings = useStudio((state) => state.updateSettings);
  if (!saved) return null;
  const change = (patch: Partial<E2eFilters>): void => void updateSettings({ e2eFilters: { ...saved, ...patch } });
  return (
    <fieldset className="panel form run-options" disabled={disabled}>
      <legend>How to run</legend>
      <label className="checkbox">
        <input type="checkbox" checked={saved.failFast} onChange={(e) => change({ failFast: e.target.checked })} />
        Stop at the first failure (fail-fast)
      </label>
      {numberFields.map((field) => (
        <label key={field.id}>
          {field.label}
          <input
            type="number"
            min={field.min}
            max={field.max}
            value={saved[field.id]}
            onChange={(e) => {
              const value = Number.parseInt(e.target.value, 10);
              if (Number.isInteger(value) && value >= field.min && value <= field.max) change({ [field.id]: value });
            }}
          />
        </label>
      ))}
    </fieldset>
  );
}
