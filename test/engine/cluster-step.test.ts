import { appendFile, mkdir, readFile } from 'node:fs/promises';
import type { StepId } from '../../shared/steps/step-id.js';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stripAnsi } from '../../shared/output/strip-ansi.js';
import { defaultKindConfigForm, renderKindConfig } from '../../shared/kind-config/kind-config-form.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { startReadyzStandin } from '../support/readyz-standin.js';
import { useTempDir } from '../support/use-temp-dir.js';
import { runStep, standin } from './build-fixture.js';

const cluster = (info: StepInfo) => (info.result?.kind === 'cluster' ? info.result.cluster : undefined);
const argvs = (info: StepInfo): string[][] => info.commands.map((c) => c.argv);

describe('the Cluster and Teardown steps in kind mode (stand-in kind and docker)', () => {
  const temp = useTempDir('cluster');
  let settings: Record<string, unknown>;
  let dataDir: string;
  let checkout: string;
  const env = ['STUDIO_STANDIN_STATE', 'STUDIO_STANDIN_APISERVER', 'STUDIO_STANDIN_FAIL_CREATE', 'STUDIO_STANDIN_NO_KUBECONFIG'];

  beforeEach(async () => {
    checkout = await createMiniKubernetes(path.join(temp.dir, 'kubernetes'));
    dataDir = path.join(temp.dir, 'data');
    await mkdir(dataDir);
    process.env.STUDIO_STANDIN_STATE = path.join(temp.dir, 'standin-state');
    settings = { sourceDir: checkout, mode: 'kind', toolPaths: { kind: standin('kind'), docker: standin('docker') }, kindConfig: renderKindConfig(defaultKindConfigForm) };
  });
  afterEach(() => {
    for (const name of env) delete process.env[name];
  });

  const step = (id: StepId, extra: Record<string, unknown> = {}) => runStep(dataDir, id, { ...settings, ...extra });

  it('creates the cluster from the built node image with the exact argv, and checks it exists with a current context', async () => {
    expect((await step('build')).outcome).toBe('success');
    const info = await step('cluster');
    expect(info.outcome, info.error?.message).toBe('success');
    const facts = cluster(info);
    const dir = path.join(dataDir, 'clusters', 'e2e');
    expect(facts).toMatchObject({ name: 'e2e', context: 'kind-e2e', kubeconfig: path.join(dir, 'kubeconfig'), configPath: path.join(dir, 'kind-config.yaml'), reused: false });
    expect(facts?.image).toMatch(/^kindest\/node:studio-[0-9a-f]{12}$/);
    expect(argvs(info)).toContainEqual([standin('kind'), 'create', 'cluster', '--name', 'e2e', '--image', facts?.image, '--config', facts?.configPath, '--kubeconfig', facts?.kubeconfig, '--retain', '--wait', '5m']);
    expect(await readFile(facts?.configPath ?? '', 'utf8')).toBe(settings.kindConfig);
  });

  it('reuses a cluster of the same name and image that answers, and refuses one from another image', async () => {
    const apiserver = await startReadyzStandin();
    process.env.STUDIO_STANDIN_APISERVER = apiserver.url;
    try {
      await step('build');
      await step('cluster');
      const again = await step('cluster');
      expect(again.outcome, again.error?.message).toBe('success');
      expect(cluster(again)?.reused).toBe(true);
      expect(argvs(again).some((argv) => argv[1] === 'create')).toBe(false);

      // kind-target.ts: with the app's kubeconfig in place, docker and the API server are asked at
      // once: each starts before the other ends. docker's answer carries kind's cluster label, so
      // kind itself is not asked. The terminal still shows each one's line with its answer.
      const questions = again.commands.filter((c) => c.argv[1] === 'inspect' || c.argv.includes('/readyz'));
      expect(questions.map((c) => c.argv.at(-1))).toEqual(['e2e-control-plane', '/readyz']);
      expect(argvs(again).some((argv) => argv[1] === 'get' && argv[2] === 'clusters')).toBe(false);
      const firstEnd = Math.min(...questions.map((c) => c.endedAt ?? Infinity));
      for (const c of questions) expect(c.startedAt, c.argv.join(' ')).toBeLessThanOrEqual(firstEnd);
      const lines = stripAnsi(await readFile(again.logPath ?? '', 'utf8')).split(/\r?\n/);
      const answerTo = (end: string) => lines[lines.findIndex((line) => line.startsWith('$ ') && line.endsWith(end)) + 1];
      expect(answerTo(`"io.x-k8s.kind.cluster"}}' e2e-control-plane`)).toBe(`${cluster(again)?.image} e2e`);
      expect(answerTo('get --raw /readyz')).toBe('ok');

      await appendFile(path.join(checkout, 'docs/README.md'), 'a change\n');
      await step('build');
      const other = await step('cluster');
      expect(other.outcome).toBe('failure');
      expect(other.error?.message).toMatch(/A kind cluster named e2e already exists, running kindest\/node:studio-[0-9a-f]{12}, not kindest\/node:studio-[0-9a-f]{12}-dirty-/);
    } finally {
      await apiserver.close();
    }
  });

  it('creates the cluster again when it was deleted outside the app and only the app’s kubeconfig is left', async () => {
    const apiserver = await startReadyzStandin();
    process.env.STUDIO_STANDIN_APISERVER = apiserver.url;
    try {
      await step('build');
      expect((await step('cluster')).outcome).toBe('success');
      // `kind delete cluster --name e2e` typed in a terminal: the app's kubeconfig keeps its context.
      await execa(standin('kind'), ['delete', 'cluster', '--name', 'e2e']);
      const again = await step('cluster');
      expect(again.outcome, again.error?.message).toBe('success');
      expect(cluster(again)?.reused).toBe(false);
      expect(argvs(again).filter((argv) => argv[1] === 'create')).toHaveLength(1);
      // docker knew no control-plane container, so kind was asked before anything was created.
      expect(argvs(again).some((argv) => argv[1] === 'get' && argv[2] === 'clusters')).toBe(true);
      expect(await readFile(again.logPath ?? '', 'utf8')).toContain('kind does not list a cluster named e2e any more (deleted outside the app?); creating it.');
    } finally {
      await apiserver.close();
    }
  });

  it('a failed creation exports kind’s logs, lists them and explains the failure', async () => {
    await step('build');
    process.env.STUDIO_STANDIN_FAIL_CREATE = '1';
    const info = await step('cluster');
    expect(info.outcome).toBe('failure');
    expect(info.error?.exitCode).toBe(1);
    expect(cluster(info)?.logFiles).toEqual(expect.arrayContaining(['e2e-control-plane/kubelet.log', 'kind-version.txt']));
    expect(argvs(info)).toContainEqual([standin('kind'), 'export', 'logs', cluster(info)?.logsDir, '--name', 'e2e']);
    expect(info.diagnoses?.map((d) => d.id)).toContain('kubeadm-init-failed');
  });

  it('says "never created" instead of leaving an empty kubeconfig for later', async () => {
    await step('build');
    process.env.STUDIO_STANDIN_NO_KUBECONFIG = '1';
    const info = await step('cluster');
    expect(info.outcome).toBe('failure');
    expect(info.error?.message).toMatch(/does not list a cluster named e2e: the cluster was never created/);
  });

  it('refuses a config with an unknown field before kind runs, naming the line', async () => {
    await step('build');
    const info = await step('cluster', { kindConfig: 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n    rolee: worker\n' });
    expect(info.outcome).toBe('failure');
    expect(info.error?.message).toMatch(/line 5: field rolee not found in type v1alpha4\.Node/);
    expect(argvs(info).some((argv) => argv[1] === 'create')).toBe(false);
  });

  it('asks for a node image when none was built', async () => {
    const info = await step('cluster');
    expect(info.error?.message).toMatch(/No node image has been built from .* yet: run the Build step in kind mode first/);
  });

  it('teardown keeps the cluster, or deletes it and the app’s kubeconfig', async () => {
    await step('build');
    await step('cluster');
    const kept = await step('teardown', { keepCluster: true });
    expect(kept.result).toEqual({ kind: 'teardown', action: 'kept', name: 'e2e' });
    const deleted = await step('teardown', { keepCluster: false });
    expect(deleted.outcome, deleted.error?.message).toBe('success');
    expect(deleted.result).toEqual({ kind: 'teardown', action: 'deleted', name: 'e2e' });
    // The app's own kubeconfig, never $KUBECONFIG or ~/.kube/config (kind edits whichever it is given).
    expect(argvs(deleted)).toContainEqual([standin('kind'), 'delete', 'cluster', '--name', 'e2e', '--kubeconfig', path.join(dataDir, 'clusters', 'e2e', 'kubeconfig')]);
    await expect(readFile(path.join(dataDir, 'clusters', 'e2e', 'kubeconfig'))).rejects.toThrow();
    expect((await step('teardown', { keepCluster: false })).result).toEqual({ kind: 'teardown', action: 'nothing', name: 'e2e' });
  });
});
