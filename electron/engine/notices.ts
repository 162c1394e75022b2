import type { Notice } from '../../shared/ipc/app-channels.js';
import type { Broadcaster } from './broadcaster.js';

/**
 * The notices every window shows. A notice about something that can stop being true carries a
 * key, and `clear(key)` takes it back from every window when it does.
 */
export class Notices {
  private list: Array<Notice & { key?: string }> = [];
  private counter = 0;

  constructor(private readonly broadcaster: Broadcaster) {}

  all(): Notice[] {
    return this.list.map(({ id, level, message }) => ({ id, level, message }));
  }

  add(level: Notice['level'], message: string, key?: string): void {
    if (key) this.clear(key);
    const notice = { id: `notice-${++this.counter}`, level, message };
    this.list.push({ ...notice, key });
    this.broadcaster.send('app:notice', notice);
  }

  dismiss(id: string): void {
    this.list = this.list.filter((notice) => notice.id !== id);
  }

  clear(key: string): void {
    for (const notice of this.list.filter((n) => n.key === key)) {
      this.dismiss(notice.id);
      this.broadcaster.send('app:noticeRemoved', { id: notice.id });
    }
  }
}
