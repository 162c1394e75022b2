import { SettingsPatchSchema, SettingsSchema } from '../settings/settings.js';

export const settingsRequests = {
  'settings:get': { input: SettingsPatchSchema.pick({}).strict(), output: SettingsSchema },
  'settings:update': { input: SettingsPatchSchema, output: SettingsSchema },
} as const;
