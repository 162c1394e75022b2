import { stat } from 'node:fs/promises';
import { findTool } from './find-tool.js';
import type { StepContext } from '../steps/step.js';

/** A binary's identity on disk: any replace, rebuild or touch of the file changes it. */
async function fileIdentity(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined);
  return info ? `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}` : undefined;
}

/**
 * A tool's version, asked once per binary file: a rerun's Build and Cluster steps both want kind's
 * version, and the answer cannot change while the file stays the same. The file the command would
 * run is found the way the step runner finds it (the settings' path, else the search path); a
 * version is reused only while that file's identity is unchanged, and asked again otherwise.
 */
export class ToolVersionMemo {
  private readonly known = new Map<string, { identity: string; version: string }>();

  constructor(private readonly tool: string, private readonly ask: (context: StepContext) => Promise<string>) {}

  async version(context: StepContext): Promise<string> {
    const file = findTool(this.tool, context.searchPath, context.settings.toolPaths[this.tool]).path;
    const identity = file ? await fileIdentity(file) : undefined;
    const known = file ? this.known.get(file) : undefined;
    if (file && identity && known?.identity === identity) {
      context.print(`${this.tool} ${known.version} (${file}, as it answered before; the file is unchanged)`);
      return known.version;
    }
    // Read before asking: a file replaced while it answers is asked again next time.
    const version = await this.ask(context);
    if (file && identity) this.known.set(file, { identity, version });
    return version;
  }
}
