/**
 * Sensitivity estimators against functions with known answers: Sobol' indices of the Ishigami function (the
 * published analytic values), Morris on a linear function (exact effects) and on Sobol's G function (known
 * ranking).
 */
import { describe, expect, it } from 'vitest';
import { designPoints, designUnits, type ParameterSpec, type ParameterValue } from './design.ts';
import { morrisIndices } from './morris-indices.ts';
import { sobolIndices } from './sobol-indices.ts';

const ISHIGAMI_PARAMS: ParameterSpec[] = ['x1', 'x2', 'x3'].map((path) => ({ path, min: -Math.PI, max: Math.PI }));
const [A, B] = [7, 0.1];
function ishigami(v: Record<string, ParameterValue>): number {
  const [x1, x2, x3] = [v['x1'] as number, v['x2'] as number, v['x3'] as number];
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
}

// Analytic variances (Ishigami & Homma 1990; Sobol' & Levitan 1999): S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437.
const pi4 = Math.PI ** 4;
const V1 = 0.5 * (1 + (B * pi4) / 5) ** 2;
const V2 = A ** 2 / 8;
const V13 = B ** 2 * pi4 ** 2 * (1 / 18 - 1 / 50);
const V = V1 + V2 + V13;
const S1 = [V1 / V, V2 / V, 0];
const ST = [(V1 + V13) / V, V2 / V, V13 / V];

describe('Sobol indices of the Ishigami function (N = 4096 base rows, 20480 evaluations)', () => {
  const N = 4096;
  const TOLERANCE = 0.02;
  const y = designPoints(ISHIGAMI_PARAMS, { kind: 'sobol', samples: N }).map((p) => ishigami(p.values));
  const result = sobolIndices(y, 3, { resamples: 500, seed: 1 });

  it('uses every base row', () => {
    expect(result.rows).toBe(N);
    expect(result.dropped).toBe(0);
  });

  it('matches the published analytic values to the rounding the issue quotes', () => {
    expect(S1.map((s) => Number(s.toFixed(3)))).toEqual([0.314, 0.442, 0]);
    expect(ST.map((s) => Number(s.toFixed(3)))).toEqual([0.558, 0.442, 0.244]);
  });

  for (let i = 0; i < 3; i++) {
    it(`x${i + 1}: S1 within ${TOLERANCE} of ${S1[i]!.toFixed(4)} and its interval contains it`, () => {
      const s = result.indices[i]!;
      expect(Math.abs(s.S1 - S1[i]!)).toBeLessThan(TOLERANCE);
      expect(s.S1_conf).toBeGreaterThan(0);
      expect(Math.abs(s.S1 - S1[i]!)).toBeLessThanOrEqual(s.S1_conf);
    });
    it(`x${i + 1}: ST within ${TOLERANCE} of ${ST[i]!.toFixed(4)} and its interval contains it`, () => {
      const s = result.indices[i]!;
      expect(Math.abs(s.ST - ST[i]!)).toBeLessThan(TOLERANCE);
      expect(s.ST_conf).toBeGreaterThan(0);
      expect(Math.abs(s.ST - ST[i]!)).toBeLessThanOrEqual(s.ST_conf);
    });
  }

  it('narrows its intervals as N grows', () => {
    const small = designPoints(ISHIGAMI_PARAMS, { kind: 'sobol', samples: 256 }).map((p) => ishigami(p.values));
    const r = sobolIndices(small, 3, { resamples: 500 });
    for (let i = 0; i < 3; i++) expect(r.indices[i]!.ST_conf).toBeGreaterThan(result.indices[i]!.ST_conf);
  });

  it('is deterministic from the analysis seed', () => {
    const again = sobolIndices(y, 3, { resamples: 500, seed: 1 });
    expect(again).toEqual(result);
    const other = sobolIndices(y, 3, { resamples: 500, seed: 2 });
    expect(other.indices[0]!.S1).toBe(result.indices[0]!.S1);
    expect(other.indices[0]!.S1_conf).not.toBe(result.indices[0]!.S1_conf);
  });
});

describe("Sobol indices with Saltelli 2010's first-order estimator", () => {
  it('is within 0.02 of the Ishigami S1 at N = 4096, its intervals containing them', () => {
    const y = designPoints(ISHIGAMI_PARAMS, { kind: 'sobol', samples: 4096 }).map((p) => ishigami(p.values));
    const r = sobolIndices(y, 3, { resamples: 300, firstOrder: 'saltelli' });
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r.indices[i]!.S1 - S1[i]!)).toBeLessThan(0.02);
      expect(Math.abs(r.indices[i]!.S1 - S1[i]!)).toBeLessThanOrEqual(r.indices[i]!.S1_conf);
    }
    // ST is Jansen's with either first-order estimator.
    expect(r.indices.map((i) => i.ST)).toEqual(sobolIndices(y, 3, { resamples: 10 }).indices.map((i) => i.ST));
  });

  it('does not depend on where the output sits (a date near 1990 as well as near 0)', () => {
    const y = designPoints(ISHIGAMI_PARAMS, { kind: 'sobol', samples: 1024 }).map((p) => ishigami(p.values));
    const near0 = sobolIndices(y, 3, { resamples: 50, firstOrder: 'saltelli' });
    const near1990 = sobolIndices(y.map((v) => v + 1990), 3, { resamples: 50, firstOrder: 'saltelli' });
    for (let i = 0; i < 3; i++) expect(near1990.indices[i]!.S1).toBeCloseTo(near0.indices[i]!.S1, 6);
  });

  it('gives exactly 0 for a parameter with no effect, where Jansen carries the noise of V', () => {
    const y = designPoints(ISHIGAMI_PARAMS, { kind: 'sobol', samples: 64 }).map((p) => (p.values['x1'] as number) + Math.sin(p.values['x2'] as number));
    expect(sobolIndices(y, 3, { resamples: 10, firstOrder: 'saltelli' }).indices[2]!.S1).toBe(0);
    expect(sobolIndices(y, 3, { resamples: 10, firstOrder: 'saltelli' }).indices[2]!.ST).toBe(0);
    expect(sobolIndices(y, 3, { resamples: 10 }).indices[2]!.S1).not.toBe(0);
  });
});

