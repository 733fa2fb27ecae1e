/**
 * The command line as a user meets it: the real `paradip` binary (the bundle `npm test` builds), real files.
 * Bad input gives file:line:column, what was expected, exit code 2, no stack trace and no output directory;
 * runs are byte-identical for the same seed and resumable from any checkpoint.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const MINI = readFileSync(join(ROOT, 'test/fixtures/mini.yaml'), 'utf8');
let dir = '';

function paradip(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Writes the mini scenario with one line replaced; returns the file and the 1-based line of the change. */
function broken(name: string, find: string, replace: string): { file: string; line: number } {
  const index = MINI.indexOf(find);
  if (index < 0) throw new Error(`fixture has no "${find}"`);
  const text = MINI.replace(find, replace);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return { file, line: text.slice(0, index).split('\n').length };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paradip-cli-'));
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT });
});

describe('bad input: a positioned message, exit 2, no stack trace, nothing written', () => {
  const cases: [string, string, string, RegExp][] = [
    ['malformed YAML', 'goals: { economic: 0.8 }', 'goals: { economic: 0.8', /Flow map|flow|Missing|expected/i],
    ['a wrong type', 'capacity: 1', 'capacity: lots', /wrong type at subnationals\.0\.capacity \(expected number, found "lots"\)/],
    ['an unknown id', 'central: B\n', 'central: Z\n', /unknown central "Z" at subnationals\.1\.central/],
    ['a bad date', 'start: 2000-01', 'start: 2000-13', /not a real date at calendar\.start/],
    ['a bad formula', '"total - cost / capacity + noise"', '"total - cost.constructor"', /formula utility/],
    ['an unknown formula variable', '"total - cost / capacity + noise"', '"total - costs"', /unknown variable "costs"/],
    ['an unknown key', 'capacity: 1', 'capacitty: 1', /unknown key "capacitty"/],
    ['a prototype key', 'capacity: 1', '__proto__: 1', /"__proto__" is not allowed/],
    ['a timeline path that does not exist', 'centrals.A.executive.leader', 'centrals.A.executive.leaderr', /timeline input does not fit/],
  ];
  it.each(cases)('%s', (name, find, replace, message) => {
    const { file, line } = broken(name.replace(/\W+/g, '-'), find, replace);
    const out = join(dir, `out-${name.replace(/\W+/g, '-')}`);
    const r = paradip('run', file, '--seed', '1', '--out', out);
    expect(r.code).toBe(2);
    // YAML syntax errors are reported where the parser notices them: the line itself or the next one.
    const lines = name === 'malformed YAML' ? `(${line}|${line + 1})` : `${line}`;
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${lines}:\\d+: `));
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('a formula problem points at the offending character', () => {
    const { file, line } = broken('formula-column', '"total - cost / capacity + noise"', '"total - cost.constructor"');
    const r = paradip('validate', file);
    const col = MINI.split('\n')[line - 1]!.indexOf('"total') + 2 + 'total - cost'.length;
    expect(r.stderr).toContain(`${file}:${line}:${col}:`);
    expect(r.code).toBe(2);
  });

  it('command-line mistakes are usage errors', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, MINI);
    expect(paradip('run', file).stderr).toMatch(/--seed is required/);
    expect(paradip('run', file).code).toBe(2);
    expect(paradip('run', file, '--seed', 'x').code).toBe(2);
    expect(paradip('run', file, '--seed', '1', '--variant', 'nope').stderr).toMatch(/unknown variant "nope" \(expected strict\)/);
    expect(paradip('run', file, '--seed', '1', '--set', 'centrals.Q.ruleSet=AT').stderr).toMatch(/no item "Q"/);
    expect(paradip('run', file, '--seed', '1', '--set', 'centrals.A.ruleSet=XX').stderr).toMatch(/unknown rule set "XX"/);
    expect(paradip('run', join(dir, 'missing.yaml'), '--seed', '1').stderr).toMatch(/missing\.yaml: no such file/);
    expect(paradip('run', file, '--seed', '1', '--bogus').code).toBe(2);
    expect(paradip('frobnicate').code).toBe(2);
  });
});

describe('runs', () => {
  it('validate accepts the shipped scenarios and rule sets', () => {
    const r = paradip('validate', join(ROOT, 'scenarios/constitutional-comparison.yaml'), join(ROOT, 'scenarios/rule-sets/AT.yaml'), join(ROOT, 'test/fixtures/mini.yaml'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('writes run.json, events.jsonl, indicators.csv; the same seed gives byte-identical files', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, MINI);
    expect(paradip('run', file, '--seed', '7', '--out', join(dir, 'a'), '--quiet').code).toBe(0);
    expect(paradip('run', file, '--seed', '7', '--out', join(dir, 'b'), '--quiet').code).toBe(0);
    const a = readFileSync(join(dir, 'a/events.jsonl'), 'utf8');
    expect(a.length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'b/events.jsonl'), 'utf8')).toBe(a);
    expect(readFileSync(join(dir, 'b/indicators.csv'), 'utf8')).toBe(readFileSync(join(dir, 'a/indicators.csv'), 'utf8'));
    const lines = a.trim().split('\n').map((l) => JSON.parse(l));
    for (const e of lines) expect(Object.keys(e).slice(0, 4)).toEqual(['seq', 'tick', 'date', 'kind']);
    expect(lines.some((e) => e.kind === 'timeline.applied')).toBe(true);
    const csv = readFileSync(join(dir, 'a/indicators.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^tick,date,/);
    expect(csv).toHaveLength(1 + 36);
    const run = JSON.parse(readFileSync(join(dir, 'a/run.json'), 'utf8'));
    expect(run).toMatchObject({ seed: 7, variant: null, interrupted: false, ruleSets: ['AT', 'OPEN'] });
    expect(paradip('run', file, '--seed', '8', '--out', join(dir, 'c'), '--quiet').code).toBe(0);
    expect(readFileSync(join(dir, 'c/events.jsonl'), 'utf8')).not.toBe(a);
  });

  it('refuses to write into a directory that already holds a run', () => {
    const file = join(dir, 'ok.yaml');
    const r = paradip('run', file, '--seed', '7', '--out', join(dir, 'a'), '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not empty/);
  });

  it('a run resumed from a checkpoint writes exactly the events and rows the uninterrupted run has after that tick', () => {
    const file = join(dir, 'ok.yaml');
    expect(paradip('run', file, '--seed', '7', '--out', join(dir, 'cp'), '--checkpoint-every', '5', '--quiet').code).toBe(0);
    const whole = readFileSync(join(dir, 'cp/events.jsonl'), 'utf8').trim().split('\n');
    const rows = readFileSync(join(dir, 'cp/indicators.csv'), 'utf8').trim().split('\n');
    for (const tick of [0, 10, 25]) {
      const out = join(dir, `resumed-${tick}`);
      const r = paradip('run', '--from', join(dir, `cp/checkpoints/${tick}.json`), '--out', out, '--quiet');
      expect(r.stderr).toBe('');
      const after = whole.filter((l) => JSON.parse(l).tick > tick);
      const got = readFileSync(join(out, 'events.jsonl'), 'utf8');
      expect(got).toBe(after.length ? `${after.join('\n')}\n` : '');
      expect(readFileSync(join(out, 'indicators.csv'), 'utf8').trim().split('\n')).toEqual([rows[0], ...rows.slice(tick + 2)]);
    }
  });

  it('a rule-set swap on the command line drops the options the new rule set does not know, and says so in run.json', () => {
    const file = join(dir, 'swap.yaml');
    writeFileSync(file, MINI.replace('    ruleSet: AT\n', '    ruleSet: US\n    ruleOptions: { mouIsCompact: true }\n'));
    expect(paradip('validate', file).code).toBe(0);
    const r = paradip('run', file, '--seed', '1', '--set', 'centrals.A.ruleSet=AT', '--out', join(dir, 'swap'), '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const run = JSON.parse(readFileSync(join(dir, 'swap/run.json'), 'utf8'));
    expect(run.scenario.centrals[0].ruleOptions).toEqual({});
    expect(run.scenario.notes).toMatch(/dropped rule options A\.mouIsCompact/);
    // An option set explicitly with the swap is still checked against the new rule set.
    const bad = paradip('run', file, '--seed', '1', '--set', 'centrals.A.ruleSet=AT', '--set', 'centrals.A.ruleOptions.mouIsCompact=true');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/rule set AT has no option "mouIsCompact"/);
  });

  it('without --out prints a readable summary', () => {
    const r = paradip('run', join(ROOT, 'scenarios/constitutional-comparison.yaml'), '--seed', '1', '--variant', 'united-states', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/signed by instrument: /);
    expect(r.stdout).toMatch(/signed by Duchacek type: /);
    expect(r.stdout).toMatch(/approvals: granted \d+, tacit \d+, refused \d+/);
    expect(r.stdout).toMatch(/relations at the end: /);
  });
});
