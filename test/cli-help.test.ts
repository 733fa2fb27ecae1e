/**
 * `--help` through the real binary: every subcommand answers it on stdout with exit 0, with its usage, an
 * explanation of every option its usage line names, and an example; the top-level help lists every subcommand.
 * The cheap examples are run as printed; the others are checked to use only options their help explains.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/command-help.ts';

const ROOT = new URL('..', import.meta.url).pathname;
let dir = '';

function paradip(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The option names (`--seed`) a text mentions. */
const optionsIn = (text: string): string[] => [...new Set([...text.matchAll(/--(?:no-)?[a-z][a-z-]*/g)].map((m) => m[0]))];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paradip-help-'));
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NAMES = ['run', 'check', 'list', 'replay', 'explain', 'validate', 'sweep', 'merge', 'sensitivity', 'report'];

describe('paradip <command> --help', () => {
  it('the help knows every subcommand main dispatches, and no other', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual([...NAMES].sort());
  });

  it.each(NAMES)('%s --help: exit 0 on stdout, usage, every option explained, an example', (name) => {
    const r = paradip([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`usage:\n  paradip ${name}`);
    const [usagePart, rest] = r.stdout.split('\noptions:\n');
    const optionsPart = (rest ?? '').split('\nexample')[0]!;
    for (const option of optionsIn(COMMANDS[name]!.usage)) {
      expect(optionsPart, `${name}: ${option} is in the usage line but not explained`).toMatch(new RegExp(`^  ${option}\\b`, 'm'));
    }
    expect(usagePart).toContain(COMMANDS[name]!.usage.split('\n')[0]);
    expect(r.stdout).toMatch(new RegExp(`\\nexamples?:\\n  paradip ${name}\\b`));
    // -h is the same as --help, anywhere among the arguments.
    const h = paradip([name, 'x', '-h']);
    expect(h.code).toBe(0);
    expect(h.stdout).toBe(r.stdout);
  });

  it('an example uses only options its help explains', () => {
    for (const [name, c] of Object.entries(COMMANDS)) {
      const explained = c.options.map(([o]) => o.split(' ')[0]!);
      for (const example of c.examples) for (const option of optionsIn(example)) expect(explained, `${name}: ${example}`).toContain(option);
    }
  });

  it('the examples of run, validate, list, explain and replay run as printed', () => {
    const out = join(dir, 'runs/ar-1');
    const commands = ['run', 'validate', 'list', 'explain', 'replay'].map((n) => COMMANDS[n]!.examples[0]!.replace('runs/ar-1', out));
    for (const command of commands) {
      const r = paradip(command.split(' ').slice(1));
      expect(r.code, `${command}: ${r.stderr}`).toBe(0);
      expect(r.stdout.length, command).toBeGreaterThan(0);
    }
  });

  it('a usage error still exits 2 on stderr; an unknown command is not helped', () => {
    const bad = paradip(['run', '--sed', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option --sed/);
    const unknown = paradip(['frobnicate', '--help']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
  });
});

describe('paradip --help', () => {
  it('lists every subcommand with one line, exit 0 on stdout', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = paradip(args);
      expect(r.code).toBe(0);
      for (const name of NAMES) expect(r.stdout).toMatch(new RegExp(`^  ${name} +\\S.*$`, 'm'));
      expect(r.stdout).toContain('paradip <command> --help');
    }
  });

  it('with no command: the same text on stderr, exit 2', () => {
    const r = paradip([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('commands:\n  run ');
  });
});
