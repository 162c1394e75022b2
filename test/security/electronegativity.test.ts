import { execFile } from 'node:child_process';
import { cp, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/fixtures.js';
import { useTempDir } from '../support/use-temp-dir.js';

const run = promisify(execFile);

interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
  sample: string;
}

interface Allowed {
  check: string;
  file: string;
  reason: string;
}

/** Reads electronegativity's CSV output (quoted fields, commas inside quotes). */
function parseCsv(text: string): Finding[] {
  const rows = text.trim().split('\n').slice(1);
  return rows.map((row) => {
    const cells = [...row.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => (m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    const [check = '', severity = '', , file = '', location = '', sample = ''] = cells;
    return { check, severity, file, location, sample };
  });
}

describe('Electronegativity over the Electron code', () => {
  const temp = useTempDir('electronegativity');

  it('finds no HIGH or MEDIUM issue that is not explained in build/electronegativity-allowlist.json', async () => {
    // The scanned tree: the Electron shell's sources and the page it loads.
    const input = path.join(temp.dir, 'app');
    await mkdir(input);
    await cp(path.join(repoRoot, 'electron', 'main'), path.join(input, 'main'), { recursive: true });
    await cp(path.join(repoRoot, 'electron', 'preload'), path.join(input, 'preload'), { recursive: true });
    await cp(path.join(repoRoot, 'renderer', 'index.html'), path.join(input, 'index.html'));
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
    const output = path.join(temp.dir, 'findings.csv');
    await run(process.execPath, [path.join(repoRoot, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'), '-i', input, '-o', output, '-e', pkg.version], { timeout: 120_000 });

    const findings = parseCsv(await readFile(output, 'utf8')).map((f) => ({ ...f, file: path.relative(input, f.file) }));
    const allowed = JSON.parse(await readFile(path.join(repoRoot, 'build', 'electronegativity-allowlist.json'), 'utf8')) as Allowed[];
    for (const entry of allowed) expect(entry.reason.length, `${entry.check} needs a reason`).toBeGreaterThan(40);

    const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
    const unexplained = serious.filter((f) => !allowed.some((a) => a.check === f.check && a.file === f.file));
    expect(unexplained, 'unexplained findings').toEqual([]);
    // An allow-list entry that no longer matches anything is stale and must go.
    const stale = allowed.filter((a) => !serious.some((f) => f.check === a.check && f.file === a.file));
    expect(stale, 'stale allow-list entries').toEqual([]);
  });
});
