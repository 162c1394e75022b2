import { inspectCheckout } from '../source/inspect-checkout.js';
import { locateCheckout } from '../source/locate-checkout.js';
import type { Step, StepContext } from './step.js';

/** Step 4: the Kubernetes checkout to build, and what state it is in. */
export class SourceStep implements Step {
  readonly id = 'source';

  async execute(context: StepContext): Promise<void> {
    const { dir, foundBy } = await locateCheckout(context);
    const facts = await inspectCheckout(context, dir, foundBy);
    context.setResult({ kind: 'source', facts });
    context.print(`${dir}: ${facts.branch} at ${facts.commit.slice(0, 12)}, ${facts.dirtyFiles.length} changed, ${facts.untrackedFiles.length} untracked`);
    context.print(facts.toolchain.note);
  }
}
