export interface FingerprintInputs {
  /** The exact build command. */
  argv: readonly string[];
  /** Tool versions that change the output (go, kind, make). */
  tools: Record<string, string>;
  /**
   * What the artefact's sources hold: git's blob id of each file of its package folders as it is now
   * (at HEAD, or in the working tree when changed; "deleted" for a removed one), or, for the whole
   * tree, "." and HEAD's tree hash.
   */
  trees: Record<string, string>;
  /** For the whole tree only: content hashes of its changed and untracked files; "deleted" for removed ones. */
  changes: Record<string, string>;
  /** Files that change every build: go.mod, go.sum, .go-version. */
  buildFiles: Record<string, string>;
}

const sortedEntries = (record: Record<string, string>): string[] =>
  Object.keys(record)
    .sort()
    .map((key) => `${key}=${record[key]}`);

/**
 * The canonical text a fingerprint is the hash of: the same inputs give the same text whatever the
 * order they were gathered in. A commit that touches nothing an artefact is built from leaves it alone.
 */
export function fingerprintMaterial(inputs: FingerprintInputs): string {
  return [
    'studio-fingerprint/2',
    `argv ${JSON.stringify(inputs.argv)}`,
    ...sortedEntries(inputs.tools).map((line) => `tool ${line}`),
    ...sortedEntries(inputs.buildFiles).map((line) => `file ${line}`),
    ...sortedEntries(inputs.trees).map((line) => `tree ${line}`),
    ...sortedEntries(inputs.changes).map((line) => `change ${line}`),
  ].join('\n');
}
