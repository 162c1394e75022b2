import { SettingsSchema, type Settings } from './settings.js';

/**
 * What can be kept of a settings file that no longer validates as a whole: every top-level field
 * that still validates on its own, the rest from `fallback` (the last good copy, else the
 * defaults). One bad byte in the kind config must not cost the tool paths and the remote target.
 */
export function salvageSettings(candidate: unknown, fallback: Settings): { settings: Settings; kept: string[]; lost: string[] } {
  const source = candidate && typeof candidate === 'object' && !Array.isArray(candidate) ? (candidate as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = { ...fallback };
  const kept: string[] = [];
  const lost: string[] = [];
  for (const [key, field] of Object.entries(SettingsSchema.shape)) {
    if (!(key in source)) continue;
    const parsed = field.safeParse(source[key]);
    if (parsed.success) {
      merged[key] = parsed.data;
      kept.push(key);
    } else lost.push(key);
  }
  return { settings: SettingsSchema.parse(merged), kept, lost };
}
