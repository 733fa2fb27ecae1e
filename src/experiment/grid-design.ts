/**
 * Stand-in for design.ts (the design helper's module, same signature): the full grid only, until that module
 * lands with lhs, sobol and morris. A parameter with `values` takes them; one with `min`/`max` takes `levels`
 * (default 5) evenly spaced values (log-spaced for `log-uniform`, rounded and deduplicated for `integer`).
 * Points are in product order, the first parameter varying slowest.
 */
export type ParamValue = number | string | boolean;
export type ParameterSpec = { path: string; values?: ParamValue[]; min?: number; max?: number; distribution?: 'uniform' | 'log-uniform' | 'integer' };
export type DesignSpec = { kind: 'grid' | 'lhs' | 'sobol' | 'morris'; samples?: number; levels?: number; seed?: number };
export type DesignPoint = { point: number; values: Record<string, ParamValue> };

export function designPoints(params: ParameterSpec[], design: DesignSpec): DesignPoint[] {
  if (design.kind !== 'grid') throw new Error(`design "${design.kind}" is not available in this build`);
  const axes = params.map((p) => levelsOf(p, design.levels ?? 5));
  let points: Record<string, ParamValue>[] = [{}];
  params.forEach((p, i) => {
    points = points.flatMap((prev) => axes[i]!.map((v) => ({ ...prev, [p.path]: v })));
  });
  return points.map((values, point) => ({ point, values }));
}

function levelsOf(p: ParameterSpec, levels: number): ParamValue[] {
  if (p.values) return p.values;
  const lo = p.min!;
  const hi = p.max!;
  const at = (i: number): number => (levels === 1 ? lo : p.distribution === 'log-uniform' ? lo * (hi / lo) ** (i / (levels - 1)) : lo + ((hi - lo) * i) / (levels - 1));
  const xs = Array.from({ length: levels }, (_, i) => (p.distribution === 'integer' ? Math.round(at(i)) : at(i)));
  return [...new Set(xs)];
}
