import { describe, expect, it } from 'vitest';
import { eventChannelNames, isRequestChannel, requestChannelNames, requestChannels } from '../../../shared/ipc/contract.js';

describe('the IPC contract', () => {
  it('names channels <domain>:<verb> and gives every one an input and an output schema', () => {
    expect(requestChannelNames.length).toBeGreaterThan(10);
    for (const name of [...requestChannelNames, ...eventChannelNames]) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
    for (const name of requestChannelNames) {
      expect(typeof requestChannels[name].input.safeParse).toBe('function');
      expect(typeof requestChannels[name].output.safeParse).toBe('function');
    }
  });

  it('refuses names that are not channels, including inherited properties', () => {
    expect(isRequestChannel('steps:run')).toBe(true);
    expect(isRequestChannel('toString')).toBe(false);
    expect(isRequestChannel('__proto__')).toBe(false);
    expect(isRequestChannel(42)).toBe(false);
  });

  it('rejects extra fields and wrong types', () => {
    expect(requestChannels['steps:run'].input.safeParse({ stepId: 'host' }).success).toBe(true);
    expect(requestChannels['steps:run'].input.safeParse({ stepId: 'host', extra: 1 }).success).toBe(false);
    expect(requestChannels['steps:run'].input.safeParse({ stepId: '../etc' }).success).toBe(false);
    expect(requestChannels['shell:open'].input.safeParse({ cols: 0, rows: 24 }).success).toBe(false);
    expect(requestChannels['output:ack'].input.safeParse({ streamId: 's', chars: -1 }).success).toBe(false);
  });
});
