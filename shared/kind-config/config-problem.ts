/** A problem in a kind config, at its place (1-based line and column; 0 when it is about the whole file). */
export interface ConfigProblem {
  severity: 'error' | 'warning';
  line: number;
  column: number;
  message: string;
}
