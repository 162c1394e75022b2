import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../dispatcher.js';
import { checkoutProblem } from '../source/locate-checkout.js';

export function sourceHandlers(): Pick<Handlers, 'source:check'> {
  return {
    'source:check': async ({ dir }) => {
      const resolved = path.resolve(dir.replace(/^~(?=$|\/)/, os.homedir()));
      return { dir: resolved, problem: await checkoutProblem(resolved) };
    },
  };
}
