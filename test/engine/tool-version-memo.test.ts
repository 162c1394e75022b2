import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { StepContext } from '../../electron/engine/steps/step.js';
import { ToolVersionMemo } from '../../electron/engine/tools/tool-version-memo.js';
import { defaultSettings } from '../../shared/settings/settings.js';
import { useTempDir } from '../support/use-temp-dir.js';

/** A script that answers `kind version` like kind and notes every time it is asked. */
async function writeKind(file: string, version: string, asked: string): Promise<void> {
  await writeFile(`${file}.new`, `#!/bin/sh\necho asked >> '${asked}'\necho 'kind ${version} go1.25.9 linux/arm64'\n`);
  await chmod(`${file}.new`, 0o755);
  await rename(`${file}.new`, file);
}

describe('ToolVersionMemo: kind is asked its version once per binary file', () => {
  const temp = useTempDir('tool-version-memo');

  const setUp = async (toolPaths: Record<string, string> = {}) => {
    const asked = path.join(temp.dir, 'asked');
    const printed: string[] = [];
    const context = { searchPath: [temp.dir], settings: { ...defaultSettings, toolPaths }, print: (line: string) => printed.push(line) } as unknown as StepContext;
    const memo = new ToolVersionMemo('kind', async (ctx) => {
      const file = ctx.settings.toolPaths.kind ?? path.join(temp.dir, 'kind');
      return (await execa(file, ['version'])).stdout.split(' ')[1] ?? '';
    });
    const timesAsked = async () => (await readFile(asked, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
    return { asked, printed, context, memo, timesAsked };
  };

  it('answers the second time from memory while the file is the same, and asks again once it is replaced', async () => {
    const { asked, printed, context, memo, timesAsked } = await setUp();
    const kind = path.join(temp.dir, 'kind');
    await writeKind(kind, 'v0.31.0', asked);
    expect(await memo.version(context)).toBe('v0.31.0');
    expect(await memo.version(context)).toBe('v0.31.0');
    expect(await timesAsked()).toBe(1);
    expect(printed).toEqual([`kind v0.31.0 (${kind}, as it answered before; the file is unchanged)`]);

    // The Native kind step puts a new kind in place (a rename, as it does): a new file, asked again.
    await writeKind(kind, 'v0.32.0', asked);
    expect(await memo.version(context)).toBe('v0.32.0');
    expect(await timesAsked()).toBe(2);
  });

  it('follows the path set in settings, and a file edited in place is asked again too', async () => {
    const explicit = path.join(temp.dir, 'elsewhere-kind');
    const { asked, context, memo, timesAsked } = await setUp({ kind: explicit });
    await writeKind(path.join(temp.dir, 'kind'), 'v0.30.0', asked);
    await writeKind(explicit, 'v0.32.0', asked);
    expect(await memo.version(context)).toBe('v0.32.0');
    await writeFile(explicit, `#!/bin/sh\necho asked >> '${asked}'\necho 'kind v0.32.1 go1.25.9 linux/arm64'\n`);
    expect(await memo.version(context)).toBe('v0.32.1');
    expect(await timesAsked()).toBe(2);
  });

  it('remembers nothing for a tool that is not there: the question and its error come every time', async () => {
    const { context, memo } = await setUp();
    await expect(memo.version(context)).rejects.toThrow(/ENOENT/);
    await expect(memo.version(context)).rejects.toThrow(/ENOENT/);
  });
});
