/**
 * First-order and total Sobol' indices from the outputs of a Saltelli design (design.ts: for each base row j the
 * outputs of A_j, AB_j^1..AB_j^k, B_j), with Jansen's estimators (Jansen 1999; Saltelli et al. 2010, table 2):
 *
 *   S1_i = 1 - mean((B - AB^i)^2) / (2 V)      ST_i = mean((A - AB^i)^2) / (2 V)
 *
 * V the variance of all A and B outputs. `firstOrder: 'saltelli'` gives Saltelli et al. 2010's
 * S1_i = mean(B (AB^i - A)) / V instead (SALib's choice): it is exactly 0 for a parameter with no effect
 * (AB^i = A), where Jansen's S1 carries the sampling noise of V. ST is always Jansen's. A base row with a
 * non-finite output anywhere (a measure that never happened at some point) is left out whole, and counted.
 */
import { halfWidth, resampleIndices, type BootstrapOptions } from './bootstrap.ts';

export interface SobolIndex {
  S1: number;
  S1_conf: number;
  ST: number;
  ST_conf: number;
}

/** The first-order estimator: Jansen 1999 (default) or Saltelli et al. 2010. */
export type FirstOrderEstimator = 'jansen' | 'saltelli';

export interface SobolOptions extends BootstrapOptions {
  firstOrder?: FirstOrderEstimator;
}

export interface SobolResult {
  /** One per parameter, in the design's parameter order. */
  indices: SobolIndex[];
  /** Base rows used, and left out for a non-finite output. */
  rows: number;
  dropped: number;
}

interface Blocks {
  A: number[];
  B: number[];
  /** AB[i][j]: output of AB_j^i. */
  AB: number[][];
}

function blocks(y: readonly number[], k: number): { blocks: Blocks; dropped: number } {
  const size = k + 2;
  if (y.length % size !== 0) throw new RangeError(`a Saltelli design of ${k} parameters has a multiple of ${size} points, not ${y.length}`);
  const out: Blocks = { A: [], B: [], AB: Array.from({ length: k }, () => []) };
  let dropped = 0;
  for (let j = 0; j < y.length / size; j++) {
    const row = y.slice(j * size, (j + 1) * size);
    if (!row.every(Number.isFinite)) {
      dropped++;
      continue;
    }
    out.A.push(row[0]!);
    out.B.push(row[k + 1]!);
    for (let i = 0; i < k; i++) out.AB[i]!.push(row[1 + i]!);
  }
  return { blocks: out, dropped };
}

/** S1 and ST of every parameter over the given base rows (a bootstrap resample repeats rows). */
function estimate(b: Blocks, rows: readonly number[], firstOrder: FirstOrderEstimator): { S1: number; ST: number }[] {
  const n = rows.length;
  // Shifted by one output so that outputs far from 0 (dates near 1990) lose no precision in sumSq - sum^2.
  const shift = b.A[rows[0]!]!;
  let sum = 0;
  let sumSq = 0;
  for (const r of rows) {
    sum += b.A[r]! - shift + (b.B[r]! - shift);
    sumSq += (b.A[r]! - shift) ** 2 + (b.B[r]! - shift) ** 2;
  }
  // Variance of all A and B outputs (population form, as SALib's numpy var), floored at 0 against rounding.
  const v = Math.max(0, sumSq / (2 * n) - (sum / (2 * n)) ** 2);
  const centre = shift + sum / (2 * n);
  return b.AB.map((ab) => {
    // A constant output has no variance to share out: every index is 0, as SALib reports it.
    if (!(v > 1e-300)) return { S1: 0, ST: 0 };
    let first = 0;
    let total = 0;
    for (const r of rows) {
      // Saltelli's product is centred on the mean output (as SALib centres Y): uncentred, an output far from 0
      // (a date near 1990) multiplies the noise of AB^i - A by 1990.
      first += firstOrder === 'jansen' ? (b.B[r]! - ab[r]!) ** 2 : (b.B[r]! - centre) * (ab[r]! - b.A[r]!);
      total += (b.A[r]! - ab[r]!) ** 2;
    }
    const S1 = firstOrder === 'jansen' ? 1 - first / n / (2 * v) : first / n / v;
    return { S1, ST: total / n / (2 * v) };
  });
}

/** Sobol' indices of the k parameters of a Saltelli design from its outputs y (in point order). */
export function sobolIndices(y: readonly number[], k: number, options: SobolOptions = {}): SobolResult {
  const { blocks: b, dropped } = blocks(y, k);
  const n = b.A.length;
  const all = Array.from({ length: n }, (_, r) => r);
  const samples = n > 1 ? resampleIndices(n, options, 'sobol') : [];
  if (n === 0) return { indices: Array.from({ length: k }, () => ({ S1: NaN, S1_conf: NaN, ST: NaN, ST_conf: NaN })), rows: 0, dropped };
  const firstOrder = options.firstOrder ?? 'jansen';
  const point = estimate(b, all, firstOrder);
  const boot = samples.map((rows) => estimate(b, rows, firstOrder));
  const indices = point.map((p, i): SobolIndex => ({
    S1: p.S1,
    S1_conf: halfWidth(boot.map((e) => e[i]!.S1), options.confidence),
    ST: p.ST,
    ST_conf: halfWidth(boot.map((e) => e[i]!.ST), options.confidence),
  }));
  return { indices, rows: n, dropped };
}
