/** One capture of the flood: what arrived, how fast, and whether it is byte for byte what was sent. */
export interface CaptureResult {
  expectedBytes: number;
  capturedBytes: number;
  /** Expected bytes missing from the capture (0 when all arrived; extra bytes are not counted here). */
  lostBytes: number;
  /** Size and sha256 equal to the expected flood. */
  intact: boolean;
  seconds: number;
  /** What looked wrong, in words, when anything did. */
  problem?: string;
}

export function mibPerSecond(result: CaptureResult): number {
  return result.capturedBytes / (1024 * 1024) / result.seconds;
}
