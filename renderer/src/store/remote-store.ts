import { create } from 'zustand';
import type { RemoteStatus } from '../../../shared/remote/remote-facts.js';

/** Remote mode as the engine reports it: an unrestored swap, the local scheduler, its problem. */
export const useRemote = create<{ status?: RemoteStatus; set(status: RemoteStatus): void }>()((set) => ({
  set: (status) => set({ status }),
}));
