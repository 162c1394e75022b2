/**
 * Reads `git status --porcelain=v1 -z --untracked-files=all`: changed tracked files (including
 * staged, deleted and both sides of a rename) and untracked files, each sorted.
 */
export function parseGitStatus(output: string): { dirty: string[]; untracked: string[] } {
  const dirty = new Set<string>();
  const untracked: string[] = [];
  const fields = output.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i] ?? '';
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    const file = entry.slice(3);
    if (status === '??') untracked.push(file);
    else if (status !== '!!') dirty.add(file);
    // A rename or copy is followed by its original path as the next field.
    if (status[0] === 'R' || status[0] === 'C') {
      const from = fields[++i];
      if (from) dirty.add(from);
    }
  }
  return { dirty: [...dirty].sort(), untracked: untracked.sort() };
}
