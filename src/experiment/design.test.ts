/** Designs: each kind's structure, determinism from the design seed, value mappings and impossible designs. */
import { describe, expect, it } from 'vitest';
import { DesignError, designPoints, designUnits, valueAt, type DesignSpec, type ParameterSpec } from './design.ts';
import { sobolPoints } from './sobol-sequence.ts';

const a: ParameterSpec = { path: 'a', min: 0, max: 1 };
const b: ParameterSpec = { path: 'b', min: 10, max: 20 };
const c: ParameterSpec = { path: 'c', min: -5, max: 5 };

function errorOf(params: ParameterSpec[], design: DesignSpec): DesignError {
  try {
    designPoints(params, design);
  } catch (e) {
    if (e instanceof DesignError) return e;
    throw e;
  }
  throw new Error('no DesignError');
}

describe('sobol sequence', () => {
  it('matches SciPy qmc.Sobol(scramble=False) (Joe-Kuo new-joe-kuo-6.21201)', () => {
    // Reference values printed by scipy 1.17.1: qmc.Sobol(128, scramble=False).random(300).
    const p = sobolPoints(300, 128);
    expect(p[0]!.every((x) => x === 0)).toBe(true);
    expect(p[1]!.every((x) => x === 0.5)).toBe(true);
    expect(p[299]![1]).toBe(0.669921875);
    expect(p[299]![63]).toBe(0.326171875);
    expect(p[299]![100]).toBe(0.619140625);
    expect(p[299]![127]).toBe(0.888671875);
    expect(p[7]![90]).toBe(0.125);
    expect(p[7]![127]).toBe(0.375);
    const q = sobolPoints(1024, 12);
    expect(q[37]).toEqual([0.921875, 0.640625, 0.578125, 0.921875, 0.765625, 0.296875, 0.171875, 0.796875, 0.609375, 0.171875, 0.015625, 0.078125]);
  });

  it('puts exactly one point in each of 2^m equal cells of every coordinate (a (0,m,1)-net)', () => {
    const p = sobolPoints(64, 40);
    for (let d = 0; d < 40; d++) {
      const cells = new Set(p.map((x) => Math.floor(x[d]! * 64)));
      expect(cells.size).toBe(64);
    }
  });
});

describe('grid', () => {
  it('is the full product, first parameter slowest, ranges as evenly spaced levels', () => {
    const pts = designPoints([{ path: 'x', values: ['US', 'CH'] }, { path: 'y', min: 0, max: 1 }, { path: 'z', values: [true, false] }], { kind: 'grid', samples: 3 });
    expect(pts.map((p) => p.point)).toEqual([...Array(12).keys()]);
    expect(pts.map((p) => [p.values['x'], p.values['y'], p.values['z']])).toEqual([
      ['US', 0, true], ['US', 0, false], ['US', 0.5, true], ['US', 0.5, false], ['US', 1, true], ['US', 1, false],
      ['CH', 0, true], ['CH', 0, false], ['CH', 0.5, true], ['CH', 0.5, false], ['CH', 1, true], ['CH', 1, false],
    ]);
  });

  it('spaces log-uniform levels geometrically and integer levels without repeats', () => {
    const log = designPoints([{ path: 'r', min: 1, max: 100, distribution: 'log-uniform' }], { kind: 'grid', samples: 3 });
    expect(log.map((p) => p.values['r'])).toEqual([1, 10, 100]);
    const int = designPoints([{ path: 'n', min: 0, max: 2, distribution: 'integer' }], { kind: 'grid', samples: 5 });
    expect(int.map((p) => p.values['n'])).toEqual([0, 1, 2]);
  });

  it('needs samples only when some parameter is a range', () => {
    expect(designPoints([{ path: 'x', values: [1, 2, 3] }], { kind: 'grid' })).toHaveLength(3);
    expect(errorOf([a], { kind: 'grid' }).code).toBe('bad-samples');
  });
});

