/**
 * Which runs a sweep has and who runs them. Run ids are dense: run r is point floor(r / seeds) with seed
 * first + r mod seeds, so every point runs the same seeds (common random numbers: differences between points
 * are not differences between seeds). A shard i of n (0-based, as Slurm array and Kubernetes indexed-job
 * indexes are) runs the runs with r mod n = i: deterministic, balanced across points, and the shards together
 * run every run exactly once.
 */
import { pointOverrides, type Experiment } from './load-experiment.ts';
import type { SweepTask } from './sweep-runner.ts';

export interface Shard {
  index: number;
  count: number;
}

/** "3/8" as shard 3 of 8; the message says what is wrong otherwise. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return `--shard is i/n (shard i of n, 0-based: 0/4 ... 3/4), found "${text}"`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 1_000_000) return `--shard: the number of shards must be 1 to 1000000, found ${count}`;
  if (index >= count) return `--shard ${text}: shards are numbered 0 to ${count - 1}`;
  return { index, count };
}

export function runCount(e: Experiment): number {
  return e.points.length * e.spec.seeds.count;
}

export function runOf(e: Experiment, run: number): { run: number; point: number; seed: number } {
  const n = e.spec.seeds.count;
  return { run, point: Math.floor(run / n), seed: e.spec.seeds.first + (run % n) };
}

/** The run ids of a shard (all runs without one), ascending. */
export function shardRuns(total: number, shard: Shard | null): number[] {
  const out: number[] = [];
  const [i, n] = shard ? [shard.index, shard.count] : [0, 1];
  for (let r = i; r < total; r += n) out.push(r);
  return out;
}

/**
 * Tasks for the runs still to do: consecutive runs of one point, at most `size` each, so a worker loads a
 * point once for many runs. How runs are cut into tasks never changes a result.
 */
export function sweepTasks(e: Experiment, runs: readonly number[], size: number): SweepTask[] {
  const tasks: SweepTask[] = [];
  let current: SweepTask | null = null;
  for (const r of runs) {
    const { point, seed } = runOf(e, r);
    if (current === null || current.point !== point || current.runs.length >= size) {
      current = { point, overrides: [...e.fixed, ...pointOverrides(e.points[point]!)], runs: [] };
      tasks.push(current);
    }
    current.runs.push({ run: r, seed });
  }
  return tasks;
}

/** A task size that gives each worker about eight tasks (progress and the journal move often), 1 to 25 runs. */
export function taskSize(runs: number, workers: number): number {
  return Math.max(1, Math.min(25, Math.ceil(runs / (Math.max(1, workers) * 8))));
}
