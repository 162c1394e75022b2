import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../shared/build/build-plan.js';
import { formatArgv } from '../../shared/commands/format-argv.js';
import { kindAssetUrl } from '../../shared/kind/kind-release.js';
import { commandRunner } from '../engine/step-fixture.js';
import { useTempDir } from '../support/use-temp-dir.js';

const hostile = [
  "--ginkgo.focus=\\[sig-scheduling\\] it's \"quoted\"",
  '$(touch PWNED)',
  '`touch PWNED`',
  'a; touch PWNED',
  'a && touch PWNED',
  'line one\ntouch PWNED',
  '/path with spaces/and;semicolons/k8s',
  '*',
  '~',
  '$HOME',
  '',
];

describe('commands are argv arrays, passed verbatim, never through a shell', () => {
  const temp = useTempDir('argv');

  it('a hostile argv reaches the program exactly as given, and nothing in it runs', async () => {
    const echo = path.join(temp.dir, 'echo-argv.mjs');
    const out = path.join(temp.dir, 'argv.json');
    await writeFile(echo, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(out)}, JSON.stringify(process.argv.slice(2)));\n`);
    for (const terminal of ['pipe', 'pty'] as const) {
      const { runner } = commandRunner(temp.dir, [{ id: 'script-echo', argv: [process.execPath, echo, ...hostile], cwd: temp.dir, terminal }]);
      runner.start('script-echo');
      const info = await runner.settled('script-echo');
      expect(info.outcome, info.error?.message).toBe('success');
      expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(hostile);
      expect(info.commands[0]?.argv).toEqual([process.execPath, echo, ...hostile]);
    }
    await expect(access(path.join(temp.dir, 'PWNED'))).rejects.toThrow();
  });

  it('fuzz: the command builders put user input in one argv element each, unchanged', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (checkout, commit) => {
        const plan = buildPlan({ mode: 'kind', checkout, arch: 'arm64', commit, ginkgoPath: 'vendor/github.com/onsi/ginkgo/v2/ginkgo' });
        const image = plan[0];
        expect(image?.argv.at(-1)).toBe(checkout);
        expect(image?.argv.slice(0, 7)).toEqual(['kind', 'build', 'node-image', '--type', 'source', '--arch', 'arm64']);
        expect(image?.argv[8]).toMatch(/^kindest\/node:studio-[0-9a-f]{0,12}$/);
      }),
    );
  });

  it('fuzz: a displayed command line, pasted into a POSIX shell, would give back the same argv', () => {
    // Check the quoting by undoing it: single-quoted segments and '\'' escapes only.
    const unquote = (word: string): string => word.replace(/'((?:[^']|'\\'')*)'|\\'/g, (_m, inner: string | undefined) => (inner === undefined ? "'" : inner.replace(/'\\''/g, "'")));
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }).filter((s) => !s.includes("'")), { minLength: 1, maxLength: 5 }), (argv) => {
        const line = formatArgv(argv);
        const words = line.match(/'[^']*'|[^\s']+/g) ?? [];
        expect(words.map(unquote)).toEqual(argv);
      }),
    );
  });

  it('download URLs keep user input out of the host part', () => {
    expect(new URL(kindAssetUrl('https://kind.sigs.k8s.io/dl', 'v0.32.0', 'darwin', 'arm64')).host).toBe('kind.sigs.k8s.io');
  });
});
