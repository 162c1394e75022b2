import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCodeCached } from '../../electron/web/code-cached-module.js';

describe('loadCodeCached', () => {
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'studio-code-cache-'));
    file = path.join(dir, 'bundle.cjs');
    await writeFile(path.join(dir, 'helper.cjs'), 'module.exports = (x) => x * 2;');
    await writeFile(file, 'const double = require("./helper.cjs"); exports.answer = double(21); exports.where = __filename; exports.self = this === exports;');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs a CommonJS file as require() would: its own require, __filename and this', () => {
    const loaded = loadCodeCached<{ answer: number; where: string; self: boolean }>(file);
    expect(loaded.exports).toEqual({ answer: 42, where: file, self: true });
  });

  it('keeps the compiled code once, uses it on the next load, and replaces it after a rebuild', async () => {
    const cache = `${file}.v8-cache`;
    loadCodeCached(file).keepCode();
    const first = await stat(cache);
    expect(first.size).toBeGreaterThan(0);
    // A load that used the cache has nothing to save.
    loadCodeCached(file).keepCode();
    expect((await stat(cache)).mtimeMs).toBe(first.mtimeMs);

    // A rebuilt bundle does not fit the cache: it still loads, and its own code is kept instead.
    // (A new source, since V8 reuses code it compiled in this process for a source it has seen.)
    const before = await readFile(cache);
    await writeFile(file, 'exports.answer = 43;');
    const rebuilt = loadCodeCached<{ answer: number }>(file);
    expect(rebuilt.exports.answer).toBe(43);
    rebuilt.keepCode();
    expect((await readFile(cache)).equals(before)).toBe(false);
  });
});
