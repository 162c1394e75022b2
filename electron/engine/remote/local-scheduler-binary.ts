import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import type { Settings } from '../../../shared/settings/settings.js';
import { BuildRecords } from '../build/build-records.js';

/** The kube-scheduler remote mode runs: a path set in settings, else the one the Build step made for this host. */
export async function localSchedulerBinary(settings: Settings, dataDir: string): Promise<string> {
  const explicit = settings.toolPaths['kube-scheduler'];
  if (explicit) return explicit;
  const checkout = settings.sourceDir.trim() ? path.resolve(settings.sourceDir.trim()) : undefined;
  const output = checkout ? (await BuildRecords.open(dataDir, checkout)).records.get('kube-scheduler')?.outputs[0] : undefined;
  if (!checkout || !output) throw new AppError('There is no locally built kube-scheduler yet: run the Build step in remote mode first.');
  return path.join(checkout, output.path);
}
