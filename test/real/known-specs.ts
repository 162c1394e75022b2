import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface KnownSpec {
  /** The spec's full name as e2e.test lists it: container texts and the It text, space-separated. */
  name: string;
  /** What it exercises, in a few words. */
  about?: string;
  /** For a spec that fails here: why, so nobody mistakes it for a harness bug. */
  why?: string;
  /** For a spec that fails there: a line its part of the run's log has, which shows the why (checked by the test). */
  logShows?: string;
}

/** The e2e specs known to pass, and known to fail, against the real control plane (passing, failing), and against a real one-node kind cluster (kindPassing, kindFailing). */
export interface KnownSpecs {
  passing: KnownSpec[];
  failing: KnownSpec[];
  /** Specs that pass on a one-node real kind cluster (kind-pods-real.test.ts), which runs containers. */
  kindPassing?: KnownSpec[];
  /** Specs that fail there, each with why. */
  kindFailing?: KnownSpec[];
}

export const knownSpecsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'known-specs.json');

export function knownSpecs(): KnownSpecs {
  return JSON.parse(readFileSync(knownSpecsFile, 'utf8')) as KnownSpecs;
}
