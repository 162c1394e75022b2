// A watchdog for the harness's server processes, run as a child of the harness with a pipe on
// its stdin. The harness writes "+<pgid>" when it starts a server group and "-<pgid>" when that
// group is gone. If the pipe reaches end-of-file while groups are still listed, the harness
// died without stopping them (SIGKILL, a crash): this process then kills those groups.
// It ignores the signals a terminal sends to the whole foreground group, so that a Ctrl-C lets
// the harness do its orderly stop first.
import { createInterface } from 'node:readline';

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => undefined);

const groups = new Set();
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const pgid = Number(line.slice(1));
  if (!Number.isInteger(pgid) || pgid <= 1) return;
  if (line.startsWith('+')) groups.add(pgid);
  else if (line.startsWith('-')) groups.delete(pgid);
});
lines.on('close', () => {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  process.exit(0);
});
