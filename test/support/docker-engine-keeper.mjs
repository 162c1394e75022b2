// Watchdog for the tests' own dockerd (docker-engine.ts starts one beside each dockerd it starts).
// The test processes that use the engine each hold a lease, a file named after their pid; the last
// to release stops the daemon itself. A test process killed outright cannot, so this watches: once
// the daemon has had no live lease holder for two checks in a row (and no one holds the set-up
// lock), it stops dockerd (SIGTERM, SIGKILL after 30 s) and exits. It exits too when dockerd is gone.
// Usage: node docker-engine-keeper.mjs <run dir> <dockerd pid>
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const [runDir, pidText] = process.argv.slice(2);
const dockerd = Number(pidText);
if (!runDir || !Number.isInteger(dockerd) || dockerd <= 0) {
  console.error('usage: docker-engine-keeper.mjs <run dir> <dockerd pid>');
  process.exit(2);
}

// A zombie (exited, not yet reaped by a parent that was killed) counts as gone.
const alive = (pid) => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};
const leaseHolders = () => {
  try {
    return readdirSync(path.join(runDir, 'leases')).map((name) => Number(name.split('-')[0])).filter((pid) => alive(pid));
  } catch {
    return [];
  }
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let idleChecks = 0;
while (alive(dockerd)) {
  const locked = existsSync(path.join(runDir, 'lock'));
  idleChecks = !locked && leaseHolders().length === 0 ? idleChecks + 1 : 0;
  if (idleChecks >= 2) {
    process.kill(dockerd, 'SIGTERM');
    const deadline = Date.now() + 30_000;
    while (alive(dockerd) && Date.now() < deadline) await sleep(200);
    if (alive(dockerd)) process.kill(dockerd, 'SIGKILL');
    break;
  }
  await sleep(1_000);
}
