import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildRecords } from '../../electron/engine/build/build-records.js';
import { locateTestBinaries } from '../../electron/engine/e2e/test-binaries.js';
import { SettingsSchema } from '../../shared/settings/settings.js';
import { useTempDir } from '../support/use-temp-dir.js';

/** An executable file (a shell script; only its place and mode matter here). */
async function executable(file: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '#!/bin/sh\nexit 0\n');
  await chmod(file, 0o755);
  return file;
}

// e2e.test's --kubectl-path defaults to "kubectl" from PATH (kubernetes v1.35.4
// test/e2e/framework/test_context.go); the Test step passes the kubectl built with the e2e.test.
describe('the kubectl the specs run', () => {
  const temp = useTempDir('test-binaries');

  it('is the one the Build step made, with its folder for the front of PATH', async () => {
    const checkout = path.join(temp.dir, 'kubernetes');
    const dataDir = path.join(temp.dir, 'data');
    for (const name of ['kubectl', 'e2e.test', 'ginkgo']) await executable(path.join(checkout, '_output/local/go/bin', name));
    const other = await executable(path.join(temp.dir, 'usr-bin', 'kubectl'));
    const { records } = await BuildRecords.open(dataDir, checkout);
    await records.remember('test-binaries', { fingerprint: 'f', builtAt: 1, commit: 'c', outputs: ['kubectl', 'e2e.test', 'ginkgo'].map((name) => ({ path: `_output/local/go/bin/${name}`, binary: 'ELF' })) });
    const settings = SettingsSchema.parse({ sourceDir: checkout });
    const found = await locateTestBinaries(settings, dataDir, [path.dirname(other)]);
    expect(found.kubectl).toEqual({ path: path.join(checkout, '_output/local/go/bin/kubectl'), source: 'built' });
    expect(found.binDir).toBe(path.join(checkout, '_output/local/go/bin'));
    expect(found.e2eTest).toBe(path.join(checkout, '_output/local/go/bin/e2e.test'));
  });

  it('is the one beside an e2e.test set in settings, else the one on the search path (a kubectl path in settings first)', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const e2eTest = await executable(path.join(temp.dir, 'release', 'e2e.test'));
    const onPath = await executable(path.join(temp.dir, 'usr-bin', 'kubectl'));
    const settings = (toolPaths: Record<string, string>) => SettingsSchema.parse({ toolPaths });

    expect((await locateTestBinaries(settings({ 'e2e-test': e2eTest }), dataDir, [path.dirname(onPath)])).kubectl).toEqual({ path: onPath, source: 'search path' });
    const beside = await executable(path.join(temp.dir, 'release', 'kubectl'));
    const found = await locateTestBinaries(settings({ 'e2e-test': e2eTest }), dataDir, [path.dirname(onPath)]);
    expect(found.kubectl).toEqual({ path: beside, source: 'beside e2e.test' });
    expect(found.binDir).toBe(path.dirname(beside));

    const set = await executable(path.join(temp.dir, 'opt', 'kubectl'));
    await writeFile(beside, '');
    await chmod(beside, 0o644); // not executable: not taken
    expect((await locateTestBinaries(settings({ 'e2e-test': e2eTest, kubectl: set }), dataDir, [path.dirname(onPath)])).kubectl).toEqual({ path: set, source: 'search path' });
    const none = await locateTestBinaries(settings({ 'e2e-test': e2eTest }), dataDir, [path.join(temp.dir, 'empty')]);
    expect(none.kubectl).toBeUndefined();
    expect(none.binDir).toBeUndefined();
  });
});
