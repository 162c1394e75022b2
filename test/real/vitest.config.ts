import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Tests against a real control plane built from the pinned Kubernetes release. Not part of the
// normal run: the first run builds the binaries (about 10 minutes on 2 cores, cached afterwards).
// One file at a time: each brings up its own control plane, and two cold builds must not race.
export default defineConfig({
  root,
  test: {
    include: ['test/real/**/*.test.ts'],
    testTimeout: 15 * 60_000,
    hookTimeout: 120 * 60_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default'],
  },
});
