import type { ScriptStepId } from '../../../shared/steps/step-id.js';
import type { CommandSpec } from '../exec/command.js';
import type { Step, StepContext } from './step.js';

export interface CommandStepDefinition extends CommandSpec {
  id: ScriptStepId;
  title: string;
  summary: string;
  terminal?: 'pty' | 'pipe';
}

/** A step that runs one fixed command; its outcome is the command's exit code. */
export class CommandStep implements Step {
  readonly id: ScriptStepId;
  readonly title: string;
  readonly summary: string;

  constructor(private readonly definition: CommandStepDefinition) {
    this.id = definition.id;
    this.title = definition.title;
    this.summary = definition.summary;
  }

  async execute(context: StepContext): Promise<void> {
    const { argv, cwd, env, terminal } = this.definition;
    // Its output is the user's to read, in the terminal and the log; the step reads only the exit code.
    const outcome = await context.run({ argv, cwd, env }, { terminal, readsOutput: false });
    context.setResult({ kind: 'command', exitCode: outcome.exitCode });
  }
}
