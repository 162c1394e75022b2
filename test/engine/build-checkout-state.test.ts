import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseGitStatusV2 } from '../../shared/build/git-status-v2.js';
import { parseGitStatus } from '../../shared/source/parse-git-status.js';
import { useTempDir } from '../support/use-temp-dir.js';

const run = promisify(execFile);
const gitAs = ['-c', 'user.name=Studio Test', '-c', 'user.email=test@example.invalid'];

// The Build step reads commit and changes from one porcelain v2 status; it must list the same files
// as the Source step's porcelain v1 reading, on a real repository with every kind of change.
describe("the Build step's one-command checkout state, against the real git", () => {
  const temp = useTempDir('build-checkout-state');

  it('gives HEAD and the same changed and untracked files as porcelain v1: edits, a staged rename, a deletion, spaces, a sub-folder', async () => {
    const dir = temp.dir;
    const git = async (...args: string[]): Promise<string> => (await run('git', ['-C', dir, ...gitAs, ...args])).stdout;
    await git('init', '-q');
    for (const name of ['a.go', 'b c.go', 'd.go', 'e.go', 'pkg/f.go']) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), `package x // ${name}\n`);
    }
    await git('add', '-A');
    await git('commit', '-q', '-m', 'files');
    await writeFile(path.join(dir, 'a.go'), 'package x // edited\n');
    await writeFile(path.join(dir, 'b c.go'), 'package x // edited too\n');
    await git('mv', 'd.go', 'd moved.go');
    await rm(path.join(dir, 'e.go'));
    await git('add', 'pkg/f.go');
    await writeFile(path.join(dir, 'new file.go'), 'package x\n');
    await mkdir(path.join(dir, 'sub/deeper'), { recursive: true });
    await writeFile(path.join(dir, 'sub/deeper/g.go'), 'package deeper\n');

    const v2 = parseGitStatusV2(await git('status', '--porcelain=v2', '-z', '--branch', '--untracked-files=all'));
    const v1 = parseGitStatus(await git('status', '--porcelain=v1', '-z', '--untracked-files=all'));
    expect(v2.commit).toBe((await git('rev-parse', 'HEAD')).trim());
    expect({ dirty: v2.dirty, untracked: v2.untracked }).toEqual(v1);
    expect(v2.dirty).toEqual(['a.go', 'b c.go', 'd moved.go', 'd.go', 'e.go']);
    expect(v2.untracked).toEqual(['new file.go', 'sub/deeper/g.go']);
  });

  it('says there is no commit before the first one', async () => {
    await run('git', ['-C', temp.dir, 'init', '-q']);
    expect(parseGitStatusV2((await run('git', ['-C', temp.dir, 'status', '--porcelain=v2', '-z', '--branch', '--untracked-files=all'])).stdout).commit).toBeUndefined();
  });
});
