import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './fixtures.js';

/** The docker stand-in that answers only kind's provider checks (test/standins/provider-checks/docker). */
export const providerChecksDocker = path.join(repoRoot, 'test', 'standins', 'provider-checks');

export interface KindVerdict {
  accepted: boolean;
  output: string;
}

/**
 * What the real kind says about a config file: `kind create cluster --config <file>` with a docker
 * on PATH that answers only the provider checks. kind loads, defaults and validates the config
 * before it prints `Creating cluster "<name>" ...` (pkg/cluster/internal/create/create.go), so
 * that line means accepted, and kind is stopped there (the rest would only fail at docker); an
 * exit before it means refused. No --name and no KIND_CLUSTER_NAME, so the config's own name is the
 * one kind validates.
 */
export function kindVerdict(kind: string, file: string, kubeconfig: string, timeoutMs = 60_000): Promise<KindVerdict> {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${providerChecksDocker}${path.delimiter}${process.env.PATH ?? ''}` };
  delete env.KIND_CLUSTER_NAME;
  delete env.KIND_EXPERIMENTAL_PROVIDER;
  return new Promise((resolve, reject) => {
    const child = spawn(kind, ['create', 'cluster', '--config', file, '--kubeconfig', kubeconfig], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let accepted = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kind gave no verdict on ${file} within ${timeoutMs} ms; it printed: ${output}`));
    }, timeoutMs);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      if (!accepted && /Creating cluster "[^"]*" \.\.\./.test(output)) {
        accepted = true;
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (!accepted && code === 0) reject(new Error(`kind exited 0 without "Creating cluster" on ${file}: ${output}`));
      else if (!accepted && !/ERROR: failed to create cluster/.test(output)) reject(new Error(`kind stopped without a verdict on ${file} (exit ${String(code)}): ${output}`));
      else resolve({ accepted, output });
    });
  });
}