describe('lhs', () => {
  it('puts exactly one point in each of n strata per parameter', () => {
    const n = 50;
    const pts = designPoints([a, b, c], { kind: 'lhs', samples: n, seed: 7 });
    expect(pts).toHaveLength(n);
    for (const p of [a, b, c]) {
      const strata = pts.map((x) => Math.floor((((x.values[p.path] as number) - p.min!) / (p.max! - p.min!)) * n));
      expect([...strata].sort((x, y) => x - y)).toEqual([...Array(n).keys()]);
    }
  });

  it('is deterministic from the design seed and changes with it', () => {
    const one = designPoints([a, b], { kind: 'lhs', samples: 20, seed: 3 });
    expect(designPoints([a, b], { kind: 'lhs', samples: 20, seed: 3 })).toEqual(one);
    expect(designPoints([a, b], { kind: 'lhs', samples: 20, seed: 4 })).not.toEqual(one);
    expect(designPoints([a, b], { kind: 'lhs', samples: 20 })).toEqual(designPoints([a, b], { kind: 'lhs', samples: 20, seed: 1 }));
  });
});

describe('sobol (Saltelli)', () => {
  const k = 3;
  const n = 32;
  const units = designUnits([a, b, c], { kind: 'sobol', samples: n });

  it('has N * (k + 2) points', () => {
    expect(units).toHaveLength(n * (k + 2));
    expect(designPoints([a, b, c], { kind: 'sobol', samples: n })).toHaveLength(n * (k + 2));
  });

  it('orders each base row A, AB^1..AB^k, B with AB^i = A except coordinate i from B', () => {
    for (let j = 0; j < n; j++) {
      const block = units.slice(j * (k + 2), (j + 1) * (k + 2));
      const A = block[0]!;
      const B = block[k + 1]!;
      expect(A).not.toEqual(B);
      for (let i = 0; i < k; i++) {
        for (let d = 0; d < k; d++) expect(block[1 + i]![d]).toBe(d === i ? B[d] : A[d]);
      }
    }
  });

  it('takes A and B from one 2k-dimensional Sobol point, skipping the first max(16, 2^ceil(log2 N)) as SALib', () => {
    const seq = sobolPoints(64, 2 * k);
    expect(units[0]).toEqual(seq[32]!.slice(0, k));
    expect(units[k + 1]).toEqual(seq[32]!.slice(k));
    const small = designUnits([a], { kind: 'sobol', samples: 4 });
    expect(small[0]).toEqual([sobolPoints(17, 2)[16]![0]]);
  });

  it('is the same for any seed (unscrambled)', () => {
    expect(designUnits([a, b, c], { kind: 'sobol', samples: n, seed: 99 })).toEqual(units);
  });
});

describe('morris', () => {
  const params = [a, b, c, { path: 'd', min: 1, max: 4 }];
  const k = params.length;

  for (const levels of [4, 6]) {
    it(`changes one parameter per step by delta = p / (2 (p - 1)), p = ${levels}`, () => {
      const r = 10;
      const delta = levels / (2 * (levels - 1));
      const units = designUnits(params, { kind: 'morris', samples: r, levels, seed: 5 });
      expect(units).toHaveLength(r * (k + 1));
      for (let t = 0; t < r; t++) {
        const traj = units.slice(t * (k + 1), (t + 1) * (k + 1));
        const changed = new Set<number>();
        for (let s = 1; s <= k; s++) {
          const diffs = traj[s]!.map((x, i) => x - traj[s - 1]![i]!);
          const moved = diffs.flatMap((d, i) => (d !== 0 ? [i] : []));
          expect(moved).toHaveLength(1);
          expect(Math.abs(diffs[moved[0]!]!)).toBeCloseTo(delta, 12);
          changed.add(moved[0]!);
        }
        expect(changed.size).toBe(k);
        for (const row of traj) for (const x of row) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1 + 1e-12);
          expect((x * (levels - 1)) % 1).toBeCloseTo(0, 9);
        }
      }
    });
  }

  it('is deterministic from the design seed', () => {
    const one = designPoints(params, { kind: 'morris', samples: 6, seed: 2 });
    expect(designPoints(params, { kind: 'morris', samples: 6, seed: 2 })).toEqual(one);
    expect(designPoints(params, { kind: 'morris', samples: 6, seed: 3 })).not.toEqual(one);
  });
});

