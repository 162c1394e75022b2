import { z } from 'zod';
import { PreviewSchema } from '../e2e/parse-ginkgo-json.js';

const FiltersInput = z.object({ focus: z.string().max(4096), skip: z.string().max(4096), labelFilter: z.string().max(4096) }).strict();

export const testRequests = {
  /** What the filters match in the built e2e.test (a dry run; no cluster needed). */
  'tests:preview': {
    input: FiltersInput,
    output: z.object({
      problems: z.array(z.object({ field: z.enum(['focus', 'skip', 'labelFilter']), position: z.number().int(), message: z.string() })),
      preview: PreviewSchema.optional(),
      argv: z.array(z.string()).optional(),
    }),
  },
} as const;
