import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featureGatesArgs, featureGatesProblem, formatFeatureGates, parseFeatureGates } from '../../../shared/remote/feature-gates.js';
import { localSchedulerArgv } from '../../../shared/remote/local-scheduler-argv.js';
import { SettingsSchema } from '../../../shared/settings/settings.js';

// The real kube-scheduler accepting these flags is test/real/scheduler-feature-gates.test.ts.
describe('kube-scheduler feature gates', () => {
  it('go on the command line sorted by name, as --feature-gates=A=true,B=false', () => {
    expect(featureGatesArgs({ SchedulerQueueingHints: false, AllAlpha: true, DynamicResourceAllocation: true })).toEqual(['--feature-gates=AllAlpha=true,DynamicResourceAllocation=true,SchedulerQueueingHints=false']);
    expect(featureGatesArgs({})).toEqual([]);
  });

  it('are part of the local scheduler argv only when set', () => {
    const spec = { binary: '/k/_output/bin/kube-scheduler', config: '/d/config.yaml', kubeconfig: '/d/kubeconfig', port: 10259 };
    expect(localSchedulerArgv(spec)).toEqual([
      '/k/_output/bin/kube-scheduler',
      '--config=/d/config.yaml',
      '--authentication-kubeconfig=/d/kubeconfig',
      '--authorization-kubeconfig=/d/kubeconfig',
      '--bind-address=127.0.0.1',
      '--secure-port=10259',
      '--v=2',
    ]);
    expect(localSchedulerArgv({ ...spec, featureGates: { B: false, A: true } })).toContain('--feature-gates=A=true,B=false');
    expect(() => localSchedulerArgv({ ...spec, featureGates: { 'A=true,B': true } })).toThrow(/not a feature gate name/);
  });

  it('are read from the form as kube-scheduler reads its flag: commas, trimmed, Go booleans', () => {
    expect(parseFeatureGates(' A=true , B = false,,C=1,D=F ')).toEqual({ gates: { A: true, B: false, C: true, D: false } });
    expect(parseFeatureGates('')).toEqual({ gates: {} });
    expect(parseFeatureGates('A').problem).toBe('A has no value: write A=true or A=false.');
    expect(parseFeatureGates('A=yes').problem).toBe('A=yes: the value must be true or false.');
    expect(parseFeatureGates('kube:A=true').problem).toMatch(/^"kube:A" is not a feature gate name/);
    expect(parseFeatureGates('=true').problem).toBe('A feature gate needs a name.');
    expect(parseFeatureGates('My Gate=true').problem).toMatch(/not a feature gate name/);
  });

  it('round-trip between the form, the settings and the flag', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,20}$/);
    fc.assert(
      fc.property(fc.dictionary(name, fc.boolean(), { maxKeys: 8 }), (gates) => {
        const plain = { ...gates };
        expect(featureGatesProblem(plain)).toBeUndefined();
        expect(parseFeatureGates(formatFeatureGates(plain))).toEqual({ gates: plain });
        const [flag, ...more] = featureGatesArgs(plain);
        expect(more).toEqual([]);
        if (Object.keys(plain).length === 0) {
          expect(flag).toBeUndefined();
          return;
        }
        const back = parseFeatureGates((flag ?? '').replace(/^--feature-gates=/, ''));
        expect(back.gates).toEqual(plain);
        const names = (flag ?? '').replace(/^--feature-gates=/, '').split(',').map((entry) => entry.split('=')[0] ?? '');
        expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }),
      { seed: 1313, numRuns: 300 },
    );
  });

  it('are kept in the remote settings, default none, and bad names are refused there too', () => {
    expect(SettingsSchema.parse({}).remote.featureGates).toEqual({});
    expect(SettingsSchema.parse({ remote: { featureGates: { SchedulerQueueingHints: true } } }).remote.featureGates).toEqual({ SchedulerQueueingHints: true });
    expect(SettingsSchema.safeParse({ remote: { featureGates: { 'a,b': true } } }).success).toBe(false);
    expect(SettingsSchema.safeParse({ remote: { featureGates: { A: 'true' } } }).success).toBe(false);
  });
});
