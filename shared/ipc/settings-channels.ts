import { z } from 'zod';
import { SettingsPatchSchema, SettingsSchema } from '../settings/settings.js';

export const settingsRequests = {
  'settings:get': { input: z.object({}).strict(), output: SettingsSchema },
  'settings:update': { input: SettingsPatchSchema, output: SettingsSchema },
} as const;
