import { z } from 'zod';

/** A known failure recognised in a step's output, explained in plain words with its fix. */
export const DiagnosisSchema = z.object({
  id: z.string(),
  title: z.string(),
  explanation: z.string(),
  fix: z.string().optional(),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;
