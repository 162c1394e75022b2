import { AppError } from '../../../shared/errors/app-error.js';
import type { Settings } from '../../../shared/settings/settings.js';
import { builtOutput } from '../build/built-output.js';
import type { StepContext } from '../steps/step.js';

/** The kube-scheduler remote mode runs: a path set in settings, else the one the Build step made for this host. */
export async function localSchedulerBinary(settings: Settings, dataDir: string): Promise<string> {
  const binary = settings.toolPaths['kube-scheduler'] || (await builtOutput(settings, dataDir, 'kube-scheduler'));
  if (!binary) throw new AppError('There is no locally built kube-scheduler yet: run the Build step in remote mode first.');
  return binary;
}

/** What `kube-scheduler --version` says (v1.35.4…), for the version-skew check; undefined if it says nothing usable. */
export async function schedulerVersion(context: StepContext, binary: string): Promise<string | undefined> {
  const answer = await context.run({ argv: [binary, '--version'] }, { terminal: 'pipe', acceptExitCodes: [0, 1, 2] });
  return /v\d+\.\d+\.\d+\S*/.exec(answer.stdout)?.[0];
}
