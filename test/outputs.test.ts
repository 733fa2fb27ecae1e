/**
 * The run directory as tables, read by a real reader (DuckDB, @duckdb/node-api) from runs of the real binary:
 * every row carries the run id and seed of run.json, each column is detected as one type (the type
 * docs/outputs.md documents), events.csv holds the same events as events.jsonl, every field of every event is
 * a column of events.csv or a documented nested record, and the SQL one-liner of the docs runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CSV_COLUMNS, JSONL_ONLY, type CsvType } from '../src/cli/event-record.ts';

const ROOT = new URL('..', import.meta.url).pathname;
// Republika Srpska and the Soviet Union give values to the columns of successions, third parties and rule-set
// changes; the litigation fixture to those of court cases (issue 13).
const RUNS = {
  acid: ['scenarios/acid-rain-1980s.yaml', '3'],
  comparison: ['scenarios/constitutional-comparison.yaml', '1'],
  srpska: ['scenarios/republika-srpska.yaml', '1'],
  soviet: ['scenarios/soviet-union-russia.yaml', '1'],
  litigation: ['test/fixtures/litigation.yaml', '1'],
} as const;
let dir = '';
type Db = Awaited<ReturnType<Awaited<ReturnType<typeof import('@duckdb/node-api')['DuckDBInstance']['create']>>['connect']>>;
let db: Db;

const at = (run: keyof typeof RUNS, file: string): string => join(dir, run, file).replace(/'/g, "''");
const both = (file: string): string => `[${Object.keys(RUNS).map((r) => `'${at(r as keyof typeof RUNS, file)}'`).join(', ')}]`;
async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}
async function types(source: string): Promise<Map<string, string>> {
  return new Map((await rows(`DESCRIBE SELECT * FROM ${source}`)).map((r) => [String(r['column_name']), String(r['column_type'])]));
}
const DUCK: Record<CsvType, string> = { string: 'VARCHAR', date: 'DATE', integer: 'BIGINT', double: 'DOUBLE', boolean: 'BOOLEAN', ids: 'VARCHAR', citations: 'VARCHAR' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paradip-outputs-'));
  if (!existsSync(join(ROOT, 'dist/paradip.js'))) spawnSync('node', ['scripts/build.mjs'], { cwd: ROOT });
  for (const [name, [scenario, seed]] of Object.entries(RUNS)) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), 'run', scenario, '--seed', seed, '--out', join(dir, name), '--quiet'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    if (r.status !== 0) throw new Error(r.stderr);
  }
  const { DuckDBInstance } = await import('@duckdb/node-api');
  db = await (await DuckDBInstance.create(':memory:')).connect();
}, 60_000);
afterAll(() => {
  db?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const jsonl = (run: keyof typeof RUNS): Record<string, unknown>[] => readFileSync(join(dir, run, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
const runJson = (run: keyof typeof RUNS): { runId: string; seed: number } => JSON.parse(readFileSync(join(dir, run, 'run.json'), 'utf8'));

describe('events.csv', () => {
  it('every documented column, in order, detected by DuckDB as its documented type (over four shipped runs and the litigation fixture)', async () => {
    const detected = await types(`read_csv(${both('events.csv')})`);
    expect([...detected.keys()]).toEqual(EVENT_CSV_COLUMNS.map(([n]) => n));
    let typed = 0;
    for (const [name, type] of EVENT_CSV_COLUMNS) {
      const [{ n }] = (await rows(`SELECT count("${name}")::INTEGER AS n FROM read_csv(${both('events.csv')}, all_varchar = true)`)) as [{ n: number }];
      // A column empty in both runs has no values to type (DuckDB calls it VARCHAR).
      if (n === 0) continue;
      typed++;
      expect(detected.get(name), name).toBe(DUCK[type]);
    }
    // The runs give values to nearly every column: the check above is not vacuous.
    expect(typed).toBeGreaterThanOrEqual(EVENT_CSV_COLUMNS.length - 3);
  });

  it('the same events as events.jsonl, each row with the run id and seed of run.json', async () => {
    for (const run of Object.keys(RUNS) as (keyof typeof RUNS)[]) {
      const { runId, seed } = runJson(run);
      const lines = jsonl(run);
      const csv = await rows(`SELECT * FROM read_csv('${at(run, 'events.csv')}', all_varchar = true) ORDER BY seq::INTEGER`);
      expect(csv).toHaveLength(lines.length);
      csv.forEach((row, i) => {
        const line = lines[i]!;
        expect(row['runId']).toBe(runId);
        expect(Number(row['seed'])).toBe(seed);
        expect(line['runId']).toBe(runId);
        expect(line['seed']).toBe(seed);
        for (const [name, type] of EVENT_CSV_COLUMNS) {
          const v = line[name];
          const cell = row[name] ?? null;
          // An empty list (a succession that carries no tie) is an empty cell, like a missing field.
          if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) expect(cell === null || cell === '', `${run} seq ${i + 1} ${name}`).toBe(true);
          else if (type === 'ids') expect(String(cell).split(';'), `${name}`).toEqual(v);
          else if (type === 'citations') expect(String(cell).split(' | '), `${name}`).toEqual(v);
          else expect(cell, `${run} seq ${i + 1} ${name}`).toBe(String(v));
        }
      });
    }
  });

  it('every field of every event is a column of events.csv or a nested record kept in events.jsonl', () => {
    const columns = new Set<string>([...EVENT_CSV_COLUMNS.map(([n]) => n), ...JSONL_ONLY]);
    const seen = new Set<string>();
    for (const run of Object.keys(RUNS) as (keyof typeof RUNS)[]) for (const e of jsonl(run)) for (const k of Object.keys(e)) seen.add(k);
    expect([...seen].filter((k) => !columns.has(k))).toEqual([]);
    for (const k of JSONL_ONLY) expect(seen.has(k), k).toBe(true);
  });

  it('docs/outputs.md documents exactly these columns with these types', () => {
    const doc = readFileSync(join(ROOT, 'docs/outputs.md'), 'utf8');
    const table = [...doc.split('## events.csv')[1]!.split('## Reading them')[0]!.matchAll(/^\| `([A-Za-z]+)` \| (\w+) \|/gm)].map((m) => [m[1], m[2]]);
    const word: Record<CsvType, string> = { string: 'text', date: 'date', integer: 'integer', double: 'number', boolean: 'boolean', ids: 'ids', citations: 'citations' };
    expect(table).toEqual(EVENT_CSV_COLUMNS.map(([n, t]) => [n, word[t]]));
  });

  it('the SQL one-liner of docs/outputs.md runs on a real run', async () => {
    const doc = readFileSync(join(ROOT, 'docs/outputs.md'), 'utf8');
    const sql = /```sql\n([^`]+)```/.exec(doc)![1]!.trim().replace(/;$/, '').replace('runs/ar-3', join(dir, 'acid'));
    const counts = await rows(sql);
    const byKind = new Map<string, number>();
    for (const e of jsonl('acid')) byKind.set(String(e['kind']), (byKind.get(String(e['kind'])) ?? 0) + 1);
    expect(new Map(counts.map((r) => [String(r['kind']), Number(r['n'])]))).toEqual(byKind);
  });
});

describe('events.jsonl', () => {
  it('one type per column in DuckDB: from/to text, positions numbers, booleans boolean, why nested', async () => {
    const t = await types(`read_json(${both('events.jsonl')}, format = 'newline_delimited')`);
    expect([...t.keys()].slice(0, 6)).toEqual(['runId', 'seed', 'seq', 'tick', 'date', 'kind']);
    expect(t.get('runId')).toBe('VARCHAR');
    expect(t.get('seed')).toBe('BIGINT');
    expect(t.get('from')).toBe('VARCHAR');
    expect(t.get('to')).toBe('VARCHAR');
    expect(t.get('fromPosition')).toBe('DOUBLE');
    expect(t.get('toPosition')).toBe('DOUBLE');
    expect(t.get('protodiplomacy')).toBe('BOOLEAN');
    expect(t.get('parties')).toBe('VARCHAR[]');
    expect(t.get('why')).toMatch(/^(STRUCT|JSON)/);
  });

  it('position.changed stores its numbers as fromPosition/toPosition, and explain still reads them', () => {
    const moved = jsonl('acid').find((e) => e['kind'] === 'position.changed')!;
    expect(moved).toBeDefined();
    expect(typeof moved['fromPosition']).toBe('number');
    expect(typeof moved['toPosition']).toBe('number');
    expect(moved['from']).toBeUndefined();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/paradip.js'), 'explain', join(dir, 'acid'), String(moved['seq'])], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    // The sentence says the move with signs and two decimals (describe-event.ts), read from the mapped-back event.
    const signed = (x: unknown): string => `${(x as number) >= 0 ? '+' : ''}${(x as number).toFixed(2)}`;
    expect(r.stdout).toContain(`: ${signed(moved['fromPosition'])} to ${signed(moved['toPosition'])}\n`);
  });
});

describe('indicators.csv', () => {
  it('run id, seed, tick, date, then numbers; one row per tick', async () => {
    const t = await types(`read_csv('${at('acid', 'indicators.csv')}')`);
    expect([...t.entries()].slice(0, 4)).toEqual([['runId', 'VARCHAR'], ['seed', 'BIGINT'], ['tick', 'BIGINT'], ['date', 'DATE']]);
    for (const [name, type] of [...t.entries()].slice(4)) expect(type, name).toMatch(/^(DOUBLE|BIGINT)$/);
    const { runId } = runJson('acid');
    const r = await rows(`SELECT count(*)::INTEGER AS n, count(DISTINCT "runId")::INTEGER AS ids, min("runId") AS id, min(seed)::INTEGER AS seed FROM read_csv('${at('acid', 'indicators.csv')}')`);
    expect(r[0]).toEqual({ n: 192, ids: 1, id: runId, seed: 3 });
  });
});
