/**
 * Reading a sweep's result directory back (what `paradip sweep` writes): experiment.json (the parsed experiment:
 * params, design, measures, ...) and runs.csv, one row per run: run, point, seed, one column per parameter (its
 * path), one per measure (its name), status ('ok' | 'error'), error. Measures are doubles, empty or NaN where
 * the measured thing never happened. Any fault is a message naming the file (and line:column in runs.csv).
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { DesignSpec, ParameterSpec } from '../experiment/design.ts';
import type { SweepResult, SweepRun } from '../experiment/sweep-result.ts';

export type { SweepResult, SweepRun } from '../experiment/sweep-result.ts';
import { parseValue } from '../scenario/overrides.ts';
import { readText } from './files.ts';

export type ReadResult = { ok: true; result: SweepResult } | { ok: false; error: string };

/** Largest runs.csv read (a million runs of a dozen columns is ~100 MB). */
const MAX_RUNS_BYTES = 512 * 1024 * 1024;

const FIXED = ['run', 'point', 'seed'];
const TRAILING = ['status', 'error'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True when the directory holds a sweep result (experiment.json), not a single run (run.json). */
export function isResultDir(dir: string, cwd: string): boolean {
  const at = isAbsolute(dir) ? dir : resolve(cwd, dir);
  return existsSync(join(at, 'experiment.json'));
}

export function readResultDir(dir: string, cwd: string): ReadResult {
  const at = isAbsolute(dir) ? dir : resolve(cwd, dir);
  if (!existsSync(at) || !statSync(at).isDirectory()) return { ok: false, error: `no result directory ${dir}` };
  const expFile = join(dir, 'experiment.json');
  if (!existsSync(join(at, 'experiment.json'))) return { ok: false, error: `${dir} has no experiment.json: not the result directory of paradip sweep` };
  const expText = readText(join(at, 'experiment.json'));
  if (!expText.ok) return { ok: false, error: `${expFile}: ${expText.problem.message}` };
  let experiment: unknown;
  try {
    experiment = JSON.parse(expText.text);
  } catch (e) {
    return { ok: false, error: `${expFile}: not JSON (${(e as Error).message})` };
  }
  // `parameters` as paradip sweep writes it; `params` as the first draft of the contract named it.
  const rawParams = isRecord(experiment) ? (experiment['parameters'] ?? experiment['params']) : undefined;
  if (!isRecord(experiment) || !Array.isArray(rawParams) || !isRecord(experiment['design'])) {
    return { ok: false, error: `${expFile}: has no parameters list and design (written by another paradip version?)` };
  }
  const params = rawParams as ParameterSpec[];
  if (!params.every((p) => isRecord(p) && typeof p['path'] === 'string')) return { ok: false, error: `${expFile}: every parameter needs a path` };
  const design = experiment['design'] as unknown as DesignSpec;
  if (!['grid', 'lhs', 'sobol', 'morris'].includes(design.kind)) return { ok: false, error: `${expFile}: unknown design kind "${String(design.kind)}"` };

  const runsFile = join(dir, 'runs.csv');
  if (!existsSync(join(at, 'runs.csv'))) return { ok: false, error: `${dir} has no runs.csv (an unfinished sweep, or shards not merged yet: paradip merge)` };
  const runsText = readText(join(at, 'runs.csv'), { maxBytes: MAX_RUNS_BYTES });
  if (!runsText.ok) return { ok: false, error: `${runsFile}: ${runsText.problem.message}` };
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(runsText.text, { info: true, raw: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { ok: false, error: `${runsFile}${line ? `:${line}` : ''}: not CSV (${(e as Error).message})` };
  }
  const header = records[0]?.record ?? [];
  const paths = params.map((p) => p.path);
  const expected = [...FIXED, ...paths];
  for (let i = 0; i < expected.length; i++) {
    if (header[i] !== expected[i]) return { ok: false, error: `${runsFile}:1:${columnOf(records[0]?.raw ?? '', i)}: column ${i + 1} should be "${expected[i]}", found "${header[i] ?? ''}"` };
  }
  if (header.length < expected.length + TRAILING.length || header.slice(-2).join() !== TRAILING.join()) {
    return { ok: false, error: `${runsFile}:1: the last columns should be "status" and "error"` };
  }
  const measures = header.slice(expected.length, -2);
  const runs: SweepRun[] = [];
  for (const { record, raw, info } of records.slice(1)) {
    const where = (i: number): string => `${runsFile}:${info.lines}:${columnOf(raw, i)}`;
    const ints: number[] = [];
    for (let i = 0; i < FIXED.length; i++) {
      const v = Number(record[i]);
      if (record[i]!.trim() === '' || !Number.isSafeInteger(v)) return { ok: false, error: `${where(i)}: ${FIXED[i]} must be a whole number, found "${record[i]}"` };
      ints.push(v);
    }
    const values: Record<string, number> = {};
    for (let m = 0; m < measures.length; m++) {
      const i = expected.length + m;
      const cell = record[i]!.trim();
      const v = cell === '' || cell === 'NaN' || cell === 'NA' ? NaN : Number(cell);
      if (cell !== '' && cell !== 'NaN' && cell !== 'NA' && !Number.isFinite(v)) return { ok: false, error: `${where(i)}: measure "${measures[m]}" must be a number or empty, found "${cell}"` };
      values[measures[m]!] = v;
    }
    const status = record[record.length - 2];
    if (status !== 'ok' && status !== 'error') return { ok: false, error: `${where(record.length - 2)}: status must be ok or error, found "${status}"` };
    runs.push({
      run: ints[0]!,
      point: ints[1]!,
      seed: ints[2]!,
      params: Object.fromEntries(paths.map((p, j) => [p, parseValue(record[FIXED.length + j]!)])),
      measures: values,
      status,
      error: record[record.length - 1]!,
    });
  }
  return { ok: true, result: { dir, experiment, params, design, measures, runs } };
}

/** 1-based character column where field `index` of a raw CSV line starts (quotes respected). */
function columnOf(raw: string, index: number): number {
  let field = 0;
  let quoted = false;
  for (let c = 0; c < raw.length; c++) {
    if (field === index) return c + 1;
    const ch = raw[c];
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) field++;
  }
  return raw.length + 1;
}
