/**
 * Bootstrap confidence half-widths, as SALib reports them: resample the independent units (base rows of a
 * Saltelli design, trajectories of a Morris design) with replacement, recompute the estimate, and take
 * z * (sample standard deviation of the estimates), z the normal quantile of the confidence level. The
 * resampling draws come from the analysis seed, so the same result directory gives the same intervals.
 */
import jStat from 'jstat';
import { uniformSource } from '../engine/rng.ts';

export interface BootstrapOptions {
  /** Resamples (default 1000). */
  resamples?: number;
  /** Confidence level in (0, 1) (default 0.95). */
  confidence?: number;
  /** Seed of the resampling draws (default 1). */
  seed?: number;
}

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_CONFIDENCE = 0.95;

/** Index lists, each n draws with replacement from 0..n-1, one per resample. */
export function resampleIndices(n: number, options: BootstrapOptions, purpose: string): number[][] {
  const random = uniformSource(`bootstrap/${purpose}`, options.seed ?? 1);
  return Array.from({ length: options.resamples ?? DEFAULT_RESAMPLES }, () => Array.from({ length: n }, () => Math.floor(random() * n)));
}

/** z * sd of the finite estimates; NaN with fewer than two. */
export function halfWidth(estimates: readonly number[], confidence = DEFAULT_CONFIDENCE): number {
  const xs = estimates.filter(Number.isFinite);
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
  return jStat.normal.inv(0.5 + confidence / 2, 0, 1) * sd;
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Population variance (divides by n), as SALib's numpy var. */
export function variance(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
}
