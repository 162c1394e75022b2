import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busyboxImage } from '../support/busybox-image.js';
import { acquireDockerEngine, type DockerEngine, type DockerEngineLease } from '../support/docker-engine.js';
import { realKind, testKindVersion } from '../support/real-kind.js';
import { tempDir } from '../support/temp-dir.js';

// The real kind (v0.32.0, built from its module) against the tests' own dockerd. kind picks its node
// provider by running `docker -v` (pkg/cluster/provider.go DetectNodeProvider, docker/util.go
// IsAvailable), lists clusters with `docker ps -a --filter label=io.x-k8s.kind.cluster --format
// '{{.Label "io.x-k8s.kind.cluster"}}'` and a cluster's nodes by that label's value
// (docker/provider.go ListClusters, ListNodes), and deletes them with `docker rm -f -v`
// (DeleteNodes). A container carrying those labels is, to kind, a node of that cluster.
const clusterLabel = 'io.x-k8s.kind.cluster';
const roleLabel = 'io.x-k8s.kind.role';

describe(`the real kind ${testKindVersion} on the real Docker engine`, () => {
  let lease: DockerEngineLease;
  let engine: DockerEngine;
  let kind: string;
  let image: string;
  const kindRun = (args: string[], env: Record<string, string> = engine.env) => execa(kind, args, { env, reject: false });
  const docker = (args: string[]) => execa(engine.client, args, { env: engine.env, reject: false });

  beforeAll(async () => {
    kind = await realKind();
    lease = await acquireDockerEngine();
    engine = lease.engine;
    image = await busyboxImage(engine);
  }, 20 * 60_000);
  afterAll(async () => {
    await lease?.release();
  }, 120_000);

  it('detects the docker provider through DOCKER_HOST and lists, finds and deletes a cluster by its node labels', async () => {
    const cluster = `studio-probe-${process.pid}`;
    const node = `${cluster}-control-plane`;
    const before = await kindRun(['get', 'clusters']);
    expect(before.exitCode, before.stderr).toBe(0);
    expect(before.stdout.split('\n')).not.toContain(cluster);
    if (before.stdout.trim() === '') expect(before.stderr).toContain('No kind clusters found.');

    const work = await tempDir('kind-docker');
    try {
      const created = await docker(['run', '-d', '--name', node, '--label', `${clusterLabel}=${cluster}`, '--label', `${roleLabel}=control-plane`, '--privileged', '--network', 'none', image, 'sleep', '600']);
      expect(created.exitCode, created.stderr).toBe(0);

      const listed = await kindRun(['get', 'clusters']);
      expect(listed.exitCode, listed.stderr).toBe(0);
      expect(listed.stdout.split('\n')).toContain(cluster);
      const nodes = await kindRun(['get', 'nodes', '--name', cluster]);
      expect(nodes.exitCode, nodes.stderr).toBe(0);
      expect(nodes.stdout.trim()).toBe(node);

      // kind removes the cluster's entry from the kubeconfig it is given, then the node containers.
      const kubeconfig = path.join(work.dir, 'kubeconfig');
      await writeFile(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');
      const deleted = await kindRun(['delete', 'cluster', '--name', cluster, '--kubeconfig', kubeconfig]);
      expect(deleted.exitCode, deleted.stderr).toBe(0);
      expect(deleted.stderr).toContain(`Deleted nodes: ["${node}"]`);
      const left = await docker(['ps', '-a', '--filter', `name=^${node}$`, '--format', '{{.Names}}']);
      expect(left.stdout.trim()).toBe('');
      expect((await kindRun(['get', 'clusters'])).stdout.split('\n')).not.toContain(cluster);
    } finally {
      await docker(['rm', '-f', node]);
      await work.remove();
    }
  });

  it('with DOCKER_HOST at a socket where nothing listens, kind fails to list clusters (it really asks that engine)', async () => {
    const nowhere = await tempDir('no-docker');
    try {
      const socket = path.join(nowhere.dir, 'docker.sock');
      expect(await access(socket).then(() => true, () => false)).toBe(false);
      const result = await kindRun(['get', 'clusters'], { ...engine.env, DOCKER_HOST: `unix://${socket}` });
      expect(result.exitCode).not.toBe(0);
      expect(result.stderr).toMatch(/failed to list clusters/);
      expect(result.stderr).toContain(`Cannot connect to the Docker daemon at unix://${socket}`);
    } finally {
      await nowhere.remove();
    }
  });
});
