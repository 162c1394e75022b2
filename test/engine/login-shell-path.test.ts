import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loginShellPath } from '../../electron/engine/tools/login-shell-path.js';

// A real login shell (bash) reading a real profile from a temporary HOME.
const bash = '/bin/bash';

describe.skipIf(!existsSync(bash))(`loginShellPath (${bash} present)`, () => {
  const savedHome = process.env.HOME;
  let home = '';
  afterEach(async () => {
    process.env.HOME = savedHome;
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('reads the PATH that the login profile sets', async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'studio-login-home-'));
    await writeFile(path.join(home, '.bash_profile'), 'export PATH="/studio-probe/bin:$PATH"\necho "profile chatter"\n');
    process.env.HOME = home;
    const entries = await loginShellPath(bash);
    expect(entries[0]).toBe('/studio-probe/bin');
    expect(entries.length).toBeGreaterThan(1);
  });

  it('answers nothing for a relative or missing shell', async () => {
    expect(await loginShellPath('bash')).toEqual([]);
    expect(await loginShellPath(path.join(os.tmpdir(), 'studio-no-such-shell'))).toEqual([]);
  });
});
