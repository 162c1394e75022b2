import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import { SettingsPatchSchema, SettingsSchema, defaultSettings, type Settings, type SettingsPatch } from '../../../shared/settings/settings.js';
import { loadJsonFile, writeJsonAtomic } from './json-file.js';

/** The user's settings, in settings.json of the data folder. */
export class SettingsStore {
  private current: Settings = defaultSettings;
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string) {}

  /** Loads the settings; `problem` says when a corrupt file was set aside. */
  static async open(dataDir: string): Promise<{ store: SettingsStore; problem?: string }> {
    const store = new SettingsStore(path.join(dataDir, 'settings.json'));
    const loaded = await loadJsonFile(store.file, SettingsSchema, defaultSettings);
    store.current = loaded.value;
    return { store, problem: loaded.problem };
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const parsed = SettingsPatchSchema.safeParse(patch);
    if (!parsed.success) throw new AppError(`Settings not saved: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const next = SettingsSchema.parse({ ...this.current, ...parsed.data });
    // Writes are queued so two quick updates cannot interleave their temp files.
    this.writing = this.writing.then(() => writeJsonAtomic(this.file, next));
    await this.writing;
    this.current = next;
    return this.get();
  }
}
