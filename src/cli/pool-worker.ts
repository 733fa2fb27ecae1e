/**
 * The entry of a pool worker (see worker-pool.ts): piscina calls the default export with each task. The job
 * arrives once, as workerData, and what it costs to prepare (a scenario loaded per design point) is kept
 * for the worker's life. Replies are plain data: a result, or a formula that gave NaN (bad input, not a bug,
 * so it crosses to the main thread as itself); any other exception is a bug and rejects the task.
 */
import { workerData } from 'piscina';
import { NonFiniteFormulaError } from '../rules/formula.ts';
import { runSeeds, type SeedJob, type SeedResult } from '../experiment/seeds.ts';
import { runSweepTask, type SweepJob, type SweepTask, type SweepRow } from '../experiment/sweep-runner.ts';

export type PoolJob = { kind: 'seeds'; job: SeedJob } | { kind: 'sweep'; job: SweepJob };

type NonFinite = Pick<NonFiniteFormulaError, 'formula' | 'source' | 'value' | 'inputs' | 'who' | 'tick' | 'date'>;
export type PoolReply<R> = { result: R } | { nonFinite: NonFinite };

export default function task(t: number[] | SweepTask): PoolReply<SeedResult[] | SweepRow[]> {
  const job = workerData as PoolJob;
  try {
    return { result: job.kind === 'seeds' ? runSeeds(job.job, t as number[]) : runSweepTask(job.job, t as SweepTask) };
  } catch (e) {
    if (e instanceof NonFiniteFormulaError) return { nonFinite: { formula: e.formula, source: e.source, value: e.value, inputs: e.inputs, who: e.who, tick: e.tick, date: e.date } };
    throw e;
  }
}
