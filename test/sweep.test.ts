/**
 * `paradip sweep` and `paradip merge` through the real binary (bundled workers, real threads, real files): the
 * results table and its values checked against `paradip run` of the same seed and overrides, identical bytes
 * for 1 and 2 workers and for shards merged, a real `kill -9` at several moments and a restart with 0 runs
 * lost and 0 duplicated, the Parquet file read back by DuckDB (and pandas where installed), and bad input.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'test/fixtures/sweep-small.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'paradip-sweep-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
});

function paradip(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), ...args], { cwd: scratch, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const read = (dir: string, file: string): Buffer => readFileSync(join(scratch, dir, file));
const csvRows = (dir: string): string[][] => read(dir, 'runs.csv').toString().trim().split('\n').map((l) => l.split(','));

describe('paradip sweep', () => {
  let header: string[] = [];
  let rows: string[][] = [];
  beforeAll(() => {
    const r = paradip('sweep', FIXTURE, '--out', 'one', '--workers', '1');
    expect(r.stderr).toContain('sweep sweep-small: 24/24 runs (100%)');
    expect(r.code).toBe(0);
    const all = csvRows('one');
    header = all[0]!;
    rows = all.slice(1);
  });

  it('writes one row per run, sorted, with parameters then measures as columns', () => {
    expect(header).toEqual([
      'run', 'point', 'seed', 'ruleSets.AT.rules.treaty-neighbour.approvals.consent.within', 'behaviour.parameters.actThreshold',
      'binding', 'signed', 'tacit', 'first_binding', 'first_treaty', 'partners', 'latency', 'proposals', 'ties_mean', 'ties_1997', 'ties_above_2', 'status', 'error',
    ]);
    expect(rows).toHaveLength(24);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 24 }, (_, i) => String(i)));
    // Run r: point floor(r / 4), seed 1 + r mod 4; points in grid order, the first parameter slowest.
    expect(rows[5]!.slice(1, 5)).toEqual(['1', '2', '4 weeks', '0.2']);
    expect(rows[23]!.slice(1, 5)).toEqual(['5', '4', '26 weeks', '0.2']);
    for (const r of rows) expect(r.slice(-2)).toEqual(['ok', '']);
    // A treaty is never signed here: an empty cell, not 0.
    for (const r of rows) expect(r[header.indexOf('first_treaty')]).toBe('');
    const e = JSON.parse(read('one', 'experiment.json').toString()) as Record<string, unknown>;
    expect(e['pointCount']).toBe(6);
    expect(e['runCount']).toBe(24);
    expect(e['shard']).toBe(null);
    expect((e['scenario'] as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(e['overrides']).toEqual([{ path: 'behaviour.parameters.deliberationRate', value: 1 }]);
    expect(readdirSync(join(scratch, 'one')).sort()).toEqual(['experiment.json', 'runs.csv', 'runs.parquet']);
  });

  it('measures what `paradip run` of the same seed and overrides records', () => {
    for (const run of [1, 14, 22]) {
      const row = rows[run]!;
      const cell = (name: string): string => row[header.indexOf(name)]!;
      const out = `run-${run}`;
      const r = paradip('run', join(ROOT, 'test/fixtures/check-small.yaml'), '--seed', row[2]!, '--out', out, '--quiet', '--no-ui',
        '--set', 'behaviour.parameters.deliberationRate=1', '--set', `ruleSets.AT.rules.treaty-neighbour.approvals.consent.within=${row[3]}`, '--set', `behaviour.parameters.actThreshold=${row[4]}`);
      expect(r.code).toBe(0);
      const events = read(out, 'events.jsonl').toString().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      const signed = events.filter((e) => e['kind'] === 'instrument.signed');
      const binding = signed.filter((e) => ['agreement', 'treaty'].includes(e['instrument'] as string));
      const home = binding.filter((e) => (e['parties'] as string[]).some((p) => p.startsWith('H-')));
      expect(Number(cell('signed'))).toBe(signed.length);
      expect(Number(cell('binding'))).toBe(home.length);
      expect(Number(cell('tacit'))).toBe(events.filter((e) => e['kind'] === 'approval.tacit' && e['step'] === 'consent').length);
      expect(Number(cell('proposals'))).toBeGreaterThan(0);
      const partners = new Set(signed.flatMap((e) => (e['parties'] as string[]).filter((p) => p.startsWith('N-'))));
      expect(Number(cell('partners'))).toBe(partners.size);
      if (binding.length > 0) {
        const d = binding[0]!['date'] as string;
        const y = Number(d.slice(0, 4));
        const expected = y + (Date.UTC(y, Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) - Date.UTC(y, 0, 1)) / (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1));
        expect(Number(cell('first_binding'))).toBeCloseTo(expected, 12);
      } else expect(cell('first_binding')).toBe('');
      const ties = read(out, 'indicators.csv').toString().trim().split('\n');
      const col = ties[0]!.split(',').indexOf('home_ties_in_force');
      const values = ties.slice(1).map((l) => Number(l.split(',')[col]));
      expect(Number(cell('ties_mean'))).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 12);
      const dateCol = ties[0]!.split(',').indexOf('date');
      const june97 = ties.slice(1).findIndex((l) => l.split(',')[dateCol]!.startsWith('1997-06'));
      expect(Number(cell('ties_1997'))).toBe(values[june97]);
    }
  });

  it('gives byte-identical files on 2 workers', () => {
    const r = paradip('sweep', FIXTURE, '--out', 'two', '--workers', '2');
    expect(r.code).toBe(0);
    for (const f of ['runs.csv', 'runs.parquet', 'experiment.json']) expect(read('two', f).equals(read('one', f))).toBe(true);
  });

  it('runs 3 shards whose merge is byte-identical to the whole sweep', () => {
    for (const i of [2, 0, 1]) {
      const r = paradip('sweep', FIXTURE, '--out', `shard-${i}`, '--shard', `${i}/3`, '--workers', i === 0 ? '2' : '1');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`shard ${i} of 3 (8 of 24 runs)`);
      const own = csvRows(`shard-${i}`).slice(1).map((x) => Number(x[0]));
      expect(own).toEqual(Array.from({ length: 8 }, (_, k) => 3 * k + i));
    }
    const m = paradip('merge', 'shard-1', 'shard-0', 'shard-2', '--out', 'merged');
    expect(m.stderr).toBe('');
    expect(m.code).toBe(0);
    for (const f of ['runs.csv', 'runs.parquet', 'experiment.json']) expect(read('merged', f).equals(read('one', f))).toBe(true);
  });

  it('merge warns, naming them, when shards were run by different builds, and still merges their runs', () => {
    cpSync(join(scratch, 'shard-2'), join(scratch, 'shard-2-other-build'), { recursive: true });
    const file = join(scratch, 'shard-2-other-build', 'experiment.json');
    const record = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...record, gitCommit: 'f00dfeed', node: 'v99.0.0' }, null, 2));
    const m = paradip('merge', 'shard-0', 'shard-1', 'shard-2-other-build', '--out', 'merged-builds');
    expect(m.code).toBe(0);
    const warnings = m.stderr.trim().split('\n');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toBe(`warning: the shards were run by different builds (gitCommit: shard-0: ${String(record['gitCommit'])}, shard-1: ${String(record['gitCommit'])}, shard-2-other-build: f00dfeed); experiment.json records shard-0's`);
    expect(warnings[1]).toContain('(node: shard-0: ' + String(record['node']));
    expect(warnings[1]).toContain('shard-2-other-build: v99.0.0)');
    expect(read('merged-builds', 'runs.csv').equals(read('one', 'runs.csv'))).toBe(true);
  });

  it('merge refuses a missing shard, a shard twice, or another sweep\'s shard, writing nothing', () => {
    const missing = paradip('merge', 'shard-0', 'shard-1', '--out', 'bad-1');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing: 2');
    const twice = paradip('merge', 'shard-0', 'shard-0', 'shard-2', '--out', 'bad-2');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('shard 0 of 3 is given twice');
    expect(paradip('sweep', FIXTURE, '--out', 'other-1', '--shard', '1/3', '--seeds', '2').code).toBe(0);
    const other = paradip('merge', 'shard-0', 'other-1', 'shard-2', '--out', 'bad-3');
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/other-1 is a shard of another sweep/);
    for (const d of ['bad-1', 'bad-2', 'bad-3']) expect(existsSync(join(scratch, d))).toBe(false);
  });

  it('a finished sweep run again does nothing; another sweep into its directory is refused', () => {
    const before = read('one', 'runs.parquet');
    const again = paradip('sweep', FIXTURE, '--out', 'one', '--workers', '2');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already complete');
    expect(read('one', 'runs.parquet').equals(before)).toBe(true);
    const other = paradip('sweep', FIXTURE, '--out', 'one', '--seeds', '3');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('holds another sweep');
  });

  it('takes a quick sweep from flags: --vary values and ranges, default measures', () => {
    const r = paradip('sweep', join(ROOT, 'test/fixtures/check-small.yaml'), '--vary', 'behaviour.parameters.actThreshold=0.1:0.3', '--levels', '3', '--vary', 'centrals.H.ruleSet=AT,DE', '--seeds', '2', '--out', 'flags');
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const [h, ...body] = csvRows('flags');
    expect(h!.slice(0, 10)).toEqual(['run', 'point', 'seed', 'behaviour.parameters.actThreshold', 'centrals.H.ruleSet', 'signed', 'binding', 'forbidden', 'refused', 'laws']);
    expect(h).toContain('target.proposals');
    expect(body.map((x) => `${x[3]} ${x[4]}`).filter((_, i) => i % 2 === 0)).toEqual(['0.1 AT', '0.1 DE', '0.2 AT', '0.2 DE', '0.3 AT', '0.3 DE']);
    // Saltelli: N (k + 2) points for N = 2 base rows and k = 2 parameters.
    const sobol = paradip('sweep', join(ROOT, 'test/fixtures/check-small.yaml'), '--vary', 'behaviour.parameters.actThreshold=0.1:0.3', '--vary', 'behaviour.parameters.deliberationRate=0.5:2', '--design', 'sobol', '--samples', '2', '--seeds', '1', '--out', 'flags-sobol');
    expect(sobol.code).toBe(0);
    expect(sobol.stdout).toContain('8 points x 1 seed = 8 runs');
  });
});

describe('sweep resumes after kill -9', () => {
  const args = ['sweep', FIXTURE, '--seeds', '16', '--workers', '2'];
  const journalLines = (dir: string): number => {
    const f = join(scratch, dir, 'journal.jsonl');
    return existsSync(f) ? readFileSync(f, 'utf8').split('\n').length - 2 : 0;
  };
  /** Starts the real binary and kills it (SIGKILL) once its journal holds at least `lines` runs. */
  async function killAfter(dir: string, lines: number): Promise<number> {
    const child = spawn(process.execPath, [join(ROOT, 'bin/paradip.js'), ...args, '--out', dir], { cwd: scratch, env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    for (let i = 0; i < 600 && journalLines(dir) < lines && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGKILL');
    await exited;
    return journalLines(dir);
  }

  it('finishes with every run exactly once, identical to an uninterrupted sweep', async () => {
    const whole = paradip(...args, '--out', 'whole');
    expect(whole.code).toBe(0);
    const kept: number[] = [];
    for (const lines of [10, 40, 70]) kept.push(await killAfter('killed', lines));
    expect(kept[0]).toBeGreaterThan(0);
    expect(kept[2]).toBeLessThan(96);
    expect(kept[1]).toBeGreaterThan(kept[0]!);
    const last = paradip(...args, '--out', 'killed');
    expect(last.code).toBe(0);
    // The restart kept every run the journal held and ran only the others.
    expect(last.stderr).toContain(`continuing killed: ${kept[2]} runs kept, ${96 - kept[2]!} to run`);
    const runs = csvRows('killed').slice(1).map((r) => Number(r[0]));
    expect(runs).toEqual(Array.from({ length: 96 }, (_, i) => i));
    for (const f of ['runs.csv', 'runs.parquet', 'experiment.json']) expect(read('killed', f).equals(read('whole', f))).toBe(true);
    expect(existsSync(join(scratch, 'killed', 'journal.jsonl'))).toBe(false);
  }, 120_000);

  it('drops a half-written last line of the journal', async () => {
    const kept = await killAfter('torn', 3);
    expect(kept).toBeGreaterThanOrEqual(3);
    // As if the kill had come in the middle of a write: half a line, no newline.
    appendFileSync(join(scratch, 'torn', 'journal.jsonl'), '{"run":95,"point":5,"se');
    const r = paradip(...args, '--out', 'torn');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`continuing torn: ${kept} runs kept`);
    for (const f of ['runs.csv', 'runs.parquet', 'experiment.json']) expect(read('torn', f).equals(read('whole', f))).toBe(true);
  }, 60_000);
});

