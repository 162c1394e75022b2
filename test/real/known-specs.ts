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
}

/** The e2e specs known to pass, and known to fail, against the real control plane. */
export interface KnownSpecs {
  passing: KnownSpec[];
  failing: KnownSpec[];
}

export const knownSpecsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'known-specs.json');

export function knownSpecs(): KnownSpecs {
  return JSON.parse(readFileSync(knownSpecsFile, 'utf8')) as KnownSpecs;
}
