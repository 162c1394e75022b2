import { useState } from 'react';
import { errorMessage } from '../api/studio-error.js';
import { useStudio } from '../store/studio-store.js';

/** Saves the run as a bash script that repeats its exact commands, to reproduce it outside the app or in CI. */
export function ExportScriptButton({ runId }: { runId: string }): React.JSX.Element {
  const api = useStudio((state) => state.api);
  const [problem, setProblem] = useState<string | undefined>();
  const save = async (): Promise<void> => {
    if (!api) return;
    try {
      const { fileName, script } = await api.request('runs:script', { id: runId });
      const url = URL.createObjectURL(new Blob([script], { type: 'text/x-shellscript' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setProblem(undefined);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <>
      <button type="button" onClick={() => void save()}>
        Export script
      </button>
      {problem && (
        <span className="warning" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
