import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import type { TestRun } from '../../shared/e2e/test-run.js';
import type { StepInfo } from '../../shared/steps/step-info.js';
import { acquireDockerEngine, type DockerEngine, type DockerEngineLease } from '../support/docker-engine.js';
import { createMiniKubernetes } from '../support/mini-kubernetes.js';
import { realKind, testKindVersion } from '../support/real-kind.js';
import { RecordingClient } from '../support/recording-client.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait-for.js';
import { focusFor } from './e2e-spec-run.js';
import { k8sBinaries, type K8sBinaries } from './k8s-binaries.js';
import { e2eImages, type E2eImages } from './kind-pods-real-images.js';
import { kindNodeImage, type KindNodeImage } from './kind-node-image.js';
import { bridgeCniDirs, clusterLabel, pointAtTestEngine, rememberNodeImage, removeKindCluster, runStep, stepFailure, type StepOfEngine, testKindConfig } from './kind-test-cluster.js';
import { knownSpecs } from './known-specs.js';
import { pinnedRelease } from './pinned-release.js';


/**
 * Issue #16 stage 4: e2e specs that need running containers (exec, logs, a ConfigMap volume read
 * by agnhost, a Service through kube-proxy) run from the app's Test step — the real e2e.test
 * v1.35.4 with the app's own argv and a ginkgo focus — against a one-node real kind cluster the
 * app's Cluster step made from the offline node image (kind-node-image.ts). The images the specs
 * run, agnhost and busybox, are made here (kind-pods-real-images.ts) under the names e2e.test
 * uses, and loaded into the node with the real `kind load docker-image`; e2e.test's pods set
 * imagePullPolicy IfNotPresent or leave it unset, which for a tag other than :latest is the
 * same, so the kubelet never tries the registry. known-specs.json's kindPassing and kindFailing say which pass here
 * and why the others cannot; each is asserted from the app's own run results.
 */
