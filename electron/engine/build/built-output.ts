import path from 'node:path';
import type { Settings } from '../../../shared/settings/settings.js';
import { BuildRecords } from './build-records.js';

/**
 * Where the Build step left a binary of an artefact in the chosen checkout (found by file name), or
 * undefined when there is no checkout or no such output recorded.
 */
export async function builtOutput(settings: Settings, dataDir: string, artefact: string, name?: string): Promise<string | undefined> {
  const checkout = settings.sourceDir.trim() ? path.resolve(settings.sourceDir.trim()) : undefined;
  if (!checkout) return undefined;
  const outputs = (await BuildRecords.open(dataDir, checkout)).records.get(artefact)?.outputs ?? [];
  const output = name ? outputs.find((o) => path.basename(o.path) === name) : outputs[0];
  return output ? path.join(checkout, output.path) : undefined;
}
