/**
 * Morris elementary effects from the outputs of a Morris design (design.ts: r trajectories of k + 1 points, each
 * step moving one parameter by +-delta in the unit cube). The effect of the parameter a step moves is
 * (y_after - y_before) / (u_after - u_before), in unit-cube coordinates as SALib does, so effects of parameters
 * with different ranges compare. mu is their mean, mu* the mean of their absolute values (Campolongo et al.
 * 2007), sigma their sample standard deviation; mu*_conf a bootstrap half-width over the effects. A step with a
 * non-finite output at either end is left out (and counted).
 */
import { halfWidth, mean, resampleIndices, type BootstrapOptions } from './bootstrap.ts';

export interface MorrisIndex {
  mu: number;
  mu_star: number;
  sigma: number;
  mu_star_conf: number;
  /** Elementary effects used. */
  effects: number;
}

export interface MorrisResult {
  indices: MorrisIndex[];
  /** Steps left out for a non-finite output. */
  dropped: number;
}

/** Elementary effects per parameter, from outputs y and the design's unit coordinates (both in point order). */
export function elementaryEffects(y: readonly number[], units: readonly (readonly number[])[], k: number): { effects: number[][]; dropped: number } {
  if (y.length !== units.length || y.length % (k + 1) !== 0) {
    throw new RangeError(`a Morris design of ${k} parameters has a multiple of ${k + 1} points, with one output each (${y.length} outputs, ${units.length} points)`);
  }
  const effects: number[][] = Array.from({ length: k }, () => []);
  let dropped = 0;
  for (let t = 0; t < y.length / (k + 1); t++) {
    for (let s = 1; s <= k; s++) {
      const [p, q] = [t * (k + 1) + s - 1, t * (k + 1) + s];
      const moved = units[q]!.findIndex((u, i) => u !== units[p]![i]);
      if (moved < 0) throw new RangeError(`Morris step ${q} moves no parameter`);
      if (!Number.isFinite(y[p]!) || !Number.isFinite(y[q]!)) {
        dropped++;
        continue;
      }
      effects[moved]!.push((y[q]! - y[p]!) / (units[q]![moved]! - units[p]![moved]!));
    }
  }
  return { effects, dropped };
}

function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/** mu, mu*, sigma and mu*_conf per parameter. */
export function morrisIndices(y: readonly number[], units: readonly (readonly number[])[], k: number, options: BootstrapOptions = {}): MorrisResult {
  const { effects, dropped } = elementaryEffects(y, units, k);
  const indices = effects.map((ee, i): MorrisIndex => {
    if (ee.length === 0) return { mu: NaN, mu_star: NaN, sigma: NaN, mu_star_conf: NaN, effects: 0 };
    const abs = ee.map(Math.abs);
    const boot = resampleIndices(abs.length, options, `morris/${i}`).map((rows) => mean(rows.map((r) => abs[r]!)));
    return { mu: mean(ee), mu_star: mean(abs), sigma: sampleSd(ee), mu_star_conf: halfWidth(boot, options.confidence), effects: ee.length };
  });
  return { indices, dropped };
}
