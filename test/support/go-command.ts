import { existsSync } from 'node:fs';
import path from 'node:path';

/** The go binary for test set-up: the first on PATH, else the usual install folder. */
export function goCommand(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'go'))) return path.join(dir, 'go');
  }
  return '/usr/local/go/bin/go';
}
