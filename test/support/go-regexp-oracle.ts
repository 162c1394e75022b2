import { execFile, spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { goCommand } from './go-command.js';
import { testCacheDir } from './real-kind.js';

const run = promisify(execFile);

const program = `package main

import (
	"encoding/json"
	"os"
	"regexp"
)

// Reads a JSON array of patterns on stdin; prints, for each, the error regexp.Compile gives ("" when it compiles).
func main() {
	var patterns []string
	if err := json.NewDecoder(os.Stdin).Decode(&patterns); err != nil {
		panic(err)
	}
	out := make([]string, len(patterns))
	for i, p := range patterns {
		if _, err := regexp.Compile(p); err != nil {
			out[i] = err.Error()
		}
	}
	_ = json.NewEncoder(os.Stdout).Encode(out)
}
`;

/** Go's own regexp.Compile, as a judge of what ginkgo will accept; built once and cached. */
export async function goRegexpErrors(patterns: string[]): Promise<string[]> {
  const binary = testCacheDir('go-regexp-oracle', 'v1', 'oracle');
  if (!(await access(binary).then(() => true, () => false))) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-oracle-'));
    await writeFile(path.join(dir, 'go.mod'), 'module oracle\n\ngo 1.22\n');
    await writeFile(path.join(dir, 'main.go'), program);
    await mkdir(path.dirname(binary), { recursive: true });
    await run(goCommand(), ['build', '-o', `${binary}.tmp`, '.'], { cwd: dir, env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false' } });
    await rename(`${binary}.tmp`, binary);
    await rm(dir, { recursive: true, force: true });
  }
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(JSON.parse(out) as string[]));
    child.stdin.end(JSON.stringify(patterns));
  });
}
