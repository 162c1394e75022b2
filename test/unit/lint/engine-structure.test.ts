import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const filesUnder = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mjs)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
const source = (file: string): string => readFileSync(path.join(root, file), 'utf8');
/** Lines of the files under `dir` that match `pattern`, as "file:line: text". */
const matching = (dir: string, pattern: RegExp, only: (file: string) => boolean = () => true): string[] =>
  filesUnder(dir)
    .filter(only)
    .flatMap((file) => source(file).split('\n').flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));

/** The structure issue 15 asks for, checked on the tree itself so it cannot drift back. */
describe('the engine’s structure', () => {
  it('the remote swap journal is read by one module, the swap guard', () => {
    const readers = matching('electron', /\breadJournal\b/, (file) => !file.includes('/kind/')).map((line) => line.split(':')[0]);
    expect([...new Set(readers)].sort()).toEqual(['electron/engine/remote/remote-files.ts', 'electron/engine/remote/swap-guard.ts']);
  });

  it('no step file imports another step file', () => {
    const steps = filesUnder('electron/engine/steps').filter((file) => file.endsWith('-step.ts'));
    const imports = steps.flatMap((file) => [...source(file).matchAll(/from '\.\/([\w-]+-step)\.js'/g)].map((m) => `${file} imports ${m[1]}`));
    expect(imports).toEqual([]);
  });

  it('no step branches on the mode: the cluster target per mode does', () => {
    expect(matching('electron/engine/steps', /\bmode\s*[!=]==|[!=]==\s*'(kind|remote)'/)).toEqual([]);
  });

  it('no behaviour in electron/ is decided on a sentence (messages, problems, reasons are for people)', () => {
    expect(matching('electron', /\b(message|problem|reason|stale|error)\b[\w.?]*\.(startsWith|includes|endsWith|split|match)\(/)).toEqual([]);
  });

  it('every start path goes through StepRunner.start, which asks the gate', () => {
    const runner = source('electron/engine/steps/step-runner.ts');
    expect(runner).toMatch(/start\(stepId: StepId[^]*?const refusal = this\.options\.gate\?\.\(stepId\);\s*if \(refusal\) throw new AppError\(refusal\);/);
    expect(matching('electron', /refuseWhileUnrestored/)).toEqual([]);
  });

  it('Engine is wiring only: one options object, under 200 lines', () => {
    const engine = source('electron/engine/engine.ts');
    expect(engine.split('\n').length).toBeLessThan(200);
    expect(engine).toMatch(/private constructor\(private readonly parts: EngineParts\)/);
  });

  it('every way the Electron app ends gives the cluster back (checked statically: Electron cannot run here)', () => {
    const main = source('electron/main/index.ts');
    for (const hook of ["app.on('before-quit'", "app.on('window-all-closed'", "powerMonitor.on('shutdown'", "powerMonitor.on('suspend'"]) expect(main, hook).toContain(hook);
    expect(main).toMatch(/\['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'\][^\n]*process\.on\(signal, quit\)/);
    expect(main).toMatch(/const quit = \(\): void => \{[^]*?engine\.shutdown\(/);
    expect(main).toMatch(/powerMonitor\.on\('suspend', \(\) => void engine\.giveBackCluster\(/);
    expect(source('electron/web/cli.ts')).toMatch(/quitSignals = \['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'\]/);
    expect(source('electron/launch/start.mjs')).toMatch(/quitSignals = \['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'\]/);
  });
});
