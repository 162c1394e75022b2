import { type ReactNode, Suspense, useSyncExternalStore } from 'react';

// Whether the window has drawn its first screen with this in it. Parts that are not on it (the
// terminal, the forms and their checks) wait for that, so loading and compiling them never delays
// it. Once true it stays true, so a view shown again later has them at once.
let painted = false;
let watching = false;
const listeners = new Set<() => void>();

function markPainted(): void {
  if (painted) return;
  painted = true;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!painted && !watching) {
    watching = true;
    // A frame callback runs before the paint, a task queued from it after. A hidden window gets no
    // frames, so a timer stands in for them there.
    requestAnimationFrame(() => setTimeout(markPainted, 0));
    setTimeout(markPainted, 500);
  }
  return () => listeners.delete(listener);
}

/**
 * Shows `fallback` until the screen it is part of has been painted once, then its children (lazy
 * ones suspend to the same fallback while they load). The wait starts when it is first shown, so
 * inside the wizard it waits for the wizard's paint, not for the connecting splash's.
 */
export function AfterFirstPaint({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }): ReactNode {
  const done = useSyncExternalStore(subscribe, () => painted);
  return done ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}
