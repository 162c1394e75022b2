/** Compares dotted versions ("v0.30.0", "1.26.8", "go1.26"): negative, zero or positive. Missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string): number[] => (v.match(/\d+(\.\d+)*/)?.[0] ?? '0').split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
