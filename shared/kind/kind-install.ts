import { z } from 'zod';

/** What the Native kind step did. */
export const KindInstallSchema = z.object({
  action: z.enum(['downloaded', 'built', 'kept']),
  version: z.string(),
  path: z.string(),
  /** Where it came from: the download URL, or the go install module path. */
  source: z.string(),
  sha256: z.string().optional(),
  binary: z.string(),
  /** Why a download was not used (when the step fell back to go install). */
  downloadProblem: z.string().optional(),
});
export type KindInstall = z.infer<typeof KindInstallSchema>;
