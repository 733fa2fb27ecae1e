/**
 * `paradip sensitivity` through the real binary on result directories written to the sweep contract
 * (test/support/sweep-fixture.ts): known answers (Ishigami, a linear function), the tidy CSV and JSON, averaging
 * over seeds, errored runs and "never happened", and bad input (exit 2, nothing written).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParameterSpec, ParameterValue } from '../src/experiment/design.ts';
import { writeSweepFixture } from './support/sweep-fixture.ts';

const ROOT = new URL('..', import.meta.url).pathname;
let dir = '';

function paradip(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const ISHIGAMI: ParameterSpec[] = ['x1', 'x2', 'x3'].map((path) => ({ path, min: -Math.PI, max: Math.PI }));
const ishigami = (v: Record<string, ParameterValue>): number =>
  Math.sin(v['x1'] as number) + 7 * Math.sin(v['x2'] as number) ** 2 + 0.1 * (v['x3'] as number) ** 4 * Math.sin(v['x1'] as number);

function csvRows(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paradip-sensitivity-'));
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT });
});

describe('sobol result', () => {
  beforeAll(() => {
    // Two seeds whose noise cancels in the mean: the analysis must average over seeds to find Ishigami's indices.
    writeSweepFixture(join(dir, 'ishigami'), {
      params: ISHIGAMI,
      design: { kind: 'sobol', samples: 2048 },
      seeds: 2,
      measures: { y: (v, seed) => ishigami(v) + (seed === 1 ? 3 : -3), constant: () => 5 },
    });
  });

  it('prints the table and writes the tidy CSV with Ishigami indices within 0.03 (N = 2048)', () => {
    const r = paradip('sensitivity', 'ishigami', '--measure', 'y', '--resamples', '200');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Sobol' indices \(Jansen\), 95% bootstrap half-widths/);
    expect(r.stdout).toMatch(/measure\s+parameter\s+S1\s+S1_conf\s+ST\s+ST_conf/);
    expect(r.stdout).toContain('y: 20480 runs averaged');
    const rows = csvRows(join(dir, 'ishigami/sensitivity.csv'));
    expect(rows.map((x) => `${x['measure']}/${x['parameter']}`)).toEqual(['y/x1', 'y/x2', 'y/x3']);
    const expected = [
      [0.3139, 0.5576],
      [0.4424, 0.4424],
      [0, 0.2437],
    ];
    rows.forEach((row, i) => {
      expect(Math.abs(Number(row['S1']) - expected[i]![0]!)).toBeLessThan(0.03);
      expect(Math.abs(Number(row['ST']) - expected[i]![1]!)).toBeLessThan(0.03);
      expect(Number(row['S1_conf'])).toBeGreaterThan(0);
      expect(Number(row['ST_conf'])).toBeGreaterThan(0);
    });
  });

  it('gives JSON with --json, and the same numbers each time (byte-identical CSV)', () => {
    const first = readFileSync(join(dir, 'ishigami/sensitivity.csv'), 'utf8');
    const r = paradip('sensitivity', 'ishigami', '--measure', 'y', '--resamples', '200', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { kind: string; rows: Record<string, unknown>[]; notes: Record<string, unknown>[] };
    expect(json.kind).toBe('sobol');
    expect(json.rows).toHaveLength(3);
    expect(Object.keys(json.rows[0]!)).toEqual(['measure', 'parameter', 'S1', 'S1_conf', 'ST', 'ST_conf']);
    expect(json.notes[0]!['runs']).toBe(20480);
    expect(readFileSync(join(dir, 'ishigami/sensitivity.csv'), 'utf8')).toBe(first);
    expect(csvRows(join(dir, 'ishigami/sensitivity.csv'))[0]!['S1']).toBe(String(json.rows[0]!['S1']));
  });

  it('analyses every measure by default, a constant one to 0', () => {
    const r = paradip('sensitivity', 'ishigami', '--resamples', '20', '--out', 'all.csv');
    expect(r.code).toBe(0);
    const rows = csvRows(join(dir, 'all.csv'));
    expect(rows.map((x) => x['measure'])).toEqual(['y', 'y', 'y', 'constant', 'constant', 'constant']);
    expect(rows.slice(3).map((x) => [x['S1'], x['ST']])).toEqual([['0', '0'], ['0', '0'], ['0', '0']]);
  });
});

describe('morris result', () => {
  const params: ParameterSpec[] = [
    { path: 'a', min: 0, max: 2 },
    { path: 'b', min: 1, max: 100, distribution: 'log-uniform' },
    { path: 'rule', values: ['US', 'CH'] },
  ];
  beforeAll(() => {
    writeSweepFixture(join(dir, 'morris'), {
      params,
      design: { kind: 'morris', samples: 12, seed: 3 },
      seeds: 3,
      // Linear in a's unit coordinate (slope 4 per unit of a, range 2: mu* = 8), nothing from b, 1 for CH.
      measures: { m: (v) => 4 * (v['a'] as number) + (v['rule'] === 'CH' ? 1 : 0) },
      errored: [0, 5],
    });
  });

  it('gives mu, mu*, sigma, mu*_conf per parameter and counts errored runs', () => {
    const r = paradip('sensitivity', 'morris', '--json', '--resamples', '50');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { kind: string; rows: Record<string, number | string>[]; notes: Record<string, number>[] };
    expect(json.kind).toBe('morris');
    expect(Object.keys(json.rows[0]!)).toEqual(['measure', 'parameter', 'mu', 'mu_star', 'sigma', 'mu_star_conf']);
    expect(json.rows[0]!['mu_star'] as number).toBeCloseTo(8, 9);
    expect(json.rows[0]!['sigma'] as number).toBeCloseTo(0, 9);
    expect(json.rows[1]!['mu_star']).toBe(0);
    expect(Math.abs(json.rows[2]!['mu_star'] as number)).toBeGreaterThan(0);
    expect(json.notes[0]!['errored']).toBe(2);
    expect(json.notes[0]!['runs']).toBe(12 * 4 * 3 - 2);
  });
});

describe('never happened', () => {
  beforeAll(() => {
    writeSweepFixture(join(dir, 'never'), {
      params: ISHIGAMI.slice(0, 2),
      design: { kind: 'sobol', samples: 64 },
      seeds: 1,
      // A date that never comes when x1 is high.
      measures: { law: (v) => ((v['x1'] as number) > 2 ? NaN : 1990 + (v['x1'] as number)) },
    });
  });

  it('leaves out base rows without a value, or uses --never', () => {
    const left = JSON.parse(paradip('sensitivity', 'never', '--json', '--resamples', '20').stdout) as { notes: Record<string, number>[] };
    expect(left.notes[0]!['never']).toBeGreaterThan(0);
    expect(left.notes[0]!['dropped']).toBeGreaterThan(0);
    const filled = JSON.parse(paradip('sensitivity', 'never', '--json', '--resamples', '20', '--never', '2001').stdout) as { notes: Record<string, number>[] };
    expect(filled.notes[0]!['never']).toBe(left.notes[0]!['never']);
    expect(filled.notes[0]!['dropped']).toBe(0);
    expect(filled.notes[0]!['runs']).toBe(64 * 4);
  });
});

describe('bad input: a message, exit 2, nothing written', () => {
  beforeAll(() => {
    writeSweepFixture(join(dir, 'grid'), { params: ISHIGAMI.slice(0, 1), design: { kind: 'grid', samples: 3 }, seeds: 1, measures: { y: (v) => v['x1'] as number } });
    writeSweepFixture(join(dir, 'badcell'), { params: ISHIGAMI.slice(0, 1), design: { kind: 'sobol', samples: 4 }, seeds: 1, measures: { y: (v) => v['x1'] as number } });
    const file = join(dir, 'badcell/runs.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/,ok,$/, '').replace(/,[^,]*$/, ',soon,ok,');
    writeFileSync(file, lines.join('\n'));
  });

  it('refuses a grid design', () => {
    const r = paradip('sensitivity', 'grid');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: grid: sensitivity analysis needs a sobol or morris design; this result's design is grid/);
    expect(existsSync(join(dir, 'grid/sensitivity.csv'))).toBe(false);
  });

  it('refuses a directory that is not a result', () => {
    const r = paradip('sensitivity', '.');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no experiment.json/);
  });

  it('names file, line and column of a measure that is not a number', () => {
    const r = paradip('sensitivity', 'badcell');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: badcell\/runs\.csv:4:\d+: measure "y" must be a number or empty, found "soon"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'badcell/sensitivity.csv'))).toBe(false);
  });

  it('refuses runs that do not match the design experiment.json states', () => {
    writeSweepFixture(join(dir, 'mismatch'), { params: ISHIGAMI.slice(0, 2), design: { kind: 'sobol', samples: 8 }, seeds: 1, measures: { y: (v) => v['x1'] as number } });
    const file = join(dir, 'mismatch/experiment.json');
    const exp = JSON.parse(readFileSync(file, 'utf8')) as { parameters: { min: number }[] };
    exp.parameters[1]!.min = -3;
    writeFileSync(file, JSON.stringify(exp));
    const r = paradip('sensitivity', 'mismatch');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: mismatch: point 0: x2 is -?[\d.]+ in runs.csv but -?[\d.]+ in the design of experiment.json/);
  });

  it('refuses a result without runs.csv (an unfinished or unmerged sweep)', () => {
    writeSweepFixture(join(dir, 'norows'), { params: ISHIGAMI.slice(0, 1), design: { kind: 'sobol', samples: 4 }, seeds: 1, measures: { y: () => 1 } });
    rmSync(join(dir, 'norows/runs.csv'));
    const r = paradip('sensitivity', 'norows');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no runs.csv \(an unfinished sweep, or shards not merged yet: paradip merge\)/);
  });

  it('refuses an unknown measure and a bad option', () => {
    expect(paradip('sensitivity', 'ishigami', '--measure', 'nope').stderr).toMatch(/no measure "nope" in this result \(its measures: y, constant\)/);
    expect(paradip('sensitivity', 'ishigami', '--confidence', '95').code).toBe(2);
    expect(paradip('sensitivity').code).toBe(2);
  });
});
