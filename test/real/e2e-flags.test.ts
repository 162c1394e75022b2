import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyNodes } from '../../electron/engine/e2e/ready-nodes.js';
import type { StepContext } from '../../electron/engine/steps/step.js';
import { currentContext } from '../../shared/cluster/kubeconfig-context.js';
import { summarizeNodes } from '../../shared/cluster/node-summary.js';
import { e2eRunArgv, nodeArchOf, type E2eRunTarget } from '../../shared/e2e/e2e-argv.js';
import { E2eFiltersSchema } from '../../shared/e2e/e2e-filters.js';
import { parseJUnit } from '../../shared/e2e/parse-junit.js';
import { stripAnsi } from '../../shared/output/strip-ansi.js';
import { startControlPlane, type ControlPlane } from './control-plane.js';
import { focusFor } from './e2e-spec-run.js';
import { kwokNodeAnnotation, nodeObject } from './simulated-nodes.js';

// A spec that calls SkipUnlessNodeOSArchIs("amd64") (kubernetes v1.35.4 test/e2e/kubectl/kubectl.go)
// and then shells out to TestContext.KubectlPath ("which <kubectl-path>", then kubectl exec).
const inClusterSpec = '[sig-cli] Kubectl client Simple pod should return command exit codes should handle in-cluster config';

/** A kwok node like the harness's workers, but amd64. Without the kwok annotation kwok leaves it alone: it never becomes Ready. */
function amd64Node(name: string, managed = true): Record<string, unknown> {
  const node = nodeObject({ name, zone: 'zone-a', controlPlane: false }) as { metadata: { labels: Record<string, string>; annotations: Record<string, string> }; status: { nodeInfo: Record<string, string> } };
  node.metadata.labels['kubernetes.io/arch'] = 'amd64';
  node.metadata.labels['beta.kubernetes.io/arch'] = 'amd64';
  node.status.nodeInfo.architecture = 'amd64';
  if (!managed) delete node.metadata.annotations[kwokNodeAnnotation.key];
  return node;
}

/**
 * The flags the Test step gives e2e.test, against the real e2e.test (v1.35.4) on the real control
 * plane: --node-os-arch as the arch alone, --kubectl-path, --disable-log-dump=true, and --num-nodes
 * counted after every uncordoned node is Ready. Each is set against the old argv (the form the app
 * passed before), run the same way, to show the test tells the two apart.
 */
