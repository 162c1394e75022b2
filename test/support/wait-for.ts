/** How a wait may be tuned; a bare number is the timeout in ms. */
export interface WaitOptions {
  /**
   * How long to wait before failing. Generous by default: a wait costs nothing when its condition
   * comes early, and a loaded 2-core machine can be many times slower than an idle one.
   */
  timeoutMs?: number;
  /** What was seen instead, for the timeout message: the last output, a step's state, a pod's phase. */
  describe?: () => string | Promise<string>;
  /** How often to look; 25 ms unless the check itself is costly (an API call, a `ps`). */
  intervalMs?: number;
}

export const defaultWaitMs = 30_000;

/**
 * Polls `check` until it returns a value other than undefined/false and returns that value, or
 * fails after the timeout with `what` and, from `describe`, what was seen instead. Assert on the
 * value it returns (or on exactly the condition it checked), never on something that comes later.
 */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, options: number | WaitOptions = {}): Promise<T> {
  const { timeoutMs = defaultWaitMs, describe, intervalMs = 25 } = typeof options === 'number' ? { timeoutMs: options } : options;
  const started = Date.now();
  const deadline = started + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    last = value;
    if (Date.now() > deadline) {
      const seen = describe ? await seenBy(describe) : `the check last returned ${String(last)}`;
      throw new Error(`Timed out after ${Date.now() - started} ms (limit ${timeoutMs} ms) waiting for ${what}.\nSeen instead: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

async function seenBy(describe: () => string | Promise<string>): Promise<string> {
  try {
    return await describe();
  } catch (error) {
    return `(describing it failed: ${error instanceof Error ? error.message : String(error)})`;
  }
}
