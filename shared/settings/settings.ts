import { z } from 'zod';

/** What the user chose, kept across restarts. Every field has a default so an empty file is valid. */
export const SettingsSchema = z.object({
  version: z.literal(1),
  /** The folder the Shell tab opens in; empty means the home folder. */
  shellCwd: z.string().max(4096),
  /** Lines the terminal keeps; older output stays in the step's log file. */
  scrollback: z.number().int().min(1000).max(100_000),
  /** Explicit tool paths that win over PATH, e.g. { kind: "/opt/homebrew/bin/kind" }. */
  toolPaths: z.record(z.string().regex(/^[a-z0-9-]+$/), z.string().max(4096)),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const defaultSettings: Settings = { version: 1, shellCwd: '', scrollback: 10_000, toolPaths: {} };

export const SettingsPatchSchema = SettingsSchema.omit({ version: true }).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