describe('Sobol indices, edge cases', () => {
  it('leaves out a base row with a non-finite output, and counts it', () => {
    const y = designPoints(ISHIGAMI_PARAMS, { kind: 'sobol', samples: 64 }).map((p) => ishigami(p.values));
    y[5 * 3 + 2] = NaN; // inside base row 3 (5 points per row)
    const r = sobolIndices(y, 3, { resamples: 10 });
    expect(r.rows).toBe(63);
    expect(r.dropped).toBe(1);
    expect(Number.isFinite(r.indices[0]!.S1)).toBe(true);
  });

  it('gives 0 for every index of a constant output', () => {
    const r = sobolIndices(new Array(5 * 8).fill(3), 3, { resamples: 10 });
    expect(r.indices.map((i) => [i.S1, i.ST])).toEqual([[0, 0], [0, 0], [0, 0]]);
  });

  it('refuses outputs that are not whole base rows', () => {
    expect(() => sobolIndices([1, 2, 3], 3)).toThrow(RangeError);
  });
});

describe('Morris', () => {
  it('gives exact effects for a linear function (mu = mu* = slope x range, sigma = 0)', () => {
    const params: ParameterSpec[] = [
      { path: 'a', min: 0, max: 1 },
      { path: 'b', min: 0, max: 10 },
      { path: 'c', min: -1, max: 1 },
    ];
    const f = (v: Record<string, ParameterValue>) => 3 * (v['a'] as number) - 0.5 * (v['b'] as number) + 0 * (v['c'] as number);
    const design = { kind: 'morris' as const, samples: 10, seed: 4 };
    const y = designPoints(params, design).map((p) => f(p.values));
    const r = morrisIndices(y, designUnits(params, design), 3, { resamples: 100 });
    expect(r.indices[0]!.mu).toBeCloseTo(3, 9);
    expect(r.indices[0]!.mu_star).toBeCloseTo(3, 9);
    expect(r.indices[0]!.sigma).toBeCloseTo(0, 9);
    expect(r.indices[1]!.mu).toBeCloseTo(-5, 9);
    expect(r.indices[1]!.mu_star).toBeCloseTo(5, 9);
    expect(r.indices[2]!.mu_star).toBe(0);
    expect(r.indices.map((i) => i.effects)).toEqual([10, 10, 10]);
  });

  it("ranks Sobol's G function's parameters by their known importance (a = 0, 1, 4.5, 9, 99)", () => {
    const a = [0, 1, 4.5, 9, 99];
    const params: ParameterSpec[] = a.map((_, i) => ({ path: `x${i + 1}`, min: 0, max: 1 }));
    const g = (v: Record<string, ParameterValue>) => a.reduce((prod, ai, i) => prod * ((Math.abs(4 * (v[`x${i + 1}`] as number) - 2) + ai) / (1 + ai)), 1);
    const design = { kind: 'morris' as const, samples: 50, levels: 4, seed: 1 };
    const y = designPoints(params, design).map((p) => g(p.values));
    const r = morrisIndices(y, designUnits(params, design), a.length, { resamples: 200 });
    const muStar = r.indices.map((i) => i.mu_star);
    for (let i = 1; i < a.length; i++) expect(muStar[i - 1]!).toBeGreaterThan(muStar[i]!);
    // The most important parameter interacts and is non-linear: a large sigma.
    expect(r.indices[0]!.sigma).toBeGreaterThan(r.indices[4]!.sigma);
    expect(r.indices[0]!.mu_star_conf).toBeGreaterThan(0);
    expect(r.indices[0]!.mu_star_conf).toBeLessThan(r.indices[0]!.mu_star);
  });

  it('leaves out a step with a non-finite output', () => {
    const params: ParameterSpec[] = [{ path: 'a', min: 0, max: 1 }, { path: 'b', min: 0, max: 1 }];
    const design = { kind: 'morris' as const, samples: 4 };
    const y = designPoints(params, design).map((p) => (p.values['a'] as number) + (p.values['b'] as number));
    y[1] = NaN; // the end of step 1 and the start of step 2 of trajectory 0
    const r = morrisIndices(y, designUnits(params, design), 2, { resamples: 10 });
    expect(r.dropped).toBe(2);
    expect(r.indices[0]!.effects + r.indices[1]!.effects).toBe(6);
  });
});
