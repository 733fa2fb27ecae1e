/**
 * `paradip report` through the real binary: a sweep result (written to the contract by the fixture) and real
 * run directories give one self-contained HTML page with the charts as inline SVG; bad input is exit 2 with
 * nothing written. (test/slow/report-chromium.slow.test.ts opens the pages in headless Chromium.)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParameterSpec } from '../src/experiment/design.ts';
import { shortNames } from '../src/report/sweep-report.ts';
import { dateOfDecimalYear } from '../src/report/target-judge.ts';
import { writeSweepFixture } from './support/sweep-fixture.ts';

const ROOT = new URL('..', import.meta.url).pathname;
let dir = '';

function paradip(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

/** What makes a page self-contained: no script, nothing fetched (only SVG's namespace URIs mention http). */
function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:|\/\/)/i);
  expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
}

const PARAMS: ParameterSpec[] = [
  { path: 'behaviour.parameters.actThreshold', min: 0.1, max: 0.5 },
  { path: 'behaviour.parameters.lawChance', min: 0.01, max: 0.2, distribution: 'log-uniform' },
  { path: 'centrals.US.ruleSet', values: ['US', 'CH'] },
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paradip-report-'));
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT });
});

describe('a sweep result', () => {
  beforeAll(() => {
    writeSweepFixture(join(dir, 'sweep'), {
      params: PARAMS,
      design: { kind: 'sobol', samples: 32 },
      seeds: 3,
      measures: {
        law: (v, seed) => 1988 + 4 * (v['behaviour.parameters.actThreshold'] as number) + (v['centrals.US.ruleSet'] === 'CH' ? 1 : 0) + seed / 10,
        mous: (v) => 10 * (v['behaviour.parameters.lawChance'] as number),
      },
      errored: [4],
    });
  });

  it('writes report.html with a chart per measure and parameter and one per measure for Sobol indices', () => {
    const r = paradip('report', 'sweep');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('written: sweep/report.html\n');
    const html = readFileSync(join(dir, 'sweep/report.html'), 'utf8');
    expect(count(html, /<svg /g)).toBe(2 * 3 + 2);
    expect(html).toContain('law by actThreshold');
    expect(html).toContain('mous by ruleSet');
    expect(html).toContain("Sobol' indices of law");
    expect(html).toMatch(/<td>law<\/td><td>behaviour.parameters.actThreshold<\/td>/);
    expect(html).toContain('(1 errored)');
    expectSelfContained(html);
  });

  it('is byte-identical when made again', () => {
    const first = readFileSync(join(dir, 'sweep/report.html'), 'utf8');
    expect(paradip('report', 'sweep', '--out', 'again.html').code).toBe(0);
    expect(readFileSync(join(dir, 'again.html'), 'utf8')).toBe(first);
  });
});

describe('a morris result', () => {
  it('draws mu* against sigma per measure, with the effects table', () => {
    writeSweepFixture(join(dir, 'morris'), {
      params: PARAMS,
      design: { kind: 'morris', samples: 6, seed: 2 },
      seeds: 2,
      measures: { law: (v) => 1990 + 2 * (v['behaviour.parameters.actThreshold'] as number) },
    });
    const r = paradip('report', 'morris');
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'morris/report.html'), 'utf8');
    expect(html).toContain('Morris effects on law');
    expect(html).toContain('<th>mu_star</th>');
    expect(count(html, /<svg /g)).toBe(3 + 1);
    expectSelfContained(html);
  });
});

describe('target pass rates', () => {
  it('judges target measures against the scenario the experiment names', () => {
    const scenario = join(ROOT, 'scenarios/acid-rain-1980s.yaml');
    const out = join(dir, 'targets');
    writeSweepFixture(out, {
      params: PARAMS.slice(0, 1),
      design: { kind: 'grid', samples: 3 },
      seeds: 4,
      // federal-law passes from July 1989 to June 1991: seeds 1 and 2 do at every point, 3 and 4 never.
      measures: { law: (_v, seed) => (seed <= 2 ? 1990.5 : seed === 3 ? 1988 : NaN) },
    });
    const exp = JSON.parse(readFileSync(join(out, 'experiment.json'), 'utf8')) as Record<string, unknown>;
    exp['scenario'] = { file: scenario, sha256: createHash('sha256').update(readFileSync(scenario)).digest('hex') };
    exp['measures'] = [{ name: 'law', target: 'federal-law' }];
    writeFileSync(join(out, 'experiment.json'), JSON.stringify(exp));
    expect(paradip('report', 'targets').code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Target pass rates');
    expect(html).toContain('target pass rate by actThreshold');
    expect(count(html, /<svg /g)).toBe(2);
  });

  it('names parameters in charts by the shortest tail that is unique', () => {
    const names = shortNames(['behaviour.parameters.lawChance', 'centrals.US.ruleSet', 'centrals.CA.ruleSet', 'ruleSets.AT.x.within', 'ruleSets.AT.y.within']);
    expect([...names.values()]).toEqual(['lawChance', 'US.ruleSet', 'CA.ruleSet', 'x.within', 'y.within']);
    expect(shortNames(['a.b', 'b']).get('a.b')).toBe('a.b');
  });

  it('turns decimal years back into dates', () => {
    expect(dateOfDecimalYear(1995 + 182 / 365)).toBe('1995-07-02');
    expect(dateOfDecimalYear(1995.5)).toBe('1995-07-03');
    expect(dateOfDecimalYear(1990)).toBe('1990-01-01');
    expect(dateOfDecimalYear(1992 + 59 / 366)).toBe('1992-02-29');
  });
});

describe('run directories', () => {
  beforeAll(() => {
    for (const seed of [1, 2]) {
      const r = paradip('run', join(ROOT, 'test/fixtures/mini.yaml'), '--seed', String(seed), '--out', `run-${seed}`, '--quiet');
      expect(r.code).toBe(0);
    }
  });

  it('reports one run: indicators over time and events by year and kind', () => {
    const r = paradip('report', 'run-1');
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'run-1/report.html'), 'utf8');
    expect(count(html, /<svg /g)).toBe(2);
    expect(html).toContain('Every indicator the run recorded');
    expect(html).toContain('Events by year and kind');
    expectSelfContained(html);
  });

  it('reports several runs with a band over them', () => {
    const r = paradip('report', 'run-1', 'run-2', '--out', 'both.html');
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'both.html'), 'utf8');
    expect(html).toContain('median over the 2 runs');
    expect(html).toContain('mean over 2 runs');
  });
});

describe('bad input: a message, exit 2, nothing written', () => {
  it('refuses a missing directory', () => {
    const r = paradip('report', 'nowhere');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: no run directory nowhere/);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('refuses a sweep result mixed with runs, and no arguments', () => {
    expect(paradip('report', 'sweep', 'run-1').stderr).toMatch(/sweep is a sweep result: report it alone/);
    expect(paradip('report').code).toBe(2);
  });

  it('refuses a result whose experiment.json is not JSON', () => {
    writeSweepFixture(join(dir, 'broken'), { params: PARAMS.slice(0, 1), design: { kind: 'lhs', samples: 4 }, seeds: 1, measures: { y: () => 1 } });
    writeFileSync(join(dir, 'broken/experiment.json'), '{ "params": [');
    const r = paradip('report', 'broken');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: broken\/experiment.json: not JSON/);
    expect(existsSync(join(dir, 'broken/report.html'))).toBe(false);
  });
});
