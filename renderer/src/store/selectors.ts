import type { StepInfo } from '../../../shared/steps/step-info.js';
import type { StudioState } from './studio-store.js';

export const selectSelectedStep = (state: StudioState): StepInfo | undefined => state.steps.find((step) => step.id === state.selectedStepId);
