/**
 * Test hook for the swap protocol's fault-injection tests: when STUDIO_FAULT_POINT names this point,
 * the engine kills itself with SIGKILL right here, as a crash or power loss would. Unset, it does
 * nothing.
 */
export function faultPoint(name: string): void {
  if (process.env.STUDIO_FAULT_POINT === name) process.kill(process.pid, 'SIGKILL');
}

/** Every point, in protocol order (the tests walk them all). */
export const faultPoints = ['journal-planned', 'scaled-down', 'journal-scaled-down', 'scheduler-started', 'journal-scheduler-started', 'swapped'] as const;
