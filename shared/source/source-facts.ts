import { z } from 'zod';

export const SourceFactsSchema = z.object({
  dir: z.string(),
  /** How the folder was found: picked by the user, or one of kind's default places. */
  foundBy: z.enum(['picked', 'working-directory', 'gopath']),
  branch: z.string(),
  commit: z.string(),
  describe: z.string().optional(),
  dirtyFiles: z.array(z.string()),
  untrackedFiles: z.array(z.string()),
  goVersionFile: z.string().optional(),
  localGo: z.string().optional(),
  /** Which Go will build it and what, if anything, Go will download for that. */
  toolchain: z.object({ version: z.string().optional(), action: z.enum(['local', 'download', 'env', 'unknown']), note: z.string() }),
  /** Where the tree keeps its ginkgo CLI: v2 on current trees, v1 on old ones. */
  ginkgoPath: z.string(),
});
export type SourceFacts = z.infer<typeof SourceFactsSchema>;
