/**
 * `paradip check` and `paradip list`, driven through `main()` with fake streams on a small scenario with
 * targets (test/fixtures/check-small.yaml): the table and exit codes, the JSON report, identical results on 1
 * and 2 real worker threads, and bad input (exit 2, nothing on stdout).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { AGENT_TICKS_PER_THREAD, defaultWorkers } from '../src/cli/check-command.ts';
import { buildExperiment } from '../src/experiment/load-experiment.ts';
import { experimentSchema } from '../src/experiment/experiment-schema.ts';
import { loadRuleSets, readText } from '../src/cli/files.ts';
import { prepareRun } from '../src/cli/prepare-run.ts';
import { lastTick } from '../src/engine/run.ts';

const root = join(import.meta.dirname, '..');
const fixture = 'test/fixtures/check-small.yaml';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  const code = await main({ argv, stdout, stderr, stdin: new PassThrough(), env: {}, cwd: root });
  return { code, out, err };
}

interface JsonReport {
  scenario: string;
  variant: string | null;
  seeds: { first: number; count: number };
  pass: boolean;
  targets: { id: string; expected: string; passRate: number; required: number; pass: boolean; distribution: { median: unknown; min: unknown; max: unknown }; values: unknown[] }[];
}

const scratch = mkdtempSync(join(tmpdir(), 'paradip-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('paradip check', () => {
  it('prints a table and fails (exit 1) when a target misses its pass rate', async () => {
    const r = await cli('check', fixture, '--seeds', '12', '--workers', '1');
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Check test (two home regions): 12 seeds (1..12), variant none');
    expect(r.out).toMatch(/^target\s+pass rate\s+median \(min\.\.max\)$/m);
    expect(r.out).toMatch(/^proposals\s+100% >= 80% ok\s+\d+ \(\d+\.\.\d+\)\n {4}expected at least 1\n {4}history synthetic: regions act abroad$/m);
    expect(r.out).toMatch(/^first-signature\s+\d+% >= 80% ok\s+\d{4}-\d{2} \(\d{4}-\d{2}\.\.\S+\)\n {4}expected on or after 1995-01, before 2000-01$/m);
    expect(r.out).toMatch(/^treaties\s+0% < 80% FAIL\s+0 \(0\.\.0\)\n {4}expected at least 1\n {4}history must fail: no treaty is possible$/m);
    // Fits 100 columns however long the expectations and histories are.
    expect(Math.max(...r.out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(r.out.split('\n').filter((l) => l.startsWith('failed:'))).toEqual(['failed: treaties: 0% of seeds met "at least 1", 80% required']);
    expect(r.out).toContain('5 of 6 targets pass');
  });

  it('passes (exit 0) when every target meets its pass rate', async () => {
    const r = await cli('check', fixture, '--seeds', '5', '--workers', '1', '--set', 'targets.treaties.expect.atLeast=0');
    expect(r.code).toBe(0);
    expect(r.out).toContain('6 of 6 targets pass');
    expect(r.out).not.toContain('failed:');
  });

  it('--json prints one object with values in seed order', async () => {
    const r = await cli('check', fixture, '--seeds', '12', '--workers', '1', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report).toMatchObject({ scenario: 'check-small', variant: null, seeds: { first: 1, count: 12 }, pass: false });
    expect(report.targets.map((t) => [t.id, t.pass])).toEqual([
      ['proposals', true], ['first-signature', true], ['hub-forbidden', true], ['ties-at-end', true], ['proposed-then-expired', true], ['treaties', false],
    ]);
    for (const t of report.targets) expect(t.values).toHaveLength(12);
    const treaties = report.targets.find((t) => t.id === 'treaties')!;
    expect(treaties).toMatchObject({ expected: 'at least 1', passRate: 0, required: 0.8, distribution: { median: 0, min: 0, max: 0 } });
    const forbidden = report.targets.find((t) => t.id === 'hub-forbidden')!;
    expect(forbidden.values.every((v) => Array.isArray(v) && v.includes('H-HUB'))).toBe(true);
  });

  it('--json records the variant and the overrides, typed as parsed', async () => {
    const r = await cli('check', fixture, '--seeds', '2', '--workers', '1', '--json', '--variant', 'germany', '--set', 'behaviour.parameters.actThreshold=0.3', '--set', 'targets.treaties.expect.atLeast=0');
    const report = JSON.parse(r.out) as JsonReport & { overrides: unknown };
    expect(report.variant).toBe('germany');
    expect(report.overrides).toEqual([
      { path: 'behaviour.parameters.actThreshold', value: 0.3 },
      { path: 'targets.treaties.expect.atLeast', value: 0 },
    ]);
    const plain = await cli('check', fixture, '--seeds', '2', '--workers', '1', '--json');
    expect((JSON.parse(plain.out) as { overrides: unknown }).overrides).toEqual([]);
  });

  it('gives the same report on 1 and 2 worker threads, and a seed the same value in any batch', async () => {
    const one = await cli('check', fixture, '--seeds', '10', '--workers', '1', '--json');
    const two = await cli('check', fixture, '--seeds', '10', '--workers', '2', '--json');
    expect(two.err).toBe('');
    expect(two.out).toBe(one.out);
    const later = await cli('check', fixture, '--seeds', '4', '--first-seed', '5', '--workers', '2', '--json');
    const [a, b] = [JSON.parse(one.out) as JsonReport, JSON.parse(later.out) as JsonReport];
    expect(b.seeds).toEqual({ first: 5, count: 4 });
    for (const [i, t] of b.targets.entries()) expect(t.values).toEqual(a.targets[i]!.values.slice(4, 8));
  }, 20_000);

  it('gives the same report on 3 threads (this one and two workers) as on 1', async () => {
    const one = await cli('check', fixture, '--seeds', '12', '--workers', '1', '--json');
    const three = await cli('check', fixture, '--seeds', '12', '--workers', '3', '--json');
    expect(three.err).toBe('');
    expect(three.out).toBe(one.out);
  }, 20_000);

  it('reports the failure of the first failing seed, whatever the number of threads', async () => {
    // Infinity whenever a decision's noise rounds to 0: every seed fails, each with its own unit, date or inputs.
    const set = 'behaviour.formulas.utility=total - cost + 1 / round(noise * 4)';
    const alone = await Promise.all([1, 2].map((s) => cli('check', fixture, '--seeds', '1', '--first-seed', String(s), '--workers', '1', '--set', set)));
    expect(alone[0]!.err).toMatch(/formula utility gave -?Infinity/);
    expect(alone[1]!.err).not.toBe(alone[0]!.err);
    for (const workers of ['1', '2', '3']) {
      const r = await cli('check', fixture, '--seeds', '24', '--workers', workers, '--set', set);
      expect(r.code).toBe(2);
      expect(r.err).toBe(alone[0]!.err);
    }
  }, 30_000);

  it('runs a variant', async () => {
    const r = await cli('check', fixture, '--seeds', '3', '--workers', '1', '--variant', 'germany', '--json');
    expect((JSON.parse(r.out) as JsonReport).variant).toBe('germany');
  });

  it('a scenario without targets: a message and exit 2', async () => {
    const r = await cli('check', 'scenarios/constitutional-comparison.yaml', '--seeds', '20');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('declares no targets');
  });

  it.each([
    [['check'], 'which scenario?'],
    [['check', fixture, '--seeds', '0'], '--seeds needs a whole number from 1'],
    [['check', fixture, '--seeds', 'many'], '--seeds needs a whole number, found "many"'],
    [['check', fixture, '--workers', '0'], '--workers needs a whole number from 1'],
    [['check', fixture, '--first-seed', '-1'], '--first-seed needs a whole number >= 0'],
    [['check', fixture, '--until', '1990'], 'unknown option --until'],
    [['check', 'test/fixtures/nope.yaml'], 'test/fixtures/nope.yaml: no such file'],
    [['check', fixture, '--variant', 'mars'], 'unknown variant "mars"'],
    [['check', fixture, '--set', 'targets.treaties.expect.atLeast=many'], 'targets'],
  ])('bad input %j: exit 2, a message, nothing on stdout', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
  });

  it('an expectation that does not fit its measure is reported with its position', async () => {
    const text = readFileSync(join(root, fixture), 'utf8').replace('expect: { between: [0, 20] }', 'expect: { after: 1999-01 }');
    const file = join(scratch, 'bad-target.yaml');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('after: 1999-01')) + 1;
    const r = await cli('check', file, '--seeds', '2');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`bad-target\\.yaml:${line}:\\d+: "after" does not apply to an indicator measure at targets\\.3\\.expect\\.after`));
  });
});

describe('paradip check: targets that measure a record', () => {
  it('years, match and dyads on the real acid-rain file, and a record that counts nothing is refused with its position', async () => {
    const r = await cli('check', 'scenarios/acid-rain-1980s.yaml', '--seeds', '2', '--workers', '1', '--json');
    const report = JSON.parse(r.out) as JsonReport;
    const values = (id: string) => report.targets.find((t) => t.id === id)!.values;
    for (const v of values('mou-years')) expect(typeof v === 'number' && v >= 0 && v < 3).toBe(true);
    for (const v of values('mou-dyads-precision')) expect(typeof v === 'number' && v >= 0 && v <= 1).toBe(true);
    for (const v of values('wa-bc') as string[][]) for (const pair of v) expect(pair).toMatch(/^CA-[A-Z]+\+US-[A-Z]+$/);
    const text = readFileSync(join(root, 'scenarios/acid-rain-1980s.yaml'), 'utf8').replace('record: { "1982": 1, "1983": 2, "1984": 1, "1985": 3, "1986": 1 }', 'record: { "1982": 0 }');
    const file = join(scratch, 'bad-record.yaml');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('record: { "1982": 0 }')) + 1;
    const bad = await cli('check', file, '--seeds', '2');
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toMatch(new RegExp(`bad-record\\.yaml:${line}:\\d+: the record counts no event`));
  });
});

describe('paradip list', () => {
  it('lists the shipped scenarios with their targets', async () => {
    const r = await cli('list');
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^constitutional-comparison {2}Constitutional comparison \(synthetic regions\) {2}\((no targets|\d+ targets?)\)$/m);
    expect(r.out).toContain('paradip run scenarios/constitutional-comparison.yaml --seed 1');
  });

  it('--seeds goes with --check', async () => {
    const r = await cli('list', '--seeds', '3');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--seeds and --workers go with --check');
  });
});

describe('defaultWorkers', () => {
  const cores = availableParallelism();
  it('starts one thread per 1.5 million agent-ticks at most, one per core and one per seed at most', () => {
    // 100 acid-rain seeds: 25 units x 192 ticks each, 480,000 agent-ticks: one thread.
    expect(defaultWorkers(100, 25 * 192)).toBe(1);
    expect(defaultWorkers(1000, 25 * 192)).toBe(Math.min(cores, 3));
    expect(defaultWorkers(2, 10_000_000)).toBe(Math.min(cores, 2));
    expect(defaultWorkers(1, 10_000_000)).toBe(1);
    expect(defaultWorkers(64)).toBe(Math.min(cores, 64));
    expect(defaultWorkers(312, AGENT_TICKS_PER_THREAD / 100)).toBe(Math.min(cores, 3));
  });
});

describe('an experiment\'s agentTicksPerRun (the size a sweep picks its default threads by)', () => {
  it('is the scenario\'s subnationals times its ticks, with the experiment\'s fixed settings', () => {
    const file = 'scenarios/acid-rain-1980s.yaml';
    const cwd = join(import.meta.dirname, '..');
    const prep = prepareRun({ scenario: file, seed: 1, variant: null, sets: [], until: null, from: null, cwd });
    if (!prep.ok) throw new Error('scenario');
    const run = prep.prepared.run;
    const size = (set: Record<string, string>): number => {
      const spec = experimentSchema.parse({ experiment: 1, id: 'size', scenario: join(cwd, file), variant: null, set, parameters: [{ path: 'behaviour.parameters.actThreshold', values: [0.2, 0.3] }], design: { kind: 'grid' }, seeds: { count: 1, first: 1 }, measures: [{ name: 'signed', description: 'signed', count: { kind: 'instrument.signed' } }] });
      const built = buildExperiment(spec, null, null, cwd, { readText, loadRuleSets });
      if (!built.ok) throw new Error(JSON.stringify(built.problems));
      return built.experiment.agentTicksPerRun;
    };
    expect(size({})).toBe(run.world.subnationals.length * (lastTick(run.model) + 1));
    expect(size({ 'calendar.end': '1979-12' })).toBe(run.world.subnationals.length * 36);
    // 100 runs of acid rain (about 5,000 agent-ticks each) are too short for a second thread.
    expect(defaultWorkers(100, size({}))).toBe(1);
  });
});
