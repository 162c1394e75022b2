import type { RunSpec } from '../../shared/e2e/test-run.js';

const sigs = ['sig-scheduling', 'sig-node', 'sig-apps', 'sig-network', 'sig-storage', 'sig-api-machinery', 'sig-cli', 'sig-auth', 'sig-instrumentation', 'sig-autoscaling'];
const subjects = ['SchedulerPredicates [Serial]', 'SchedulerPreemption [Serial]', 'Pods', 'Deployment', 'StatefulSet', 'Services', 'PersistentVolumes', 'ResourceQuota', 'Kubectl client', 'ServiceAccounts', 'DaemonSet', 'Job'];
const verbs = ['validates resource limits of pods that are allowed to run', 'should be scheduled on a node that matches its affinity', 'should evict the lowest priority pod', 'should run and stop a simple pod', 'should keep the replicas it was asked for', 'should serve a basic endpoint from pods', 'should bind a claim to a volume', 'should create a quota and capture its usage', 'should apply a manifest and wait', 'should mount a projected token'];

/** A small deterministic generator (mulberry32), so every run of a test seeds the same specs. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A run's worth of JUnit test cases that look like the e2e suite's: `total` specs named
 * "[It] [sig-…] Subject verb #n", of which `failed` fail and `skipped` are skipped, the rest pass, with
 * durations mostly of seconds and a long tail of minutes; then the suite hooks ginkgo reports.
 * The skipped ones are the last; spec n (1-based) fails when n is a multiple of (total − skipped)/failed.
 */
export function manySpecs(total: number, options: { failed: number; skipped: number; seed?: number }): RunSpec[] {
  const next = random(options.seed ?? 7);
  const failEvery = options.failed > 0 ? Math.floor((total - options.skipped) / options.failed) : Infinity;
  const specs: RunSpec[] = [];
  for (let n = 1; n <= total; n++) {
    const name = `[It] [${sigs[n % sigs.length]}] ${subjects[(n * 7) % subjects.length]} ${verbs[(n * 3) % verbs.length]} #${n}`;
    const fails = n % failEvery === 0 && n / failEvery <= options.failed;
    const skips = !fails && n > total - options.skipped;
    // Log-normal-ish: a median of about 4 s, one spec in a few hundred past 5 minutes.
    const duration = skips ? 0 : Math.min(1800, Math.exp(Math.log(4) + 1.3 * Math.sqrt(-2 * Math.log(next() || 1e-9)) * Math.cos(2 * Math.PI * next())));
    specs.push({
      name,
      classname: 'Kubernetes e2e suite',
      state: fails ? 'failed' : skips ? 'skipped' : 'passed',
      durationSeconds: Number(duration.toFixed(3)),
      ...(fails ? { failureMessage: `Timed out after 300s waiting for pod e2e-${n} to be scheduled`, location: `test/e2e/scheduling/predicates.go:${100 + n}` } : {}),
    });
  }
  for (const hook of ['[SynchronizedBeforeSuite]', '[SynchronizedAfterSuite]', '[ReportAfterSuite] Kubernetes e2e suite report']) {
    specs.push({ name: hook, classname: 'Kubernetes e2e suite', state: 'passed', durationSeconds: 1.5 });
  }
  return specs;
}
