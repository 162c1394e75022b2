import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ScriptStepIdSchema } from '../../shared/steps/step-id.js';
import type { CommandStepDefinition } from '../engine/steps/command-step.js';

const ExtraStepsSchema = z.array(
  z.object({
    /** script-<name>: a scripted step can never take a wizard step's place. */
    id: ScriptStepIdSchema,
    title: z.string().min(1),
    summary: z.string().default(''),
    argv: z.array(z.string()).min(1),
    cwd: z.string().optional(),
    env: z.record(z.string(), z.string()).optional(),
    terminal: z.enum(['pty', 'pipe']).optional(),
  }).strict(),
);

/** Reads `--steps-file`: extra command steps, each an argv array (never a shell string). */
export async function readExtraSteps(file: string): Promise<CommandStepDefinition[]> {
  const parsed = ExtraStepsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
