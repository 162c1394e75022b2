import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import { salvageSettings } from '../../../shared/settings/salvage-settings.js';
import { SettingsPatchSchema, SettingsSchema, defaultSettings, type Settings, type SettingsPatch } from '../../../shared/settings/settings.js';
import { loadJsonFile, writeJsonAtomic } from './json-file.js';

/**
 * The user's settings, in settings.json of the data folder, with a copy of the last good version
 * beside it (written on every save), so a corrupt file costs as little as possible.
 */
export class SettingsStore {
  private current: Settings = defaultSettings;
  private writing: Promise<void> = Promise.resolve();
  /** Told of every saved change, whoever made it. */
  onChange: (settings: Settings) => void = () => undefined;

  private constructor(
    private readonly file: string,
    private readonly lastGood: string,
  ) {}

  /**
   * Loads the settings. A file that does not validate is moved aside (never deleted); every field
   * of it that still validates is kept, the rest comes from the last good copy, else the defaults,
   * and `problem` says which.
   */
  static async open(dataDir: string): Promise<{ store: SettingsStore; problem?: string }> {
    const file = path.join(dataDir, 'settings.json');
    const store = new SettingsStore(file, `${file}.last-good`);
    const loaded = await loadJsonFile(file, SettingsSchema, defaultSettings);
    store.current = loaded.value;
    if (!loaded.aside) return { store };
    const lastGood = (await loadJsonFile(store.lastGood, SettingsSchema.optional(), undefined)).value;
    const { settings, kept, lost } = salvageSettings(loaded.raw, lastGood ?? defaultSettings);
    store.current = settings;
    await writeJsonAtomic(file, settings);
    const from = lastGood ? 'the last good copy' : 'the defaults';
    const what = kept.length > 0 ? `Kept what still reads (${kept.join(', ')})${lost.length > 0 ? `; ${lost.join(', ')} came from ${from}` : ''}.` : `Nothing in it could be read; the settings came from ${from}.`;
    return { store, problem: `settings.json could not be read (${loaded.reason ?? 'unreadable'}). It was moved to ${loaded.aside}. ${what}` };
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const parsed = SettingsPatchSchema.safeParse(patch);
    if (!parsed.success) throw new AppError(`Settings not saved: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const next = SettingsSchema.parse({ ...this.current, ...parsed.data });
    // Writes are queued so two quick updates cannot interleave their temp files; the last good
    // copy follows each save that validated.
    this.writing = this.writing.then(async () => {
      await writeJsonAtomic(this.file, next);
      await writeJsonAtomic(this.lastGood, next);
    });
    await this.writing;
    this.current = next;
    this.onChange(this.get());
    return this.get();
  }
}
