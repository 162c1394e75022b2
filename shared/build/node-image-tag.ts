/**
 * A Docker tag for a node image built from a commit: "studio-<12 hex>" plus "-dirty-<8 hex>" when
 * built with uncommitted changes. Docker tags allow [A-Za-z0-9_.-] up to 128 characters.
 */
export function nodeImageTag(commit: string, dirtyHash?: string): string {
  const clean = (text: string, length: number): string => text.toLowerCase().replace(/[^0-9a-f]/g, '').slice(0, length);
  return `studio-${clean(commit, 12)}${dirtyHash ? `-dirty-${clean(dirtyHash, 8)}` : ''}`;
}
