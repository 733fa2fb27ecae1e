/**
 * The Sobol' low-discrepancy sequence (Bratley & Fox's Gray-code construction with Joe-Kuo direction numbers),
 * unscrambled, as SALib's Saltelli sampler uses it. No npm package offers Joe-Kuo Sobol' points with a
 * maintained release, so this is the short textbook algorithm; the test checks its points against SciPy's
 * `qmc.Sobol(scramble=False)`.
 */
import { JOE_KUO_DIRECTIONS } from './joe-kuo-directions.ts';

/** Bits per coordinate: points are multiples of 2^-31 (as SALib), exact in a double and in 32-bit XOR. */
const BITS = 31;

/** The largest dimension the embedded direction numbers support. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO_DIRECTIONS.length + 1;

/** Direction integers v_1..v_BITS for one dimension (0-based), scaled to BITS bits. */
function directionIntegers(dimension: number): number[] {
  const v = new Array<number>(BITS + 1).fill(0);
  if (dimension === 0) {
    for (let j = 1; j <= BITS; j++) v[j] = 2 ** (BITS - j);
    return v;
  }
  const row = JOE_KUO_DIRECTIONS[dimension - 1]!;
  const a = row[0]!;
  const s = row.length - 1;
  for (let j = 1; j <= Math.min(s, BITS); j++) v[j] = row[j]! * 2 ** (BITS - j);
  for (let j = s + 1; j <= BITS; j++) {
    let x = v[j - s]! ^ (v[j - s]! >>> s);
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[j - k]!;
    v[j] = x >>> 0;
  }
  return v;
}

/** Index (1-based) of the lowest zero bit of n: which direction integer the Gray code flips next. */
function lowestZeroBit(n: number): number {
  let i = 1;
  while (n & 1) {
    n = Math.floor(n / 2);
    i++;
  }
  return i;
}

/**
 * The first `count` points of the `dimensions`-dimensional Sobol' sequence, point 0 (the origin) first; each
 * coordinate is in [0, 1). Throws past SOBOL_MAX_DIMENSIONS or 2^31 points (callers check first).
 */
export function sobolPoints(count: number, dimensions: number): number[][] {
  if (dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) throw new RangeError(`Sobol' sequence: ${dimensions} dimensions (1 to ${SOBOL_MAX_DIMENSIONS})`);
  if (count > 2 ** BITS) throw new RangeError(`Sobol' sequence: ${count} points (at most 2^${BITS})`);
  const v = Array.from({ length: dimensions }, (_, d) => directionIntegers(d));
  const x = new Array<number>(dimensions).fill(0);
  const points: number[][] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      const c = lowestZeroBit(i - 1);
      for (let d = 0; d < dimensions; d++) x[d] = (x[d]! ^ v[d]![c]!) >>> 0;
    }
    points.push(x.map((xi) => xi / 2 ** BITS));
  }
  return points;
}
