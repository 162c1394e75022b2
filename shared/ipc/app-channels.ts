import { z } from 'zod';

export const NoticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  shell: z.enum(['electron', 'browser']),
  platform: z.string(),
  dataDir: z.string(),
  logDir: z.string(),
  homeDir: z.string(),
  notices: z.array(NoticeSchema),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appRequests = {
  'app:info': { input: z.object({}).strict(), output: AppInfoSchema },
  'app:dismissNotice': { input: z.object({ id: z.string().max(200) }).strict(), output: z.null() },
} as const;

export const appEvents = {
  'app:notice': NoticeSchema,
  /** A notice that stopped being true (a swap restored, say) is taken back. */
  'app:noticeRemoved': z.object({ id: z.string() }),
} as const;
