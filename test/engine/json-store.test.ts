import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import { writeJsonAtomic } from '../../electron/engine/store/json-file.js';
import { SettingsStore } from '../../electron/engine/store/settings-store.js';
import { defaultSettings } from '../../shared/settings/settings.js';
import { RecordingClient } from '../support/recording-client.js';
import { useTempDir } from '../support/use-temp-dir.js';

describe('settings and history files', () => {
  const temp = useTempDir('store');

  it('a corrupt settings file is set aside, the app starts clean and says so', async () => {
    const file = path.join(temp.dir, 'settings.json');
    await writeFile(file, '{"version": 1, "shellCwd": "/tmp", "scrollb');
    const engine = await Engine.start({ dataDir: temp.dir, shell: 'browser', version: 'test' });
    const session = engine.connect(new RecordingClient());

    const info = await session.request('app:info', {});
    expect(info.ok).toBe(true);
    const notices = info.ok ? (info.result as { notices: Array<{ message: string }> }).notices : [];
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(/settings\.json could not be read .* moved to .*settings\.json\.corrupt-/);

    const files = await readdir(temp.dir);
    const aside = files.find((name) => name.startsWith('settings.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(temp.dir, aside ?? ''), 'utf8')).toContain('"scrollb');
    // Nothing of a torn file reads and there is no last good copy yet: the defaults, written back whole.
    expect((await session.request('settings:get', {})) as unknown).toEqual({ ok: true, result: defaultSettings });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(defaultSettings);
  });

  it('a file that no longer validates keeps every field that still does', async () => {
    const saved = { ...defaultSettings, toolPaths: { kubectl: '/opt/k8s/kubectl' }, sourceDir: '/src/kubernetes', mode: 'remote', remote: { ...defaultSettings.remote, context: 'kind-e2e' }, scrollback: 'lots' };
    await writeFile(path.join(temp.dir, 'settings.json'), JSON.stringify(saved));
    const { store, problem } = await SettingsStore.open(temp.dir);
    expect(problem).toMatch(/scrollback came from the defaults/);
    expect(store.get()).toEqual({ ...defaultSettings, toolPaths: { kubectl: '/opt/k8s/kubectl' }, sourceDir: '/src/kubernetes', mode: 'remote', remote: { ...defaultSettings.remote, context: 'kind-e2e' } });
  });

  it('a file that does not parse at all gives back the last good copy', async () => {
    const { store } = await SettingsStore.open(temp.dir);
    await store.update({ sourceDir: '/src/kubernetes', toolPaths: { kubectl: '/opt/k8s/kubectl' } });
    await writeFile(path.join(temp.dir, 'settings.json'), '{"sourceDir": "/src/kubern\u0000');
    const again = await SettingsStore.open(temp.dir);
    expect(again.problem).toMatch(/the settings came from the last good copy/);
    expect(again.store.get()).toMatchObject({ sourceDir: '/src/kubernetes', toolPaths: { kubectl: '/opt/k8s/kubectl' } });
  });

  it('a settings file from an older version (fields missing) loads with defaults', async () => {
    await writeFile(path.join(temp.dir, 'settings.json'), JSON.stringify({ version: 1, shellCwd: '/srv' }));
    const { store, problem } = await SettingsStore.open(temp.dir);
    expect(problem).toBeUndefined();
    expect(store.get()).toEqual({ ...defaultSettings, shellCwd: '/srv' });
  });

  it('a settings file of the wrong shape is set aside too', async () => {
    await writeFile(path.join(temp.dir, 'settings.json'), JSON.stringify({ version: 1, scrollback: 'lots' }));
    const { problem } = await SettingsStore.open(temp.dir);
    expect(problem).toMatch(/scrollback/);
  });

  it('a corrupt history file is set aside and reported', async () => {
    await writeFile(path.join(temp.dir, 'history.json'), 'not json at all');
    const engine = await Engine.start({ dataDir: temp.dir, shell: 'browser', version: 'test' });
    const reply = await engine.connect(new RecordingClient()).request('app:info', {});
    expect(JSON.stringify(reply)).toMatch(/history\.json could not be read/);
  });

  it('saves settings atomically and reads them back after a restart', async () => {
    const { store } = await SettingsStore.open(temp.dir);
    await store.update({ shellCwd: '/srv/k8s', scrollback: 20_000 });
    expect((await readdir(temp.dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const again = await SettingsStore.open(temp.dir);
    expect(again.problem).toBeUndefined();
    expect(again.store.get()).toMatchObject({ shellCwd: '/srv/k8s', scrollback: 20_000 });
  });

  it('refuses a bad update and keeps the file as it was', async () => {
    const { store } = await SettingsStore.open(temp.dir);
    await store.update({ scrollback: 5000 });
    await expect(store.update({ scrollback: 5 })).rejects.toThrow(/Settings not saved/);
    expect(JSON.parse(await readFile(path.join(temp.dir, 'settings.json'), 'utf8')).scrollback).toBe(5000);
  });

  it('says at start-up when a scheduler hot-swap was interrupted', async () => {
    await mkdir(path.join(temp.dir, 'clusters', 'e2e'), { recursive: true });
    await writeFile(path.join(temp.dir, 'clusters', 'e2e', 'scheduler-hot-swap.json'), JSON.stringify({ node: 'e2e-control-plane', state: 'swapping', binary: '/x/kube-scheduler', at: 1 }));
    const engine = await Engine.start({ dataDir: temp.dir, shell: 'browser', version: 'test', skipLoginShell: true });
    const reply = await engine.connect(new RecordingClient()).request('app:info', {});
    expect(JSON.stringify(reply)).toMatch(/hot-swap on the kind cluster e2e was interrupted \(swapping\)/);
  });

  it('leaves no temp file when the write cannot complete', async () => {
    const target = path.join(temp.dir, 'missing-folder', 'x.json');
    await expect(writeJsonAtomic(target, { a: 1 })).rejects.toThrow();
    expect((await readdir(temp.dir)).filter((name) => name.includes('.tmp'))).toEqual([]);
  });
});
