import { z } from 'zod';

/** One thing the Build step produces, and how. */
export interface BuildArtefact {
  id: 'node-image' | 'kube-scheduler' | 'test-binaries';
  title: string;
  argv: string[];
  /** Go packages whose sources decide whether it must be rebuilt; undefined means the whole tree. */
  goPackages?: string[];
  /** Binaries it must leave in the tree's output folder. */
  binaries: string[];
  /** The node image it must leave in Docker. */
  image?: string;
}

export const ArtefactStatusSchema = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(['built', 'up-to-date', 'hot-swap', 'failed', 'not-run']),
  reason: z.string(),
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
