import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

export interface CodeCachedModule<T> {
  exports: T;
  /** Saves the code compiled so far for the next start, unless the saved code was used this time. */
  keepCode(): void;
}

/**
 * Loads a CommonJS bundle the way require() would, but with V8's code cache kept beside it
 * (`<file>.v8-cache`): a start that finds it skips parsing and compiling what the last one already
 * compiled. V8 checks the cache against the source and its own version and ignores one that does
 * not fit; a cache that cannot be written (a read-only install) only costs the saving.
 */
export function loadCodeCached<T>(file: string): CodeCachedModule<T> {
  const cacheFile = `${file}.v8-cache`;
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The same wrapper Node puts around a CommonJS file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return {
    exports: module.exports,
    keepCode: () => {
      if (used) return;
      const temporary = `${cacheFile}.${process.pid}`;
      try {
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        rmSync(temporary, { force: true });
      }
    },
  };
}
