import { z } from 'zod';
import { RebuildCauseSchema } from './rebuild-cause.js';

/** One thing the Build step produces, and how. */
export interface BuildArtefact {
  id: 'node-image' | 'kube-scheduler' | 'test-binaries';
  title: string;
  argv: string[];
  /** Go packages whose sources decide whether it must be rebuilt; undefined means the whole tree. */
  goPackages?: string[];
  /** Those of goPackages the build makes a test binary of (go test -c): their test files and test-only imports count. */
  testPackages?: string[];
  /** Binaries it must leave in the tree's output folder. */
  binaries: string[];
  /** The node image it must leave in Docker. */
  image?: string;
  /** A tool its command needs that the app can install, checked before anything runs, and what to tell the user when it is missing. */
  requires?: { tool: string; missing: string };
}

export const ArtefactStatusSchema = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(['built', 'up-to-date', 'hot-swap', 'building', 'failed', 'not-run']),
  /** Plain words, without times: the view shows builtAt and startedAt in the user's own format. */
  reason: z.string(),
  /** Why it is (being) rebuilt: the changed files it is built from, and through which of its packages. */
  causes: z.array(RebuildCauseSchema).optional(),
  /** When its build command started (while building, and after). */
  startedAt: z.number().optional(),
  /** While building: packages compiled so far, of those Go lists as it compiles them (go build -v). */
  compiled: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative(), last: z.string().optional() }).optional(),
  fingerprint: z.string().optional(),
  builtAt: z.number().optional(),
  commit: z.string().optional(),
  outputs: z.array(z.object({ path: z.string(), binary: z.string() })),
});
export type ArtefactStatus = z.infer<typeof ArtefactStatusSchema>;

export const BuildResultSchema = z.object({
  mode: z.enum(['kind', 'remote']),
  checkout: z.string(),
  artefacts: z.array(ArtefactStatusSchema),
});
export type BuildResult = z.infer<typeof BuildResultSchema>;
