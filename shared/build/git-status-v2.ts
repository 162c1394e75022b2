/** What the Build step needs of a checkout's state, from one `git status --porcelain=v2 -z --branch --untracked-files=all`. */
export interface CheckoutState {
  /** HEAD's commit ("# branch.oid"); undefined before the first commit. */
  commit?: string;
  /** Changed tracked files: staged, unstaged, deleted, unmerged, and both paths of a rename or copy. */
  dirty: string[];
  untracked: string[];
}

/**
 * Reads git's porcelain v2 status with -z (git-status(1), "Porcelain Format Version 2"): header
 * lines "# branch.oid <commit> | (initial)"; "1 XY sub mH mI mW hH hI <path>" for a changed entry;
 * "2 XY sub mH mI mW hH hI Xscore <path>" followed by the original path as its own field for a
 * rename or copy; "u XY sub m1 m2 m3 mW h1 h2 h3 <path>" for an unmerged one; "? <path>" untracked;
 * "! <path>" ignored (not asked for). Paths are never quoted with -z.
 */
export function parseGitStatusV2(output: string): CheckoutState {
  const dirty = new Set<string>();
  const untracked: string[] = [];
  let commit: string | undefined;
  const fields = output.split('\0');
  // A path is the text after a fixed number of space-separated fields (it may itself hold spaces).
  const after = (entry: string, count: number): string => {
    let at = 0;
    for (let i = 0; i < count; i++) at = entry.indexOf(' ', at) + 1;
    return at > 0 ? entry.slice(at) : '';
  };
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i] ?? '';
    if (entry.startsWith('# branch.oid ')) {
      const oid = entry.slice('# branch.oid '.length).trim();
      commit = /^[0-9a-f]{40,64}$/.test(oid) ? oid : undefined;
    } else if (entry.startsWith('1 ')) {
      dirty.add(after(entry, 8));
    } else if (entry.startsWith('2 ')) {
      dirty.add(after(entry, 9));
      const from = fields[++i];
      if (from) dirty.add(from);
    } else if (entry.startsWith('u ')) {
      dirty.add(after(entry, 10));
    } else if (entry.startsWith('? ')) {
      untracked.push(entry.slice(2));
    }
  }
  dirty.delete('');
  return { commit, dirty: [...dirty].sort(), untracked: untracked.sort() };
}
