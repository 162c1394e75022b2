import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, runScriptLeavesOut, type ScriptCommand } from '../../../shared/e2e/run-script.js';
import { useTempDir } from '../../support/use-temp-dir.js';

// Prints, as one JSON line, the arguments, folder and chosen variables the program was started with.
const printer = "console.log(JSON.stringify({ argv: process.argv.slice(1), cwd: process.cwd(), env: { GREETING: process.env.GREETING, EMPTY: process.env.EMPTY } }))";
const print = (args: readonly string[], extra: Omit<ScriptCommand, 'argv'> = {}): ScriptCommand => ({ argv: [process.execPath, '-e', printer, '--', ...args], ...extra });
const exitWith = (code: number): ScriptCommand => ({ argv: [process.execPath, '-e', `process.exit(${code})`] });

interface Printed {
  argv: string[];
  cwd: string;
  env: { GREETING?: string; EMPTY?: string };
}

describe('runScript', () => {
  const temp = useTempDir('run-script');

  /** Writes the script for `commands` and runs it with bash from the temp folder. */
  function run(commands: readonly ScriptCommand[], title = 'e2e run'): { status: number | null; printed: Printed[]; script: string; stderr: string } {
    const script = runScript({ title, commands });
    const file = path.join(temp.dir, 'repeat.sh');
    writeFileSync(file, script);
    const result = spawnSync('bash', [file], { cwd: temp.dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: temp.dir } });
    const printed = result.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Printed);
    return { status: result.status, printed, script, stderr: result.stderr };
  }

  it('passes every argument through bash byte for byte, and runs nothing hidden in them', () => {
    const nasty = [
      'plain',
      'two words',
      "it's",
      "'",
      "''",
      '"double"',
      `$(touch ${temp.dir}/pwned-dollar)`,
      `\`touch ${temp.dir}/pwned-backtick\``,
      '${HOME}',
      '$HOME',
      'line one\nline two\n',
      'tab\there',
      'carriage\rreturn',
      '*',
      '?',
      '[abc]',
      '{a,b}',
      '~',
      '~/x',
      '!',
      '!!',
      '#not a comment',
      'a;b',
      'a && b',
      'a | b',
      '>out',
      '<in',
      '\\',
      '\\n',
      '',
      '-',
      '--flag=value with space',
      'héllo ✓ 日本',
      '%s %d',
      'a=b',
    ];
    const { status, printed, stderr } = run([print(nasty)]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(printed).toHaveLength(1);
    expect(printed[0]?.argv).toEqual(nasty);
    expect(existsSync(path.join(temp.dir, 'pwned-dollar'))).toBe(false);
    expect(existsSync(path.join(temp.dir, 'pwned-backtick'))).toBe(false);
    expect(existsSync(path.join(temp.dir, 'out'))).toBe(false);
  });

  it('sets each command’s variables for that command only, and runs it in its folder', () => {
    const folder = path.join(temp.dir, "it's a $(folder)");
    mkdirSync(folder);
    const greeting = "hello 'world' $(touch nope) `x` \"q\"\nsecond line";
    const { status, printed } = run([
      print(['first'], { cwd: folder, env: { GREETING: greeting, EMPTY: '' } }),
      print(['second'], { cwd: folder }),
      print(['third']),
    ]);
    expect(status).toBe(0);
    expect(printed).toEqual([
      { argv: ['first'], cwd: folder, env: { GREETING: greeting, EMPTY: '' } },
      { argv: ['second'], cwd: folder, env: {} },
      { argv: ['third'], cwd: temp.dir, env: {} },
    ]);
  });

  it('runs every command and exits with the first failure’s status', () => {
    const mixed = run([print(['a']), exitWith(3), print(['b']), exitWith(5), print(['c'])]);
    expect(mixed.printed.map((p) => p.argv[0])).toEqual(['a', 'b', 'c']);
    expect(mixed.status).toBe(3);
    expect(run([print(['a']), exitWith(7)]).status).toBe(7);
    expect(run([print(['a']), print(['b'])]).status).toBe(0);
  });

  it('stops when it cannot enter a command’s folder', () => {
    const missing = path.join(temp.dir, 'missing');
    const first = run([print(['a']), print(['b'], { cwd: missing }), print(['c'])]);
    expect(first.printed.map((p) => p.argv[0])).toEqual(['a']);
    expect(first.status).toBe(1);
    expect(run([exitWith(4), print(['b'], { cwd: missing })]).status).toBe(4);
  });

  it('keeps every line of the title inside the comment', () => {
    const title = 'Repeat of run 7\n$(touch pwned-title)\r\nrm -rf nothing\rexit 9';
    const { status, printed, script } = run([print(['ok'])], title);
    expect(status).toBe(0);
    expect(printed).toHaveLength(1);
    expect(existsSync(path.join(temp.dir, 'pwned-title'))).toBe(false);
    const head = script.split('\n').slice(0, script.split('\n').indexOf('set -u'));
    expect(head[0]).toBe('#!/usr/bin/env bash');
    for (const line of head) expect(line.startsWith('#')).toBe(true);
    expect(head).toContain('# $(touch pwned-title)');
    expect(script).not.toContain('\r');
  });

  it('writes plain words bare and quotes a program name bash would read as something else', () => {
    const script = runScript({
      title: 't',
      commands: [{ argv: ['kubectl', 'get', 'nodes', '-o', 'json', '--context=kind-kind'] }, { argv: ['if', 'x'] }, { argv: ['A=b', 'c'] }, { argv: ['%1'] }, { argv: ['keep_first_failure'] }],
    });
    expect(script).toContain('\nkubectl get nodes -o json --context=kind-kind || keep_first_failure\n');
    expect(script).toContain("\n'if' x ||");
    expect(script).toContain("\n'A=b' c ||");
    expect(script).toContain("\n'%1' ||");
    expect(script).toContain('\ncommand keep_first_failure ||');
    expect(script.endsWith('exit "$status"\n')).toBe(true);
  });

  it('refuses what no script can carry', () => {
    expect(() => runScript({ title: 't', commands: [{ argv: ['x'], env: { 'BAD-NAME': '1' } }] })).toThrow(/BAD-NAME/);
    expect(() => runScript({ title: 't', commands: [{ argv: ['x'], env: { '1ST': '1' } }] })).toThrow(/1ST/);
    expect(() => runScript({ title: 't', commands: [{ argv: ['x'], env: { 'A B': '1' } }] })).toThrow();
    expect(() => runScript({ title: 't', commands: [{ argv: ['x'], env: { 'A=B': '1' } }] })).toThrow();
    expect(() => runScript({ title: 't', commands: [{ argv: [] }] })).toThrow(/program/);
    expect(() => runScript({ title: 't', commands: [{ argv: ['x', 'a\0b'] }] })).toThrow(/NUL/);
  });

  it('says at its top, as comments, that a remote run leaves out the scheduler swap; a kind run says nothing extra', () => {
    const remote = runScript({ title: 't', commands: [{ argv: ['e2e.test'] }], leavesOut: runScriptLeavesOut({ mode: 'remote', cluster: { context: 'prod' } }) });
    const head = remote.split('\n').slice(0, remote.split('\n').indexOf('set -u'));
    expect(head.join('\n')).toContain('# NOT INCLUDED: the scheduler swap. This script runs the tests only.');
    expect(head.join('\n')).toContain('(context prod)');
    for (const line of head) expect(line.startsWith('#')).toBe(true);
    expect(runScriptLeavesOut({ mode: 'kind', cluster: { context: 'kind-e2e' } })).toEqual([]);
    expect(runScript({ title: 't', commands: [{ argv: ['x'] }], leavesOut: [] })).toBe(runScript({ title: 't', commands: [{ argv: ['x'] }] }));
  });
});
