/**
 * An experiment's design: which parameter values each point of a sweep runs. Four kinds, as BehaviorSpace,
 * Mesa's batch_run and SALib offer them:
 *
 * - `grid`: the full product of each parameter's values (a range gives `samples` evenly spaced levels), in
 *   row-major order: the first parameter changes slowest, the last fastest (as itertools.product).
 * - `lhs`: Latin hypercube, `samples` points; each parameter's range is cut into `samples` equal strata (in the
 *   unit interval before the distribution is applied) and every stratum holds exactly one point.
 * - `sobol`: Saltelli's scheme on the Sobol' sequence without second order, as SALib: `samples` = N base rows,
 *   N * (k + 2) points, for each base row j the points A_j, AB_j^1 .. AB_j^k, B_j (AB_j^i is A_j with parameter
 *   i taken from B_j). A and B are the two halves of a 2k-dimensional Sobol' point; the first
 *   max(16, next power of two >= N) points are skipped, as SALib does. Unscrambled, so it ignores `seed`.
 * - `morris`: `samples` = r trajectories of k + 1 points on a `levels`-level grid (p, even, default 4); each step
 *   changes one parameter by delta = p / (2 (p - 1)) of its unit range, up or down, in a random order.
 *
 * Every kind samples the unit cube and then maps each coordinate u to a value: uniform `min + u (max - min)`,
 * log-uniform `min (max / min)^u`, integer `min + floor(u (max - min + 1))`, and a parameter with `values`
 * (categorical) by index `values[floor(u n)]`; u = 1 maps to the last value. The design's randomness comes from
 * its own `seed` (default 1), never from the run seeds, so a design is the same wherever it is computed.
 */
import { uniformSource } from '../engine/rng.ts';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from './sobol-sequence.ts';

export type ParameterValue = number | string | boolean;

export interface ParameterSpec {
  path: string;
  values?: ParameterValue[];
  min?: number;
  max?: number;
  distribution?: 'uniform' | 'log-uniform' | 'integer';
}

export interface DesignSpec {
  kind: 'grid' | 'lhs' | 'sobol' | 'morris';
  samples?: number;
  levels?: number;
  seed?: number;
}

export interface DesignPoint {
  point: number;
  values: Record<string, ParameterValue>;
}

export type DesignErrorCode =
  | 'no-parameters'
  | 'duplicate-path'
  | 'no-values'
  | 'values-and-range'
  | 'bad-range'
  | 'log-range'
  | 'integer-range'
  | 'bad-samples'
  | 'bad-levels'
  | 'bad-seed'
  | 'too-many-parameters'
  | 'too-many-points';

/** An impossible design: a closed code, the offending field (`params[1].min`, `design.samples`) and a message. */
export class DesignError extends Error {
  constructor(
    readonly code: DesignErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'DesignError';
  }
}

/** More points than this is a typo (a grid of 10 parameters by 10 levels), not an experiment. */
export const MAX_POINTS = 10_000_000;

/** Morris levels when the design does not say. */
export const DEFAULT_MORRIS_LEVELS = 4;

/** The points of a design, ids 0..n-1 in design order. Throws DesignError for an impossible design. */
export function designPoints(params: readonly ParameterSpec[], design: DesignSpec): DesignPoint[] {
  checkParams(params);
  if (design.kind === 'grid') return gridPoints(params, design);
  return designUnits(params, design).map((u, point) => ({ point, values: valuesAt(params, u) }));
}

/** The unit-cube coordinates of an lhs, sobol or morris design (one row per point, one column per parameter). */
export function designUnits(params: readonly ParameterSpec[], design: DesignSpec): number[][] {
  checkParams(params);
  const k = params.length;
  const seed = design.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new DesignError('bad-seed', 'design.seed', `must be an integer, not ${seed}`);
  const n = positiveSamples(design);
  switch (design.kind) {
    case 'lhs':
      checkCount(n);
      return latinHypercube(n, k, uniformSource('design/lhs', seed));
    case 'sobol':
      if (2 * k > SOBOL_MAX_DIMENSIONS) {
        throw new DesignError('too-many-parameters', 'params', `a sobol design takes at most ${SOBOL_MAX_DIMENSIONS / 2} parameters, not ${k}`);
      }
      checkCount(n * (k + 2));
      return saltelli(n, k);
    case 'morris': {
      const p = design.levels ?? DEFAULT_MORRIS_LEVELS;
      if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) {
        throw new DesignError('bad-levels', 'design.levels', `a morris design needs an even number of levels, at least 2, not ${p}`);
      }
      checkCount(n * (k + 1));
      return morris(n, k, p, uniformSource('design/morris', seed));
    }
    case 'grid':
      throw new DesignError('bad-samples', 'design.kind', 'a grid has no unit-cube coordinates');
  }
}

/** The value of one parameter at unit coordinate u in [0, 1]. */
export function valueAt(param: ParameterSpec, u: number): ParameterValue {
  if (param.values) return param.values[Math.min(param.values.length - 1, Math.floor(u * param.values.length))]!;
  const [min, max] = [param.min!, param.max!];
  switch (param.distribution ?? 'uniform') {
    case 'uniform':
      return min + u * (max - min);
    case 'log-uniform':
      return min * (max / min) ** u;
    case 'integer':
      return min + Math.min(max - min, Math.floor(u * (max - min + 1)));
  }
}

function valuesAt(params: readonly ParameterSpec[], u: readonly number[]): Record<string, ParameterValue> {
  return Object.fromEntries(params.map((p, i) => [p.path, valueAt(p, u[i]!)]));
}