describe('e2e.test flags, against the real e2e.test', () => {
  let plane: ControlPlane;
  let dir: string;
  let context: StepContext;
  let kubeContext: string;
  /** Every argv the step's runner was given, in order. */
  const ran: Array<readonly string[]> = [];

  beforeAll(async () => {
    plane = await startControlPlane();
    dir = await mkdtemp(path.join(os.tmpdir(), 'studio-e2e-flags-'));
    kubeContext = currentContext(await readFile(plane.kubeconfig, 'utf8'));
    // The step's command runner, with `kubectl` resolved to the release's kubectl as a tool path would be.
    const run: StepContext['run'] = async (spec, options) => {
      ran.push(spec.argv);
      const [name = '', ...args] = spec.argv;
      const result = await execa(name === 'kubectl' ? plane.binaries.kubectl : name, args, { reject: false, cwd: spec.cwd });
      const exitCode = result.exitCode ?? -1;
      if (!(options?.acceptExitCodes ?? [0]).includes(exitCode)) throw new Error(`${spec.argv.join(' ')} exited with ${exitCode}: ${result.stderr}`);
      return { exitCode, stdout: result.stdout, stderr: result.stderr };
    };
    context = { run, print: () => undefined } as unknown as StepContext;
  }, 120 * 60_000);
  afterAll(async () => {
    await plane?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const nodeCount = async (): Promise<{ schedulable: number; osArch: string }> => summarizeNodes((await execa(plane.binaries.kubectl, ['--kubeconfig', plane.kubeconfig, 'get', 'nodes', '-o', 'json'])).stdout);

  it('counts a node that joins only once it is Ready, ignores cordoned ones, and says which node is not Ready', async () => {
    const before = await nodeCount();
    // kwok makes a new node Ready within a moment; counted straight after the create it is usually not yet.
    await plane.api.post('/api/v1/nodes', amd64Node('kwok-late-worker'));
    const counted = await readyNodes(context, { kubeconfig: plane.kubeconfig, context: kubeContext }, 60);
    expect(counted.schedulable).toBe(before.schedulable + 1);

    await plane.api.post('/api/v1/nodes', amd64Node('never-ready', false));
    await expect(readyNodes(context, { kubeconfig: plane.kubeconfig, context: kubeContext }, 5)).rejects.toThrow(/Not every node is Ready after 5 s \(.*never-ready.*\)/);
    // Cordoned, it is no longer waited for, as e2e.test does not wait for it either.
    await plane.api.patch('/api/v1/nodes/never-ready', { spec: { unschedulable: true } });
    expect((await readyNodes(context, { kubeconfig: plane.kubeconfig, context: kubeContext }, 60)).schedulable).toBe(before.schedulable + 1);

    // Every node cordoned: kubectl wait finds nothing to wait for, and the step says why.
    const names = (await plane.api.get<{ items: Array<{ metadata: { name: string } }> }>('/api/v1/nodes')).items.map((node) => node.metadata.name);
    for (const name of names) await plane.api.patch(`/api/v1/nodes/${name}`, { spec: { unschedulable: true } });
    await expect(readyNodes(context, { kubeconfig: plane.kubeconfig, context: kubeContext }, 5)).rejects.toThrow(/^Every node of the cluster is cordoned/);
    for (const name of names) if (name !== 'never-ready') await plane.api.patch(`/api/v1/nodes/${name}`, { spec: { unschedulable: false } });
    // Uncordoned, a node keeps the node controller's node.kubernetes.io/unschedulable taint for a
    // moment; e2e.test waits for it to go, and so does the count.
    expect((await readyNodes(context, { kubeconfig: plane.kubeconfig, context: kubeContext }, 60)).schedulable).toBe(before.schedulable + 1);
    // Everything settled, as on a rerun: one list is the answer, no kubectl wait and no poll.
    const ranBefore = ran.length;
    expect((await readyNodes(context, { kubeconfig: plane.kubeconfig, context: kubeContext }, 60)).schedulable).toBe(before.schedulable + 1);
    expect(ran.slice(ranBefore).map((argv) => argv.slice(-4).join(' '))).toEqual(['get nodes -o json']);

    // A Ready node with a NoSchedule taint of the user's is waited for, as e2e.test would, and named
    // with its taint; the control plane's taint is one e2e.test does not wait on.
    const tainted = amd64Node('kwok-tainted') as { spec?: { taints?: unknown[] } };
    tainted.spec = { taints: [{ key: 'example.com/blocked', value: 'yes', effect: 'NoSchedule' }] };
    await plane.api.post('/api/v1/nodes', tainted);
    await execa(plane.binaries.kubectl, ['--kubeconfig', plane.kubeconfig, 'wait', '--for=condition=Ready', 'node/kwok-tainted', '--timeout=120s']);
    await expect(readyNodes(context, { kubeconfig: plane.kubeconfig, context: kubeContext }, 5)).rejects.toThrow(/Not every node is Ready after 5 s \(kwok-tainted: [^)]*taint example\.com\/blocked:NoSchedule\)/);
    await plane.api.patch('/api/v1/nodes/kwok-tainted', { spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } });
    // Ready for tests now, though not a node test pods land on: the count leaves it out.
    expect((await readyNodes(context, { kubeconfig: plane.kubeconfig, context: kubeContext }, 60)).schedulable).toBe(before.schedulable + 1);
    await execa(plane.binaries.kubectl, ['--kubeconfig', plane.kubeconfig, 'delete', 'node', 'kwok-tainted', '--wait=true']);
    // Gone again: after a failed spec e2e.test waits up to 7 minutes for every node to be Ready.
    await execa(plane.binaries.kubectl, ['--kubeconfig', plane.kubeconfig, 'delete', 'node', 'never-ready', '--wait=true']);
  }, 5 * 60_000);

  /** Runs e2e.test with argv in its own report folder; its output and the in-cluster spec's JUnit state. */
  const runE2e = async (name: string, argvFor: (reportDir: string) => string[]): Promise<{ output: string; state?: string; argv: string[] }> => {
    const reportDir = path.join(dir, name);
    await mkdir(reportDir, { recursive: true });
    const argv = argvFor(reportDir);
    const result = await execa(argv[0] ?? '', argv.slice(1), { all: true, reject: false, cwd: reportDir, timeout: 10 * 60_000, env: { PATH: process.env.PATH ?? '' } });
    const junit = (await readdir(reportDir)).find((file) => /^junit.*\.xml$/.test(file));
    const report = junit ? parseJUnit(await readFile(path.join(reportDir, junit), 'utf8')) : undefined;
    return { output: stripAnsi(result.all ?? ''), state: report?.specs.find((s) => s.name === `[It] ${inClusterSpec}`)?.state, argv };
  };

  it('passes the arch alone, the kubectl to use, and no log dump; the old argv gets the spec skipped and the log dump run', async () => {
    // More amd64 workers than arm64 ones, so the nodes' common platform is linux/amd64.
    for (const name of ['kwok-amd64-1', 'kwok-amd64-2', 'kwok-amd64-3']) await plane.api.post('/api/v1/nodes', amd64Node(name));
    const nodes = await readyNodes(context, { kubeconfig: plane.kubeconfig, context: kubeContext }, 60);
    expect(nodes.osArch).toBe('linux/amd64');
    const filters = E2eFiltersSchema.parse({ focus: focusFor(inClusterSpec), timeoutMinutes: 8 });
    const target = (reportDir: string): E2eRunTarget => ({
      e2eTest: plane.binaries.e2eTest,
      kubeconfig: plane.kubeconfig,
      context: kubeContext,
      numNodes: nodes.schedulable,
      nodeArch: nodeArchOf(nodes.osArch),
      kubectl: plane.binaries.kubectl,
      reportDir,
      reportPrefix: 'e2e-flags',
    });

    const now = await runE2e('app-argv', (reportDir) => e2eRunArgv(target(reportDir), filters));
    expect(now.argv).toEqual(expect.arrayContaining(['--node-os-arch=amd64', `--kubectl-path=${plane.binaries.kubectl}`, '--disable-log-dump=true']));
    // Past SkipUnlessNodeOSArchIs("amd64"): the spec ran (and failed later, at kubectl exec, which kwok cannot serve).
    expect(now.state, now.output.slice(-3000)).toBe('failed');
    expect(now.output).not.toContain('Only supported for node OS arch');
    // e2e.test ran the kubectl it was given (framework/kubectl logs "Running '<path> …'"), and no other.
    expect(now.output).toContain(`Running '${plane.binaries.kubectl} `);
    const kubectls = [...now.output.matchAll(/Running '(?:\S+=\S* )*(\S+) /g)].map((m) => m[1] ?? '').filter((k) => path.basename(k) === 'kubectl');
    expect(kubectls.length).toBeGreaterThan(0);
    expect(kubectls.filter((k) => k !== plane.binaries.kubectl)).toEqual([]);
    // framework/util.go CoreDump: skipped, and log-dump.sh never run.
    expect(now.output).toContain('Skipping dumping logs from cluster');
    expect(now.output).not.toContain('log-dump.sh');

    // The argv as the app built it before: os/arch, no --kubectl-path, no --disable-log-dump.
    const old = await runE2e('old-argv', (reportDir) =>
      e2eRunArgv(target(reportDir), filters)
        .filter((arg) => !arg.startsWith('--kubectl-path=') && arg !== '--disable-log-dump=true')
        .map((arg) => (arg.startsWith('--node-os-arch=') ? `--node-os-arch=${nodes.osArch}` : arg)),
    );
    expect(old.state, old.output.slice(-3000)).toBe('skipped');
    expect(old.output).toContain('Only supported for node OS arch [amd64] (not linux/amd64)');
    expect(old.output).toContain('Error running cluster/log-dump/log-dump.sh');
  }, 20 * 60_000);
});
