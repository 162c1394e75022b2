import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { schedulerConfig, schedulerConfigProblems } from '../../../shared/remote/scheduler-config.js';

const kubeconfig = '/home/ada/.config/k8s-e2e-studio/remote/kubeconfig';

describe('schedulerConfig', () => {
  it('writes the base configuration the app needs', () => {
    expect(parse(schedulerConfig({ kubeconfig }))).toEqual({
      apiVersion: 'kubescheduler.config.k8s.io/v1',
      kind: 'KubeSchedulerConfiguration',
      clientConnection: { kubeconfig },
      leaderElection: { leaderElect: false },
      profiles: [{ schedulerName: 'default-scheduler' }],
    });
    expect(parse(schedulerConfig({ kubeconfig, extraYaml: '# nothing yet\n' }))).toEqual(parse(schedulerConfig({ kubeconfig })));
  });

  it('merges the user\'s settings and profiles', () => {
    const extraYaml = `percentageOfNodesToScore: 50
podInitialBackoffSeconds: 2
podMaxBackoffSeconds: 20
parallelism: 8
profiles:
  - schedulerName: default-scheduler
    plugins:
      score:
        disabled:
          - name: NodeResourcesBalancedAllocation
        enabled:
          - name: NodeResourcesFit
            weight: 2
    pluginConfig:
      - name: NodeResourcesFit
        args:
          scoringStrategy:
            type: MostAllocated
  - schedulerName: bin-packer
`;
    const config = parse(schedulerConfig({ kubeconfig, extraYaml }));
    expect(config).toMatchObject({
      clientConnection: { kubeconfig },
      leaderElection: { leaderElect: false },
      percentageOfNodesToScore: 50,
      podInitialBackoffSeconds: 2,
      podMaxBackoffSeconds: 20,
      parallelism: 8,
    });
    expect(config).not.toHaveProperty('featureGates');
    expect(config.profiles.map((p: { schedulerName: string }) => p.schedulerName)).toEqual(['default-scheduler', 'bin-packer']);
    expect(config.profiles[0].plugins.score.enabled).toEqual([{ name: 'NodeResourcesFit', weight: 2 }]);
    expect(config.profiles[0].pluginConfig[0].args.scoringStrategy.type).toBe('MostAllocated');
  });

  it('refuses keys the app sets, naming them', () => {
    for (const key of ['clientConnection', 'leaderElection', 'apiVersion', 'kind', 'healthzBindAddress', 'metricsBindAddress']) {
      expect(() => schedulerConfig({ kubeconfig, extraYaml: `parallelism: 4\n${key}: x\n` })).toThrow(new RegExp(`line 2\\b.*${key}`));
    }
  });

  it('refuses profiles without default-scheduler, and broken YAML', () => {
    expect(() => schedulerConfig({ kubeconfig, extraYaml: 'profiles:\n  - schedulerName: mine\n' })).toThrow(/default-scheduler/);
    expect(() => schedulerConfig({ kubeconfig, extraYaml: 'profiles: [\n' })).toThrow(/cannot be used \(line \d+\)/);
  });
});

