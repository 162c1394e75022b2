import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startControlPlane, type ControlPlane } from './control-plane.js';
import { runE2eSpec } from './e2e-spec-run.js';
import { knownSpecs } from './known-specs.js';

const { passing, failing } = knownSpecs();

// LONG: runs every spec in known-specs.json with the real e2e.test, one after the other, against
// one control plane. Each takes from about 10 s to a few minutes; see test/real/README.md for
// the measured total.
describe('the known-specs list (long)', () => {
  let plane: ControlPlane;
  let reports: string;

  beforeAll(async () => {
    plane = await startControlPlane();
    reports = await mkdtemp(path.join(os.tmpdir(), 'studio-known-specs-'));
  }, 120 * 60_000);
  afterAll(async () => {
    await plane?.stop();
    if (reports) await rm(reports, { recursive: true, force: true });
  });

  it.each(passing.map((spec, index) => [spec.name, index] as const))('passes: %s', async (name, index) => {
    const result = await runE2eSpec(plane.binaries, plane.kubeconfig, name, path.join(reports, `pass-${index}`));
    expect(result.passed, result.outputTail).toBe(true);
  });

  it.each(failing.map((spec, index) => [spec.name, index, spec.why ?? ''] as const))('fails for a known reason: %s', async (name, index, why) => {
    expect(why, 'every known failure says why').not.toBe('');
    const result = await runE2eSpec(plane.binaries, plane.kubeconfig, name, path.join(reports, `fail-${index}`));
    // It must really have run and failed, not been skipped or missed by the focus.
    expect(result.ran, result.outputTail).toBe(1);
    expect(result.failures, result.outputTail).toBe(1);
    expect(result.passed).toBe(false);
  });
});
