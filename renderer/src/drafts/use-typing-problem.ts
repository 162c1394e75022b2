import { useEffect } from 'react';
import type { WizardStepId } from '../../../shared/steps/step-catalog.js';
import { useDrafts } from './drafts-store.js';

/**
 * A field whose text is not a value yet (a number out of range, say) holds its step's Run back while
 * it shows that text, with the reason, so Run never runs the previous value behind the user's back.
 */
export function useTypingProblem(key: string, stepId: WizardStepId, label: string, problem: string | undefined): void {
  useEffect(() => {
    const store = useDrafts.getState();
    if (!problem) return store.drop(key);
    store.put(key, { value: undefined, base: undefined, stepId, label, problem, saving: false, runCarriesIt: true });
    return () => useDrafts.getState().drop(key);
  }, [key, stepId, label, problem]);
}
