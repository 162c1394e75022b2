import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { kindDeleteArgv } from '../../shared/kind/kind-argv.js';
import { fixture } from '../support/fixtures.js';
import { realKind } from '../support/real-kind.js';
import { useTempDir } from '../support/use-temp-dir.js';

const run = promisify(execFile);
const standins = path.join(path.dirname(fixture('kind-configs')), '..', 'standins');

/** A user's kubeconfig with an entry of their own named like the app's cluster. */
const userKubeconfig = `apiVersion: v1
kind: Config
clusters:
- name: kind-e2e
  cluster: {server: "https://10.1.2.3:6443"}
contexts:
- name: kind-e2e
  context: {cluster: kind-e2e, user: kind-e2e}
current-context: kind-e2e
users:
- name: kind-e2e
  user: {token: someone-elses}
`;

/**
 * The real kind v0.32.0 removes kind-<name> from a kubeconfig when it deletes a cluster: from
 * the one given with --kubeconfig, else from $KUBECONFIG or ~/.kube/config. The stand-in docker
 * answers only its provider checks (no node containers), which is all kind delete needs to reach
 * the kubeconfig.
 */
describe('kind delete cluster and the user’s kubeconfig (real kind)', () => {
  const temp = useTempDir('kind-kubeconfig');
  let kind: string;
  beforeAll(async () => {
    kind = await realKind();
  }, 10 * 60_000);

  const setUp = async (): Promise<{ home: string; user: string; app: string; env: NodeJS.ProcessEnv }> => {
    const home = path.join(temp.dir, `home-${Math.random().toString(36).slice(2)}`);
    await mkdir(path.join(home, '.kube'), { recursive: true });
    const user = path.join(home, '.kube', 'config');
    await writeFile(user, userKubeconfig);
    const app = path.join(home, 'app-kubeconfig');
    await writeFile(app, userKubeconfig.replace('someone-elses', 'the-apps'));
    const env = { ...process.env, HOME: home, KUBECONFIG: undefined, PATH: `${standins}${path.delimiter}${process.env.PATH ?? ''}` };
    return { home, user, app, env };
  };

  it('without --kubeconfig, kind edits ~/.kube/config (what the app must never let it do)', async () => {
    const { user, env } = await setUp();
    await run(kind, ['delete', 'cluster', '--name', 'e2e'], { env, timeout: 60_000 });
    expect(await readFile(user, 'utf8')).not.toBe(userKubeconfig);
    expect(await readFile(user, 'utf8')).not.toContain('someone-elses');
  });

  it('with the app’s argv, ~/.kube/config is byte-for-byte unchanged and the app’s own file loses the entry', async () => {
    const { user, app, env } = await setUp();
    const [, ...args] = kindDeleteArgv({ name: 'e2e', kubeconfig: app });
    await run(kind, args, { env, timeout: 60_000 });
    expect(await readFile(user, 'utf8')).toBe(userKubeconfig);
    expect(await readFile(app, 'utf8')).not.toContain('the-apps');
  });
});