describe('value mappings', () => {
  it('maps integer, log-uniform and categorical parameters to valid values in every design', () => {
    const params: ParameterSpec[] = [
      { path: 'n', min: 2, max: 5, distribution: 'integer' },
      { path: 'r', min: 0.01, max: 100, distribution: 'log-uniform' },
      { path: 'rs', values: ['US', 'CH', 'AT'] },
    ];
    const designs: DesignSpec[] = [
      { kind: 'grid', samples: 4 },
      { kind: 'lhs', samples: 30 },
      { kind: 'sobol', samples: 16 },
      { kind: 'morris', samples: 8 },
    ];
    for (const d of designs) {
      const pts = designPoints(params, d);
      const ns = new Set(pts.map((p) => p.values['n']));
      for (const v of ns) expect([2, 3, 4, 5]).toContain(v);
      for (const p of pts) {
        const r = p.values['r'] as number;
        expect(r).toBeGreaterThanOrEqual(0.01);
        expect(r).toBeLessThanOrEqual(100 * (1 + 1e-12));
        expect(['US', 'CH', 'AT']).toContain(p.values['rs']);
      }
      if (d.kind !== 'morris') expect(new Set(pts.map((p) => p.values['rs'])).size).toBe(3);
    }
  });

  it('reaches each integer and category with equal unit width, and the last at u = 1', () => {
    const n: ParameterSpec = { path: 'n', min: 2, max: 5, distribution: 'integer' };
    expect([0, 0.24, 0.25, 0.5, 0.99, 1].map((u) => valueAt(n, u))).toEqual([2, 2, 3, 4, 5, 5]);
    const cat: ParameterSpec = { path: 'c', values: ['x', 'y'] };
    expect([0, 0.49, 0.5, 1].map((u) => valueAt(cat, u))).toEqual(['x', 'x', 'y', 'y']);
    expect(valueAt({ path: 'r', min: 1, max: 100, distribution: 'log-uniform' }, 0.5)).toBeCloseTo(10, 12);
  });
});

describe('impossible designs', () => {
  const cases: [string, ParameterSpec[], DesignSpec, string, string][] = [
    ['no parameters', [], { kind: 'lhs', samples: 2 }, 'no-parameters', 'params'],
    ['a repeated path', [a, { ...a }], { kind: 'lhs', samples: 2 }, 'duplicate-path', 'params[1].path'],
    ['neither values nor range', [{ path: 'x' }], { kind: 'lhs', samples: 2 }, 'no-values', 'params[0]'],
    ['empty values', [{ path: 'x', values: [] }], { kind: 'grid' }, 'no-values', 'params[0].values'],
    ['values and a range', [{ path: 'x', values: [1], min: 0 }], { kind: 'grid' }, 'values-and-range', 'params[0]'],
    ['min >= max', [{ path: 'x', min: 2, max: 2 }], { kind: 'lhs', samples: 2 }, 'bad-range', 'params[0]'],
    ['a missing max', [{ path: 'x', min: 2 }], { kind: 'lhs', samples: 2 }, 'bad-range', 'params[0]'],
    ['log-uniform from 0', [{ path: 'x', min: 0, max: 2, distribution: 'log-uniform' }], { kind: 'lhs', samples: 2 }, 'log-range', 'params[0].min'],
    ['integer with a fraction', [{ path: 'x', min: 0.5, max: 2, distribution: 'integer' }], { kind: 'lhs', samples: 2 }, 'integer-range', 'params[0]'],
    ['no samples', [a], { kind: 'lhs' }, 'bad-samples', 'design.samples'],
    ['fractional samples', [a], { kind: 'morris', samples: 2.5 }, 'bad-samples', 'design.samples'],
    ['sobol with one sample', [a], { kind: 'sobol', samples: 1 }, 'bad-samples', 'design.samples'],
    ['odd morris levels', [a], { kind: 'morris', samples: 2, levels: 3 }, 'bad-levels', 'design.levels'],
    ['a fractional seed', [a], { kind: 'lhs', samples: 2, seed: 0.5 }, 'bad-seed', 'design.seed'],
    ['65 sobol parameters', Array.from({ length: 65 }, (_, i) => ({ path: `p${i}`, min: 0, max: 1 })), { kind: 'sobol', samples: 2 }, 'too-many-parameters', 'params'],
    ['a huge grid', Array.from({ length: 8 }, (_, i) => ({ path: `p${i}`, min: 0, max: 1 })), { kind: 'grid', samples: 10 }, 'too-many-points', 'design'],
  ];
  for (const [name, params, design, code, field] of cases) {
    it(`rejects ${name} (${code} at ${field})`, () => {
      const e = errorOf(params, design);
      expect(e.code).toBe(code);
      expect(e.field).toBe(field);
    });
  }
});
