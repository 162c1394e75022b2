import { readFileSync } from 'node:fs';
import { execa } from 'execa';
import { descendantsOf, parseProcessTable } from '../../../shared/commands/process-table.js';

/** Every live process below `pid`, read from `ps` at this moment. */
export async function listDescendants(pid: number): Promise<number[]> {
  const { stdout } = await execa('ps', ['-A', '-o', 'pid=,ppid='], { reject: false, timeout: 5000 });
  return descendantsOf(parseProcessTable(stdout), pid);
}

/** The live processes (not this one) whose command line contains `text`, read from `ps` at this moment. */
export async function processesWhoseArgsContain(text: string): Promise<number[]> {
  const { stdout } = await execa('ps', ['-A', '-o', 'pid=,args='], { reject: false, timeout: 5000 });
  return String(stdout ?? '')
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m?.[2]?.includes(text) === true)
    .map((m) => Number(m[1]))
    .filter((pid) => pid !== process.pid);
}

/** True while `pid` exists and is not a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

/** Sends `signal` to a process group and to each listed process; the ones already gone are ignored. */
export function signalAll(groupLeader: number, pids: Iterable<number>, signal: NodeJS.Signals): void {
  const targets = [-groupLeader, groupLeader, ...pids];
  for (const target of targets) {
    try {
      process.kill(target, signal);
    } catch {
      // Already gone, or never ours: either way there is nothing left to signal.
    }
  }
}
