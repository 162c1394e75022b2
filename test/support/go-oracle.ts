import { execFile, spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { goCommand } from './go-command.js';
import { testCacheDir } from './real-kind.js';

const run = promisify(execFile);

/**
 * A small Go program used as a judge in tests (Go's own regexp, net or yaml behaviour): built once
 * from its source and the modules it needs, cached under testCacheDir(name, 'v1'), then asked one
 * question per call — JSON on its stdin, JSON on its stdout.
 */
export async function askGoOracle<T>(oracle: { name: string; program: string; modules?: string[] }, question: unknown): Promise<T> {
  const binary = testCacheDir(oracle.name, 'v1', 'oracle');
  if (!(await access(binary).then(() => true, () => false))) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-oracle-'));
    await writeFile(path.join(dir, 'go.mod'), 'module oracle\n\ngo 1.22\n');
    await writeFile(path.join(dir, 'main.go'), oracle.program);
    const env = { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false' };
    for (const module of oracle.modules ?? []) await run(goCommand(), ['get', module], { cwd: dir, env, timeout: 5 * 60_000 });
    await mkdir(path.dirname(binary), { recursive: true });
    await run(goCommand(), ['build', '-o', `${binary}.tmp`, '.'], { cwd: dir, env, timeout: 5 * 60_000 });
    await rename(`${binary}.tmp`, binary);
    await rm(dir, { recursive: true, force: true });
  }
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`the Go oracle ${oracle.name} exited ${String(code)}`))));
    child.stdin.end(JSON.stringify(question));
  });
}