describe('sweep results read by a real Parquet reader', () => {
  it('DuckDB reads runs.parquet with typed columns and the same values as runs.csv', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const file = join(scratch, 'one', 'runs.parquet').replace(/'/g, "''");
    const types = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjects().map((r) => [r['column_name'], r['column_type']]);
    expect(types.slice(0, 6)).toEqual([['run', 'BIGINT'], ['point', 'BIGINT'], ['seed', 'BIGINT'], ['ruleSets.AT.rules.treaty-neighbour.approvals.consent.within', 'VARCHAR'], ['behaviour.parameters.actThreshold', 'DOUBLE'], ['binding', 'DOUBLE']]);
    expect(types.slice(-2)).toEqual([['status', 'VARCHAR'], ['error', 'VARCHAR']]);
    const rows = (await c.runAndReadAll(`SELECT * FROM read_parquet('${file}') ORDER BY run`)).getRowsJS();
    const [header, ...csv] = csvRows('one');
    expect(rows).toHaveLength(csv.length);
    rows.forEach((row, i) => {
      row.forEach((v, j) => {
        const text = csv[i]![j]!;
        if (v === null) expect(text).toBe('');
        else if (typeof v === 'bigint' || typeof v === 'number') expect(Number(v)).toBe(Number(text));
        else expect(String(v)).toBe(text);
      });
    });
    const nulls = (await c.runAndReadAll(`SELECT count(*) FROM read_parquet('${file}') WHERE first_treaty IS NULL`)).getRowsJS()[0]![0];
    expect(Number(nulls)).toBe(24);
    const meta = (await c.runAndReadAll(`SELECT decode(value) FROM parquet_kv_metadata('${file}') WHERE decode(key) = 'paradip.experiment'`)).getRowsJS();
    expect(JSON.parse(String(meta[0]![0])).id).toBe('sweep-small');
    expect(header).toHaveLength(types.length);
    c.closeSync();
  });

  it('pandas reads runs.parquet (where python3 has pandas and pyarrow)', (ctx) => {
    const probe = spawnSync('python3', ['-c', 'import pandas, pyarrow'], { encoding: 'utf8' });
    if (probe.status !== 0) {
      ctx.skip();
      return;
    }
    const r = spawnSync('python3', ['-c', `import pandas as pd; d = pd.read_parquet(${JSON.stringify(join(scratch, 'one', 'runs.parquet'))}); print(len(d), d['run'].dtype, d['binding'].dtype, int(d['first_treaty'].isna().sum()))`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('24 int64 float64 24');
  });
});

describe('sweep bad input', () => {
  const write = (name: string, text: string): string => {
    const f = join(ROOT, 'test/fixtures', `.tmp-${name}.yaml`);
    writeFileSync(f, text);
    return f;
  };
  const base = readFileSync(FIXTURE, 'utf8');
  afterAll(() => {
    for (const f of readdirSync(join(ROOT, 'test/fixtures'))) if (f.startsWith('.tmp-')) rmSync(join(ROOT, 'test/fixtures', f));
  });

  it('an unknown parameter path: exit 2 at the parameter, with the nearest valid path, nothing written', () => {
    const f = write('bad-path', base.replace('approvals.consent.within', 'approvals.consent.withn'));
    const r = paradip('sweep', f, '--out', 'bad-path');
    expect(r.code).toBe(2);
    const line = base.split('\n').findIndex((l) => l.includes('approvals.consent.within')) + 1;
    expect(r.stderr).toMatch(new RegExp(`\\.tmp-bad-path\\.yaml:${line}:\\d+: .*no key "withn".*did you mean ruleSets\\.AT\\.rules\\.treaty-neighbour\\.approvals\\.consent\\.within`));
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(join(scratch, 'bad-path'))).toBe(false);
  });

  it('a bad value of one point, an unknown target, a measure with two kinds: exit 2 at the place', () => {
    const value = paradip('sweep', write('bad-value', base.replace('values: [4 weeks, 8 weeks, 26 weeks]', 'values: [4 weeks, 8 wek]')), '--out', 'bv');
    expect(value.code).toBe(2);
    const valuesLine = base.split('\n').findIndex((l) => l.includes('values: [4 weeks')) + 1;
    expect(value.stderr).toMatch(new RegExp(`\\.tmp-bad-value\\.yaml:${valuesLine}:\\d+: point 2: .*within=8 wek: a duration .* at parameters\\.0\\.values\\.1 \\(found "8 wek"\\)`));
    const target = paradip('sweep', write('bad-target', base.replace('target: proposals', 'target: proposal')), '--out', 'bt');
    expect(target.code).toBe(2);
    expect(target.stderr).toMatch(/the scenario has no target "proposal" at measures\.7\.target \(expected proposals, first-signature/);
    const two = paradip('sweep', write('two-kinds', base.replace('    target: proposals', '    target: proposals\n    count: { kind: law.enacted }')), '--out', 'tk');
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/measure proposals has count and target: give one/);
    const kind = paradip('sweep', write('bad-kind', base.replace('kind: approval.tacit', 'kind: approval.tacitly')), '--out', 'bk');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/\.tmp-bad-kind\.yaml:\d+:\d+: value not allowed at measures\.2\.count\.kind/);
    for (const d of ['bv', 'bt', 'tk', 'bk']) expect(existsSync(join(scratch, d))).toBe(false);
  });

  it('a large design is checked at each parameter value, not point by point: a bad value still stops it first', () => {
    const big = base
      .replace('values: [4 weeks, 8 weeks, 26 weeks]', 'values: [4 weeks, 8 wek]')
      .replace('values: [0.1, 0.2]', 'min: 0.1\n    max: 0.3')
      .replace('seeds: { count: 4, first: 1 }', 'design: { kind: lhs, samples: 400 }\nseeds: { count: 1, first: 1 }');
    const t0 = performance.now();
    const r = paradip('sweep', write('big', big), '--out', 'big');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.tmp-big\.yaml:\d+:\d+: ruleSets\.AT\.rules\.treaty-neighbour\.approvals\.consent\.within=8 wek: a duration .* at parameters\.0\.values\.1/);
    // 400 loads would take about 20 s; the reduced check is a handful.
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(existsSync(join(scratch, 'big'))).toBe(false);
  });

  it('--out that is a file: exit 73, the file untouched', () => {
    writeFileSync(join(scratch, 'a-file'), 'keep');
    const r = paradip('sweep', FIXTURE, '--out', 'a-file');
    expect(r.code).toBe(73);
    expect(r.stderr).toContain('is a file, not a directory');
    expect(readFileSync(join(scratch, 'a-file'), 'utf8')).toBe('keep');
  });

  it('bad flags: exit 2 with usage', () => {
    expect(paradip('sweep', FIXTURE, '--shard', '3/3').stderr).toContain('shards are numbered 0 to 2');
    expect(paradip('sweep', FIXTURE, '--shard', 'x').code).toBe(2);
    expect(paradip('sweep', FIXTURE, '--vary', 'a=1').stderr).toContain('--vary goes with a scenario');
    expect(paradip('sweep').code).toBe(2);
  });
});
