import { describe, expect, it } from 'vitest';
import { formatArgv } from '../../../shared/commands/format-argv.js';

describe('formatArgv', () => {
  it('leaves plain words alone', () => {
    expect(formatArgv(['kind', 'create', 'cluster', '--name=e2e', '--image', 'kindest/node:v1.34.0'])).toBe('kind create cluster --name=e2e --image kindest/node:v1.34.0');
  });
  it('quotes what a shell would interpret, so a copied line means the same argv', () => {
    expect(formatArgv(['e2e.test', '--ginkgo.focus=\\[sig-scheduling\\] $(rm -rf /)'])).toBe("e2e.test '--ginkgo.focus=\\[sig-scheduling\\] $(rm -rf /)'");
    expect(formatArgv(["it's"])).toBe("'it'\\''s'");
    expect(formatArgv([''])).toBe("''");
  });
});
