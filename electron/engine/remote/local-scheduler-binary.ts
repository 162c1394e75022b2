import { AppError } from '../../../shared/errors/app-error.js';
import type { SchedulerBinary } from '../../../shared/cluster/cluster-facts.js';
import type { Settings } from '../../../shared/settings/settings.js';
import { builtOutput } from '../build/built-output.js';
import type { StepContext } from '../steps/step.js';

/** The kube-scheduler remote mode runs, and where it came from: a path set in settings, else the one the Build step made for this host. */
export async function localSchedulerBinary(settings: Settings, dataDir: string): Promise<SchedulerBinary> {
  const explicit = settings.toolPaths['kube-scheduler'];
  if (explicit) return { path: explicit, from: 'tool-path' };
  const built = await builtOutput(settings, dataDir, 'kube-scheduler');
  if (!built) throw new AppError('There is no locally built kube-scheduler yet: run the Build step in remote mode first.');
  return { path: built, from: 'build' };
}

/** What `kube-scheduler --version` says (v1.35.4…), for the version-skew check; undefined if it says nothing usable. */
export async function schedulerVersion(context: StepContext, binary: string): Promise<string | undefined> {
  const answer = await context.run({ argv: [binary, '--version'] }, { terminal: 'pipe', acceptExitCodes: [0, 1, 2] });
  return /v\d+\.\d+\.\d+\S*/.exec(answer.stdout)?.[0];
}