describe(`e2e specs with running containers on a real kind cluster (kind ${testKindVersion})`, () => {
  let lease: DockerEngineLease;
  let engine: DockerEngine;
  let kind: string;
  let binaries: K8sBinaries;
  let node: KindNodeImage;
  let images: E2eImages;
  let work: { dir: string; remove: () => Promise<void> };
  let app: Engine;
  let dataDir = '';
  let kubeconfig = '';
  const name = `studio-pods-${process.pid}`;
  const nodeName = `${name}-control-plane`;
  const known = knownSpecs();
  const passing = (known.kindPassing ?? []).map((s) => s.name);
  const failing = known.kindFailing ?? [];
  const specs = [...passing, ...failing.map((s) => s.name)];
  const focus = specs.map(focusFor).join('|');
  let restoreEnv = (): void => undefined;
  const docker = (args: string[]) => execa(engine.client, args, { env: engine.env, reject: false });
  const kubectl = (args: string[]) => execa(binaries.kubectl, ['--kubeconfig', kubeconfig, '--request-timeout=10s', ...args], { reject: false });
  const kindClusters = async () => (await execa(kind, ['get', 'clusters'], { env: engine.env, reject: false })).stdout.split('\n').filter(Boolean);
  const timings: Record<string, number> = {};
  const timed = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await run();
    } finally {
      timings[what] = Date.now() - started;
      console.log(`${what}: ${Math.round((Date.now() - started) / 100) / 10} s`);
    }
  };

  beforeAll(async () => {
    kind = await realKind();
    binaries = await timed('harness binaries', () => k8sBinaries());
    lease = await acquireDockerEngine();
    engine = lease.engine;
    node = await timed('kind node image', () => kindNodeImage(engine));
    images = await timed('e2e images (agnhost, busybox)', () => e2eImages(engine));
    console.log(`images: ${JSON.stringify(images.made)}`);

    work = await tempDir('kind-pods-real');
    const checkout = await createMiniKubernetes(path.join(work.dir, 'kubernetes'));
    const commit = (await execa('git', ['-C', checkout, 'rev-parse', 'HEAD'])).stdout.trim();
    // One control-plane node and nothing else: kind removes the control-plane taint of a cluster
    // without workers (sigs.k8s.io/kind@v0.32.0 pkg/cluster/internal/create/actions/kubeadminit/init.go),
    // and a single node needs no routes between nodes' pod subnets, which this image has not.
    const cniDirs = await bridgeCniDirs(work.dir, 1);
    dataDir = path.join(work.dir, 'data');
    await mkdir(dataDir);
    const settings = {
      sourceDir: checkout,
      mode: 'kind',
      keepCluster: false,
      kindConfig: testKindConfig(name, cniDirs),
      toolPaths: { kind, docker: engine.client, kubectl: binaries.kubectl, 'e2e-test': binaries.e2eTest },
      e2eFilters: { focus },
    };
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings));
    await rememberNodeImage(dataDir, checkout, commit, node);
    restoreEnv = pointAtTestEngine(engine);
    app = await Engine.start({ dataDir, shell: 'browser', version: 'test', skipLoginShell: true, shellEnv: { HOME: work.dir } });
  }, 90 * 60_000);

  afterAll(async () => {
    await app?.shutdown();
    restoreEnv();
    if (engine) await removeKindCluster(engine, kind, name, work.dir);
    await lease?.release();
    await work?.remove();
    console.log(`timings (ms): ${JSON.stringify(timings)}`);
  }, 10 * 60_000);

  const step = (stepId: StepOfEngine): Promise<StepInfo> => runStep(app, stepId);
  const failure = stepFailure;

  it('lists a small set of specs for the kind cluster, each with what it exercises or why it cannot pass', () => {
    expect(passing.length).toBeGreaterThan(0);
    for (const spec of known.kindPassing ?? []) expect(spec.about, spec.name).toBeTruthy();
    for (const spec of failing) {
      expect(spec.why, spec.name).toBeTruthy();
      expect(spec.logShows, spec.name).toBeTruthy();
    }
    expect(new Set(specs).size).toBe(specs.length);
  });

  it("creates a one-node cluster with the app's Cluster step, and the node takes pods and holds the e2e images under e2e.test's names", async () => {
    const created = await timed('Cluster step (create)', () => step('cluster'));
    expect(created.outcome, failure(created)).toBe('success');
    const facts = created.result?.kind === 'cluster' ? created.result.cluster : undefined;
    expect(facts).toMatchObject({ reused: false });
    kubeconfig = facts?.kubeconfig ?? '';
    expect(await kindClusters()).toContain(name);

    // The one node loses every NoSchedule taint, so pods can run on it: kind removes the control
    // plane's, and the node controller takes node.kubernetes.io/not-ready off a moment after the
    // node is Ready (it can still be there when kind's --wait returns), so this waits for it.
    let seen = 'nothing yet';
    const taints = await waitFor(
      async () => {
        const out = await kubectl(['get', 'node', nodeName, '-o', 'jsonpath={.spec.taints}']);
        seen = out.exitCode === 0 ? out.stdout || '(no taints)' : `kubectl exited ${out.exitCode}: ${out.stderr}`;
        return out.exitCode === 0 && !out.stdout.includes('NoSchedule') && out;
      },
      `${nodeName} without a NoSchedule taint`,
      { timeoutMs: 180_000, intervalMs: 1000, describe: () => `its taints: ${seen}` },
    );
    expect(taints.stdout).not.toContain('NoSchedule');

    // The real kind loads the images into the node's containerd (docker save, then ctr import in the node).
    const loaded = await timed('kind load docker-image', () => execa(kind, ['load', 'docker-image', '--name', name, images.agnhost, images.busybox], { env: engine.env, reject: false, all: true }));
    expect(loaded.exitCode, loaded.all).toBe(0);
    const inNode = await docker(['exec', nodeName, 'ctr', '--namespace=k8s.io', 'images', 'ls', '--quiet']);
    expect(inNode.exitCode, inNode.stderr).toBe(0);
    const tags = inNode.stdout.split('\n');
    expect(tags).toEqual(expect.arrayContaining([images.agnhost, images.busybox]));
  }, 20 * 60_000);

  it("runs the specs from the app's Test step with the real e2e.test; each passes or fails as known-specs.json says", async () => {
    expect(kubeconfig, 'the cluster was not created').not.toBe('');
    const info = await timed('Test step', () => step('test'));
    const argv = info.commands.at(-1)?.argv ?? [];
    expect(argv[0]).toBe(binaries.e2eTest);
    expect(argv).toEqual(expect.arrayContaining(['--provider=skeleton', `--ginkgo.focus=${focus}`, '--num-nodes=1', '--disable-log-dump=true']));
    const summary = info.result?.kind === 'test' ? info.result.run : undefined;
    expect(summary, failure(info)).toBeDefined();
    const reply = await app.connect(new RecordingClient()).request('runs:get', { id: summary?.id });
    if (!reply.ok) throw new Error(reply.error.message);
    const run = reply.result as TestRun;
    const ran = run.specs.filter((s) => s.name.startsWith('[It] ') && s.state !== 'skipped');
    const states = Object.fromEntries(ran.map((s) => [s.name.slice(5), s.state]));
    const details = ran.filter((s) => s.state !== 'passed').map((s) => `${s.name}: ${s.failureMessage ?? ''}\n${s.failureDetail ?? ''}`).join('\n');
    for (const spec of ran) console.log(`${spec.state} in ${spec.durationSeconds.toFixed(1)} s: ${spec.name.slice(5)}`);
    expect(states, details).toEqual(Object.fromEntries([...passing.map((n) => [n, 'passed']), ...failing.map((s) => [s.name, 'failed'])]));
    expect(summary?.counts).toMatchObject({ ran: specs.length, passed: passing.length, failed: failing.length });
    if (failing.length === 0) expect(info.outcome, failure(info)).toBe('success');
    else expect(info.error?.message).toBe(`${failing.length} of ${specs.length} specs failed.`);
    expect(node.kubernetesVersion).toBe(pinnedRelease.kubernetes);

    // Each known failure fails for its known reason: the spec's part of the run's log, as the app shows it, says so.
    for (const spec of failing) {
      const excerpt = await app.connect(new RecordingClient()).request('runs:logExcerpt', { id: run.id, spec: `[It] ${spec.name}` });
      if (!excerpt.ok) throw new Error(excerpt.error.message);
      const lines = (excerpt.result as { lines: string[] }).lines;
      expect(lines[0], spec.name).toContain(spec.name);
      expect(lines.some((line) => line.includes(spec.logShows ?? '')), `${spec.name}: its log part has no "${spec.logShows ?? ''}"; it has ${lines.length} lines`).toBe(true);
    }
  }, 40 * 60_000);

  it('Teardown (delete) deletes the cluster with the app’s kubeconfig, and no node container is left', async () => {
    expect(kubeconfig, 'the cluster was not created').not.toBe('');
    const down = await timed('Teardown step (delete)', () => step('teardown'));
    expect(down.outcome, failure(down)).toBe('success');
    expect(down.result).toMatchObject({ kind: 'teardown', action: 'deleted', name });
    let left: string[] = [];
    await waitFor(
      async () => {
        left = (await docker(['ps', '-aq', '--filter', `label=${clusterLabel}=${name}`])).stdout.split('\n').filter(Boolean);
        return left.length === 0;
      },
      `no container of ${name} to be left`,
      { timeoutMs: 2 * 60_000, intervalMs: 1_000, describe: () => `containers: ${left.join(', ')}` },
    );
    expect(await kindClusters()).not.toContain(name);
  }, 10 * 60_000);
});
