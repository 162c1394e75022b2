import { z } from 'zod';
import { SettingsPatchSchema, SettingsSchema } from '../settings/settings.js';

export const settingsRequests = {
  'settings:get': { input: z.object({}).strict(), output: SettingsSchema },
  'settings:update': { input: SettingsPatchSchema, output: SettingsSchema },
} as const;

export const settingsEvents = {
  /** Settings saved by anyone: a form, a run's filters, a rerun. */
  'settings:changed': SettingsSchema,
} as const;
