/**
 * The whole chain through the real binary on a real (small) scenario: `paradip sweep` runs a morris design and
 * a sobol design, `paradip sensitivity` reads the result directory it wrote and `paradip report` draws it. This
 * is the contract between the sweep and the analysis, checked on what the sweep really writes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
let dir = '';

function paradip(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function experiment(design: string): string {
  return `experiment: 1
id: mini-${design.replace(/\W+/g, '-')}
scenario: ${join(ROOT, 'test/fixtures/mini.yaml')}
parameters:
  - { path: behaviour.parameters.actThreshold, min: 0.05, max: 0.6 }
  - { path: behaviour.parameters.acceptThreshold, min: -0.8, max: 0.2 }
design: ${design}
seeds: { count: 2, first: 1 }
measures:
  - { name: signed, count: { kind: instrument.signed } }
  - { name: first_signed, first: { kind: instrument.signed } }
`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paradip-sweep-sensitivity-'));
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT });
});

describe('sweep, then sensitivity and report', () => {
  it('morris: mu, mu*, sigma per measure and parameter from the sweep\'s own result directory', () => {
    writeFileSync(join(dir, 'morris.yaml'), experiment('{ kind: morris, samples: 4, levels: 4, seed: 2 }'));
    const sweep = paradip('sweep', 'morris.yaml', '--out', 'morris', '--workers', '1', '--quiet');
    expect(sweep.stderr).toBe('');
    expect(sweep.code).toBe(0);
    const r = paradip('sensitivity', 'morris', '--json', '--resamples', '50');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { kind: string; rows: { measure: string; parameter: string; mu_star: number | null }[]; notes: { runs: number; errored: number }[] };
    expect(json.kind).toBe('morris');
    expect(json.rows.map((x) => `${x.measure}/${x.parameter}`)).toEqual([
      'signed/behaviour.parameters.actThreshold',
      'signed/behaviour.parameters.acceptThreshold',
      'first_signed/behaviour.parameters.actThreshold',
      'first_signed/behaviour.parameters.acceptThreshold',
    ]);
    expect(json.notes[0]!.runs + json.notes[0]!.errored).toBe(4 * 3 * 2);
    expect(typeof json.rows[0]!.mu_star).toBe('number');
    expect(readFileSync(join(dir, 'morris/sensitivity.csv'), 'utf8').split('\n')[0]).toBe('measure,parameter,mu,mu_star,sigma,mu_star_conf');
  });

  it('sobol: S1 and ST, and a report with the measure charts and the indices', () => {
    writeFileSync(join(dir, 'sobol.yaml'), experiment('{ kind: sobol, samples: 4 }'));
    expect(paradip('sweep', 'sobol.yaml', '--out', 'sobol', '--workers', '1', '--quiet').code).toBe(0);
    const r = paradip('sensitivity', 'sobol', '--measure', 'signed', '--resamples', '20');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('signed: 32 runs averaged');
    const report = paradip('report', 'sobol');
    expect(report.code).toBe(0);
    const html = readFileSync(join(dir, 'sobol/report.html'), 'utf8');
    expect(html).toContain('signed by actThreshold');
    expect(html).toContain("Sobol' indices of signed");
  });

  it('refuses the sensitivity of a grid sweep', () => {
    writeFileSync(join(dir, 'grid.yaml'), experiment('{ kind: grid }').replace(/min: 0.05, max: 0.6/, 'values: [0.1, 0.3]').replace(/min: -0.8, max: 0.2/, 'values: [-0.5, 0]'));
    expect(paradip('sweep', 'grid.yaml', '--out', 'grid', '--workers', '1', '--quiet').code).toBe(0);
    const r = paradip('sensitivity', 'grid');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a sobol or morris design; this result's design is grid/);
  });
});