function checkParams(params: readonly ParameterSpec[]): void {
  if (params.length === 0) throw new DesignError('no-parameters', 'params', 'an experiment needs at least one parameter');
  const seen = new Set<string>();
  params.forEach((p, i) => {
    const at = `params[${i}]`;
    if (seen.has(p.path)) throw new DesignError('duplicate-path', `${at}.path`, `"${p.path}" is already a parameter`);
    seen.add(p.path);
    const ranged = p.min !== undefined || p.max !== undefined;
    if (p.values !== undefined) {
      if (ranged || p.distribution !== undefined) {
        throw new DesignError('values-and-range', at, `"${p.path}" has values, so it takes no min, max or distribution`);
      }
      if (p.values.length === 0) throw new DesignError('no-values', `${at}.values`, `"${p.path}" lists no values`);
      return;
    }
    if (!ranged) throw new DesignError('no-values', at, `"${p.path}" needs values or a range (min and max)`);
    if (!Number.isFinite(p.min) || !Number.isFinite(p.max) || p.min! >= p.max!) {
      throw new DesignError('bad-range', at, `"${p.path}" needs finite min < max, not min ${p.min} and max ${p.max}`);
    }
    if (p.distribution === 'log-uniform' && p.min! <= 0) {
      throw new DesignError('log-range', `${at}.min`, `"${p.path}" is log-uniform, so min must be above 0, not ${p.min}`);
    }
    if (p.distribution === 'integer' && (!Number.isInteger(p.min) || !Number.isInteger(p.max))) {
      throw new DesignError('integer-range', at, `"${p.path}" is integer, so min and max must be integers, not ${p.min} and ${p.max}`);
    }
  });
}

function positiveSamples(design: DesignSpec): number {
  const n = design.samples;
  if (n === undefined || !Number.isInteger(n) || n < 1) {
    throw new DesignError('bad-samples', 'design.samples', `a ${design.kind} design needs samples, a positive integer, not ${n}`);
  }
  if (design.kind === 'sobol' && n < 2) throw new DesignError('bad-samples', 'design.samples', 'a sobol design needs at least 2 samples');
  return n;
}

function checkCount(points: number): void {
  if (points > MAX_POINTS) throw new DesignError('too-many-points', 'design', `${points} points is more than ${MAX_POINTS}`);
}

/** Levels of one parameter in a grid: its values, or `samples` evenly spaced levels of its range. */
function gridLevels(p: ParameterSpec, i: number, samples: number | undefined): ParameterValue[] {
  if (p.values) return p.values;
  if (samples === undefined || !Number.isInteger(samples) || samples < 2) {
    throw new DesignError('bad-samples', 'design.samples', `a grid over the range of "${p.path}" (params[${i}]) needs samples, an integer >= 2, not ${samples}`);
  }
  const levels = Array.from({ length: samples }, (_, j) => {
    const t = j / (samples - 1);
    const [min, max] = [p.min!, p.max!];
    if (p.distribution === 'log-uniform') return j === samples - 1 ? max : min * (max / min) ** t;
    if (p.distribution === 'integer') return Math.round(min + t * (max - min));
    return j === samples - 1 ? max : min + t * (max - min);
  });
  // Integer levels can round together (5 levels over 0..2): keep each once, in order.
  return [...new Set(levels)];
}

function gridPoints(params: readonly ParameterSpec[], design: DesignSpec): DesignPoint[] {
  const levels = params.map((p, i) => gridLevels(p, i, design.samples));
  checkCount(levels.reduce((n, l) => n * l.length, 1));
  let rows: ParameterValue[][] = [[]];
  for (const l of levels) rows = rows.flatMap((row) => l.map((v) => [...row, v]));
  return rows.map((row, point) => ({ point, values: Object.fromEntries(params.map((p, i) => [p.path, row[i]!])) }));
}

/** Fisher-Yates permutation of 0..n-1. */
function permutation(n: number, random: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function latinHypercube(n: number, k: number, random: () => number): number[][] {
  const rows = Array.from({ length: n }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    const strata = permutation(n, random);
    for (let r = 0; r < n; r++) rows[r]![i] = (strata[r]! + random()) / n;
  }
  return rows;
}

function saltelli(n: number, k: number): number[][] {
  const skip = Math.max(16, 2 ** Math.ceil(Math.log2(n)));
  const base = sobolPoints(skip + n, 2 * k).slice(skip);
  const rows: number[][] = [];
  for (const x of base) {
    const a = x.slice(0, k);
    const b = x.slice(k);
    rows.push(a);
    for (let i = 0; i < k; i++) rows.push(a.map((ai, j) => (j === i ? b[j]! : ai)));
    rows.push(b);
  }
  return rows;
}

function morris(r: number, k: number, p: number, random: () => number): number[][] {
  const delta = p / (2 * (p - 1));
  const rows: number[][] = [];
  for (let t = 0; t < r; t++) {
    // A lower level in {0, .., p/2 - 1} / (p - 1) keeps both x and x + delta on the grid within [0, 1].
    const lower = Array.from({ length: k }, () => Math.floor(random() * (p / 2)) / (p - 1));
    const up = Array.from({ length: k }, () => random() < 0.5);
    const order = permutation(k, random);
    const x = lower.map((l, i) => (up[i] ? l : l + delta));
    rows.push([...x]);
    for (const i of order) {
      x[i] = up[i] ? lower[i]! + delta : lower[i]!;
      rows.push([...x]);
    }
  }
  return rows;
}
