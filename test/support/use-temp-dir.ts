import { afterEach, beforeEach } from 'vitest';
import { tempDir } from './temp-dir.js';

/** A fresh temp folder for each test of the enclosing suite, removed after it; read `.dir` inside a test. */
export function useTempDir(prefix: string): { readonly dir: string } {
  let current: Awaited<ReturnType<typeof tempDir>> | undefined;
  beforeEach(async () => {
    current = await tempDir(prefix);
  });
  afterEach(async () => {
    await current?.remove();
    current = undefined;
  });
  return {
    get dir(): string {
      if (!current) throw new Error('useTempDir: .dir is only there while a test runs');
      return current.dir;
    },
  };
}
