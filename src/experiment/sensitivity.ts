/**
 * Sensitivity analysis of a sweep's result, per measure: Sobol' indices for a sobol design, Morris effects for a
 * morris design. A point's output is the mean of the measure over its seeds (the runs sharing the point), over
 * the runs that finished ('ok') and measured something; errored runs are left out and counted. A measure that
 * never happened in any seed of a point leaves that point without an output: a Sobol' base row or a Morris step
 * that needs it is left out (and counted), unless `never` gives a value to use instead (e.g. the calendar's end
 * for a date, which treats "never" as "not before the end": censoring, said in the output).
 */
import { designPoints, designUnits, type DesignSpec, type ParameterSpec, type ParameterValue } from './design.ts';
import type { BootstrapOptions } from './bootstrap.ts';
import { morrisIndices } from './morris-indices.ts';
import { sobolIndices, type FirstOrderEstimator } from './sobol-indices.ts';

/** What the analysis reads of a sweep result (result-dir.ts). */
export interface SweepTable {
  params: ParameterSpec[];
  design: DesignSpec;
  measures: string[];
  runs: { point: number; params: Record<string, ParameterValue>; measures: Record<string, number>; status: 'ok' | 'error' }[];
}

export interface SensitivityOptions extends BootstrapOptions {
  /** Measures to analyse (default all). */
  measures?: string[];
  /** Value used for a run whose measure never happened (default: none, the run is left out). */
  never?: number;
  /** Sobol' first-order estimator (default jansen). */
  firstOrder?: FirstOrderEstimator;
}

export interface SobolRow {
  measure: string;
  parameter: string;
  S1: number;
  S1_conf: number;
  ST: number;
  ST_conf: number;
}

export interface MorrisRow {
  measure: string;
  parameter: string;
  mu: number;
  mu_star: number;
  sigma: number;
  mu_star_conf: number;
}

/** Per measure: what went into its estimates. */
export interface MeasureNote {
  measure: string;
  /** Runs averaged (ok, with a value or `never`). */
  runs: number;
  /** Runs left out because they failed. */
  errored: number;
  /** Runs whose measure never happened (left out, or set to `never`). */
  never: number;
  /** Points with no output. */
  pointsWithout: number;
  /** Sobol' base rows or Morris steps left out for a point without output. */
  dropped: number;
}

export type Sensitivity =
  | { kind: 'sobol'; columns: (keyof SobolRow)[]; rows: SobolRow[]; notes: MeasureNote[] }
  | { kind: 'morris'; columns: (keyof MorrisRow)[]; rows: MorrisRow[]; notes: MeasureNote[] };

export const SOBOL_COLUMNS: (keyof SobolRow)[] = ['measure', 'parameter', 'S1', 'S1_conf', 'ST', 'ST_conf'];
export const MORRIS_COLUMNS: (keyof MorrisRow)[] = ['measure', 'parameter', 'mu', 'mu_star', 'sigma', 'mu_star_conf'];

/** A sweep result that cannot be analysed (wrong design, a point the design does not have, an unknown measure). */
export class SensitivityError extends Error {
  override name = 'SensitivityError';
}

/** Mean of the measure over each point's seeds, NaN for a point with none; and the counts for its note. */
export function pointMeans(table: SweepTable, measure: string, points: number, never?: number): { y: number[]; note: MeasureNote } {
  const sum = new Array<number>(points).fill(0);
  const count = new Array<number>(points).fill(0);
  const note: MeasureNote = { measure, runs: 0, errored: 0, never: 0, pointsWithout: 0, dropped: 0 };
  for (const r of table.runs) {
    if (r.status !== 'ok') {
      note.errored++;
      continue;
    }
    let v = r.measures[measure]!;
    if (!Number.isFinite(v)) {
      note.never++;
      if (never === undefined) continue;
      v = never;
    }
    sum[r.point] = sum[r.point]! + v;
    count[r.point] = count[r.point]! + 1;
    note.runs++;
  }
  const y = sum.map((s, p) => (count[p]! > 0 ? s / count[p]! : NaN));
  note.pointsWithout = y.filter((v) => !Number.isFinite(v)).length;
  return { y, note };
}

/** Checks the runs belong to this design: every point id exists and its parameter values are the design's. */
function checkPoints(table: SweepTable): number {
  const design = designPoints(table.params, table.design);
  for (const r of table.runs) {
    const p = design[r.point];
    if (!p) throw new SensitivityError(`run at point ${r.point}: the ${table.design.kind} design has points 0 to ${design.length - 1}`);
    for (const param of table.params) {
      const want = p.values[param.path]!;
      const got = r.params[param.path];
      const same = typeof want === 'number' && typeof got === 'number' ? Math.abs(want - got) <= 1e-9 * Math.max(1, Math.abs(want)) : String(want) === String(got);
      if (!same) throw new SensitivityError(`point ${r.point}: ${param.path} is ${String(got)} in runs.csv but ${String(want)} in the design of experiment.json`);
    }
  }
  return design.length;
}

export function analyseSensitivity(table: SweepTable, options: SensitivityOptions = {}): Sensitivity {
  const kind = table.design.kind;
  if (kind !== 'sobol' && kind !== 'morris') {
    throw new SensitivityError(`sensitivity analysis needs a sobol or morris design; this result's design is ${kind}`);
  }
  const measures = options.measures ?? table.measures;
  for (const m of measures) {
    if (!table.measures.includes(m)) throw new SensitivityError(`no measure "${m}" in this result (its measures: ${table.measures.join(', ') || 'none'})`);
  }
  const points = checkPoints(table);
  const k = table.params.length;
  const notes: MeasureNote[] = [];
  if (kind === 'sobol') {
    const rows: SobolRow[] = [];
    for (const measure of measures) {
      const { y, note } = pointMeans(table, measure, points, options.never);
      const r = sobolIndices(y, k, options);
      note.dropped = r.dropped;
      notes.push(note);
      r.indices.forEach((ix, i) => rows.push({ measure, parameter: table.params[i]!.path, ...ix }));
    }
    return { kind, columns: SOBOL_COLUMNS, rows, notes };
  }
  const units = designUnits(table.params, table.design);
  const rows: MorrisRow[] = [];
  for (const measure of measures) {
    const { y, note } = pointMeans(table, measure, points, options.never);
    const r = morrisIndices(y, units, k, options);
    note.dropped = r.dropped;
    notes.push(note);
    r.indices.forEach((ix, i) => rows.push({ measure, parameter: table.params[i]!.path, mu: ix.mu, mu_star: ix.mu_star, sigma: ix.sigma, mu_star_conf: ix.mu_star_conf }));
  }
  return { kind, columns: MORRIS_COLUMNS, rows, notes };
}