describe('schedulerConfigProblems', () => {
  it('finds nothing wrong in empty or valid settings', () => {
    expect(schedulerConfigProblems('')).toEqual([]);
    expect(schedulerConfigProblems('# comment only\n')).toEqual([]);
    expect(schedulerConfigProblems('percentageOfNodesToScore: 0\nprofiles:\n- schedulerName: default-scheduler\n  plugins:\n    multiPoint:\n      enabled: [{name: MyPlugin, weight: 3}]\n      disabled: [{name: "*"}]\n')).toEqual([]);
  });

  it('gives YAML syntax errors with their line', () => {
    const problems = schedulerConfigProblems('parallelism: 4\nprofiles:\n  - schedulerName: default-scheduler\n   plugins: {}\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.line).toBe(4);
  });

  it('wants a mapping at the top', () => {
    expect(schedulerConfigProblems('- a\n- b\n')).toEqual([{ line: 1, message: expect.stringMatching(/mapping/) }]);
    expect(schedulerConfigProblems('hello')[0]?.message).toMatch(/mapping/);
  });

  it('names forbidden and unknown keys on their lines', () => {
    const problems = schedulerConfigProblems('parallelism: 4\nleaderElection:\n  leaderElect: true\npercentageOfNodes: 30\n');
    expect(problems).toEqual([
      { line: 2, message: expect.stringMatching(/^leaderElection is set by the app/) },
      { line: 4, message: expect.stringMatching(/^percentageOfNodes is not a setting/) },
    ]);
  });

  it('checks the shape of profiles', () => {
    expect(schedulerConfigProblems('profiles: default-scheduler')).toEqual([{ line: 1, message: expect.stringMatching(/profiles must be a list/) }]);
    const noName = schedulerConfigProblems('profiles:\n  - schedulerName: default-scheduler\n  - plugins: {}\n');
    expect(noName).toEqual([{ line: 3, message: 'profiles[1] has no schedulerName.' }]);
    const missingDefault = schedulerConfigProblems('profiles:\n  - schedulerName: other\n');
    expect(missingDefault).toHaveLength(1);
    expect(missingDefault[0]?.message).toMatch(/schedulerName: default-scheduler/);
    expect(schedulerConfigProblems('profiles:\n- schedulerName: default-scheduler\n- schedulerName: default-scheduler\n')[0]).toEqual({ line: 3, message: 'Two profiles are named default-scheduler.' });
  });

  it('checks plugins and pluginConfig', () => {
    const yaml = `profiles:
- schedulerName: default-scheduler
  plugins:
    scoring:
      enabled: [{name: A}]
    filter:
      enable:
        - name: B
    score:
      enabled:
        - weight: 2
        - name: C
          weight: high
        - name: D
          extra: 1
    permit: [A]
  pluginConfig:
    - name: NodeResourcesFit
      args: fit
    - args: {}
`;
    const problems = schedulerConfigProblems(yaml);
    expect(problems.map((p) => [p.line, p.message.split(' ')[0]])).toEqual([
      [4, 'profiles[0].plugins.scoring'],
      [7, 'profiles[0].plugins.filter.enable'],
      [11, 'profiles[0].plugins.score.enabled[0]'],
      [13, 'profiles[0].plugins.score.enabled[1].weight'],
      [15, 'profiles[0].plugins.score.enabled[2].extra'],
      [16, 'profiles[0].plugins.permit'],
      [19, 'profiles[0].pluginConfig[0].args'],
      [20, 'profiles[0].pluginConfig[1]'],
    ]);
    expect(problems[0]?.message).toMatch(/not an extension point/);
    expect(schedulerConfigProblems('profiles:\n- schedulerName: default-scheduler\n  pluginConfig: {name: X}\n')).toEqual([{ line: 3, message: expect.stringMatching(/list of \{name, args\}/) }]);
  });

  it('checks number and list settings', () => {
    const problems = schedulerConfigProblems('percentageOfNodesToScore: 150\nparallelism: 0\npodMaxBackoffSeconds: "10"\nextenders: {}\n');
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3, 4]);
  });

  // KubeSchedulerConfiguration v1 has no featureGates field (k8s.io/kube-scheduler v0.35.4
  // config/v1/types.go) and kube-scheduler decodes strictly: test/real/scheduler-feature-gates.test.ts
  // shows the real binary refusing it. The gates belong on the command line.
  it('refuses featureGates, pointing at the feature gates field', () => {
    const problems = schedulerConfigProblems('parallelism: 4\nfeatureGates:\n  SchedulerQueueingHints: true\n');
    expect(problems).toEqual([{ line: 2, message: expect.stringMatching(/^featureGates is not part of the scheduler configuration .*unknown field "featureGates".*Feature gates field.*--feature-gates/) }]);
    expect(() => schedulerConfig({ kubeconfig, extraYaml: 'featureGates: {A: true}\n' })).toThrow(/line 1\b.*Feature gates field/);
  });
});
