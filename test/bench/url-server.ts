import { type ChildProcess, spawn } from 'node:child_process';

export interface UrlServer {
  url: string;
  child: ChildProcess;
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Spawns a server process and resolves with the URL it prints on a line "Open: <url>".
 * The process is stopped again if that line does not come.
 */
export async function startUrlServer(argv: readonly string[], options: { cwd: string; timeoutMs?: number }): Promise<UrlServer> {
  const [file = '', ...args] = argv;
  const child = spawn(file, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const stop = async (graceMs = 10_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "Open: <url>" line within ${options.timeoutMs ?? 30_000} ms`)), options.timeoutMs ?? 30_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /^Open: (http\S+)$/m.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`exited (${signal ?? code}) before printing its URL`)));
    });
    return { url, child, stop };
  } catch (error) {
    await stop(2_000);
    throw new Error(`${argv.join(' ')}: ${(error as Error).message}\nstdout: ${stdout}\nstderr: ${stderr}`);
  }
}
