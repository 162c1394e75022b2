import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeSearchPath, engineSearchPath } from '../../electron/engine/tools/search-path.js';

describe('the search path every command gets', () => {
  it('keeps the app bin folder first and drops the folders npm adds for its scripts', () => {
    // What `npm start` puts in front of PATH (npm 11: node_modules/.bin of each parent, and run-script's node-gyp-bin).
    const app = path.join(os.tmpdir(), 'projects', 'app');
    const inherited = [path.join(app, 'node_modules', '.bin'), path.join(path.dirname(app), 'node_modules', '.bin'), '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin', '/usr/local/bin', '/usr/bin'].join(path.delimiter);
    expect(composeSearchPath({ binDir: '/data/bin', loginShell: ['/home/me/go/bin', '/usr/bin'], inherited, extras: ['/usr/local/go/bin'] })).toEqual(['/data/bin', '/home/me/go/bin', '/usr/bin', '/usr/local/bin', '/usr/local/go/bin']);
  });

  it('keeps folders that only look alike', () => {
    expect(composeSearchPath({ binDir: '/data/bin', loginShell: [], inherited: '/home/me/.nvm/versions/node/v20.19.0/bin:/opt/node_modules_tools/bin', extras: [] })).toEqual(['/data/bin', '/home/me/.nvm/versions/node/v20.19.0/bin', '/opt/node_modules_tools/bin']);
  });

  it('asks the login shell in a task of its own, after the one that starts the engine, and then uses its answer', async () => {
    let asked = false;
    const searchPath = engineSearchPath('/data/bin', async () => {
      asked = true;
      return ['/from/the/login/shell'];
    });
    await Promise.resolve();
    expect(asked).toBe(false);
    expect(searchPath()).not.toContain('/from/the/login/shell');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(asked).toBe(true);
    expect(searchPath()[1]).toBe('/from/the/login/shell');
  });
});
