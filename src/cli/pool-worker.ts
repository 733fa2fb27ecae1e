/**
 * The entry of a pool worker (see worker-pool.ts): piscina calls the default export with each task. The job
 * arrives once, as workerData, and what it costs to prepare (a scenario loaded per design point) is kept
 * for the worker's life. Replies are plain data: a result, or a formula that gave NaN (bad input, not a bug,
 * so it crosses to the main thread as itself); any other exception is a bug and rejects the task.
 *
 * What a worker loads is what it pays before its first seed, so this module imports only the seed runner:
 * the sweep runner (which loads scenario files, and with them the YAML parser and zod) comes on the first
 * sweep task, and `workerData` is read from node:worker_threads (piscina's worker passes it through
 * unchanged), not from the piscina package, whose main module a worker does not need.
 */
import { workerData } from 'node:worker_threads';
import { NonFiniteFormulaError } from '../rules/formula.ts';
import { runSeeds, type SeedJob, type SeedResult } from '../experiment/seeds.ts';
import type { SweepJob, SweepTask, SweepRow } from '../experiment/sweep-runner.ts';

/**
 * `seeds`: batches of seeds of one job (`check`); `sweep`: runs of design points; `seed-jobs`: batches of seeds
 * of several jobs at once (one pool for many variants and settings, as scripts/acid-rain-results.ts needs).
 */
export type PoolJob = { kind: 'seeds'; job: SeedJob } | { kind: 'sweep'; job: SweepJob } | { kind: 'seed-jobs'; jobs: SeedJob[] };

/** A task of a `seed-jobs` pool: seeds of the job at this index. */
export interface SeedJobsTask {
  job: number;
  seeds: number[];
}

type NonFinite = Pick<NonFiniteFormulaError, 'formula' | 'source' | 'value' | 'inputs' | 'who' | 'tick' | 'date'>;
export type PoolReply<R> = { result: R } | { nonFinite: NonFinite };

let sweepRunner: typeof import('../experiment/sweep-runner.ts') | null = null;

export default async function task(t: number[] | SweepTask | SeedJobsTask): Promise<PoolReply<SeedResult[] | SweepRow[]>> {
  const job = workerData as PoolJob;
  try {
    if (job.kind === 'seeds') return { result: runSeeds(job.job, t as number[]) };
    if (job.kind === 'seed-jobs') {
      const { job: i, seeds } = t as SeedJobsTask;
      return { result: runSeeds(job.jobs[i]!, seeds) };
    }
    sweepRunner ??= await import('../experiment/sweep-runner.ts');
    return { result: sweepRunner.runSweepTask(job.job, t as SweepTask) };
  } catch (e) {
    if (e instanceof NonFiniteFormulaError) return { nonFinite: { formula: e.formula, source: e.source, value: e.value, inputs: e.inputs, who: e.who, tick: e.tick, date: e.date } };
    throw e;
  }
}
