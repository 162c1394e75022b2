import { useState } from 'react';
import type { ToolName } from '../../../shared/toolchain/tool-report.js';
import { useStudio } from '../store/studio-store.js';

const tools: ToolName[] = ['docker', 'go', 'git', 'make', 'bash', 'kubectl', 'kind'];

/** Explicit paths that win over PATH, one per tool; empty means "find it on PATH". */
export function ToolPathsForm({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const saved = useStudio((state) => state.settings?.toolPaths);
  const updateSettings = useStudio((state) => state.updateSettings);
  const [paths, setPaths] = useState<Record<string, string>>(() => ({ ...saved }));
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  if (!saved) return null;
  const dirty = tools.some((tool) => (paths[tool] ?? '') !== (saved[tool] ?? ''));

  const save = async (): Promise<void> => {
    setDone(false);
    const cleaned = Object.fromEntries(Object.entries(paths).map(([tool, file]) => [tool, file.trim()]).filter(([, file]) => file !== ''));
    const refused = await updateSettings({ toolPaths: cleaned });
    setProblem(refused);
    setDone(!refused);
  };

  return (
    <details className="panel">
      <summary>Tool paths (optional: override what PATH finds)</summary>
      <form
        className="form tool-paths"
        aria-label="Tool paths"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {tools.map((tool) => (
          <label key={tool}>
            {tool}
            <input value={paths[tool] ?? ''} placeholder="found on PATH" disabled={disabled} onChange={(e) => setPaths({ ...paths, [tool]: e.target.value })} aria-invalid={Boolean(problem?.includes(` ${tool} `))} />
          </label>
        ))}
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" disabled={disabled || !dirty}>
            Save paths
          </button>
          {done && !dirty && <span className="muted small">saved; run the step again to use them</span>}
        </div>
      </form>
    </details>
  );
}
