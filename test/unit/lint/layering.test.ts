import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `file`; returns the rule ids that fired. */
async function rulesFired(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
}

describe('the layering lint', () => {
  it.each([
    ['shared/host/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['shared/host/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/host/x.ts', "import { execa } from 'execa';\nexport const a = execa;\n"],
    ['shared/host/x.ts', "import { create } from 'zustand';\nexport const a = create;\n"],
    ['shared/host/x.ts', "import { useState } from 'react';\nexport const a = useState;\n"],
    ['renderer/src/x.ts', "import path from 'node:path';\nexport const a = path;\n"],
    ['renderer/src/x.ts', "import { spawn } from 'node-pty';\nexport const a = spawn;\n"],
    ['renderer/src/x.ts', "import { Engine } from '../../electron/engine/engine.js';\nexport const a = Engine;\n"],
    ['electron/engine/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/main/x.ts', "import { execa } from 'execa';\nexport const a = execa;\n"],
  ])('%s may not import that (%#)', async (file, code) => {
    expect(await rulesFired(file, code)).toContain('no-restricted-imports');
  });

  it('shared/ and renderer/ may not use Node globals', async () => {
    expect(await rulesFired('shared/host/x.ts', 'export const cwd = process.cwd();\n')).toContain('no-restricted-globals');
    expect(await rulesFired('renderer/src/x.ts', "export const b = Buffer.from('a');\n")).toContain('no-restricted-globals');
  });

  it('nothing runs a shell string', async () => {
    expect(await rulesFired('electron/engine/x.ts', "import { spawn } from 'node:child_process';\nspawn('ls', [], { shell: true });\n")).toContain('no-restricted-syntax');
  });

  it('allows what each layer is for', async () => {
    expect(await rulesFired('shared/host/x.ts', "import { z } from 'zod';\nexport const a = z.string();\n")).toEqual([]);
    expect(await rulesFired('electron/engine/x.ts', "import { execa } from 'execa';\nimport path from 'node:path';\nexport const a = [execa, path];\n")).toEqual([]);
    expect(await rulesFired('renderer/src/x.ts', "import { create } from 'zustand';\nexport const a = create;\n")).toEqual([]);
  });
});
