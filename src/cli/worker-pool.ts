/**
 * The worker pool of `check` and `sweep`: piscina threads that start once, receive their job (scenario, rule
 * sets, what to measure) once as workerData, then take tasks (batches of seeds or runs) and answer each with
 * small results. Callers place results by task, never by completion order, so output is the same for any
 * number of workers.
 *
 * Bundled, workers run dist/pool-worker.js. From the TypeScript sources (vitest, tsx) the worker is bundled on
 * first use into node_modules/.cache: `execArgv: ['--import', 'tsx']` is ignored by workers on Node 20, and
 * tsx's `register()` in a worker works but takes seconds per worker (mathjs is many modules).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { NonFiniteFormulaError } from '../rules/formula.ts';
import { packageRoot } from './files.ts';
import type { PoolJob, PoolReply } from './pool-worker.ts';

/** Packages the bundles leave external (as scripts/build.mjs does), so they resolve from node_modules. */
export const EXTERNAL = ['ink', 'react', 'react/*', 'yaml', 'zod', 'seedrandom', 'fast-check', 'esbuild', 'piscina', 'hyparquet-writer', 'cli-progress'];

let devModule: Promise<URL> | null = null;

/** The worker's module: the bundle beside this one or, running from the TypeScript sources, a bundle made now. */
function workerModule(): Promise<URL> {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return Promise.resolve(new URL('./pool-worker.js', here));
  return (devModule ??= bundleForDev(new URL('./pool-worker.ts', here)));
}

/** Bundles the worker as scripts/build.mjs does, into node_modules/.cache/paradip, named by its hash. */
async function bundleForDev(entry: URL): Promise<URL> {
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: [fileURLToPath(entry)], bundle: true, write: false, platform: 'node', format: 'esm', target: 'node20', external: EXTERNAL, logLevel: 'silent' });
  const code = out.outputFiles[0]!.text;
  const file = join(packageRoot(), 'node_modules', '.cache', 'paradip', `pool-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}-${threadId}.partial`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
    // Older bundles of edited sources are of no further use.
    for (const name of readdirSync(dirname(file))) {
      if (/^(pool|run)-worker-[0-9a-f]{16}\.mjs$/.test(name) && join(dirname(file), name) !== file) rmSync(join(dirname(file), name), { force: true });
    }
  }
  return pathToFileURL(file);
}

/** Tasks a worker holds at once: the one it runs and the next, so it never waits for the main thread. */
const TASKS_PER_WORKER = 2;

/** A pool of `threads` warm workers for one job. */
export class WorkerPool<Task, Result> {
  private constructor(private readonly piscina: Piscina) {}

  static async open<Task, Result>(job: PoolJob, threads: number): Promise<WorkerPool<Task, Result>> {
    const filename = (await workerModule()).href;
    // Fixed size and no idle timeout: every thread starts now and stays warm for the whole command.
    const piscina = new Piscina({ filename, workerData: job, minThreads: threads, maxThreads: threads, idleTimeout: Number.POSITIVE_INFINITY, concurrentTasksPerWorker: TASKS_PER_WORKER });
    return new WorkerPool<Task, Result>(piscina);
  }

  /** Runs one task; a formula that gave NaN in the worker rejects as the same NonFiniteFormulaError. */
  async run(task: Task): Promise<Result> {
    const reply = (await this.piscina.run(task)) as PoolReply<Result>;
    if ('result' in reply) return reply.result;
    const n = reply.nonFinite;
    throw Object.assign(new NonFiniteFormulaError(n.formula, n.source, n.value, n.inputs, n.who), { tick: n.tick, date: n.date });
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}

/**
 * Runs every task on `threads` threads and returns the results in task order. The calling thread is one of
 * them: it takes tasks from the same queue as the workers (`inline`), so `threads` threads start only
 * `threads - 1` workers, and one thread starts none. What a worker costs before its first task (loading the
 * engine, compiling the scenario's formulas, warming the JIT) is paid once fewer, and while the workers start
 * the calling thread is already working. Each worker holds two tasks (one running, one waiting), so it never
 * waits for this thread to hand it the next: this thread yields between its own tasks, which are no longer
 * than a worker's. `onResult` sees each result as it arrives, in completion order.
 */
export async function runTasks<Task, Result>(job: PoolJob, tasks: readonly Task[], threads: number, inline: (task: Task) => Result, onResult?: (result: Result, index: number) => void): Promise<Result[]> {
  const out: Result[] = new Array(tasks.length);
  let next = 0;
  // After a failure no thread takes another task, and what is running finishes. Tasks are taken in order, so
  // every task before a failed one was taken and ends: the failure reported is the earliest task's, and so
  // (tasks being contiguous runs of seeds or points) the same for any number of threads.
  let failure: { index: number; error: unknown } | null = null;
  const fail = (index: number, error: unknown): void => {
    next = tasks.length;
    if (!failure || index < failure.index) failure = { index, error };
  };
  const runInline = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      try {
        out[i] = inline(tasks[i]!);
        onResult?.(out[i]!, i);
      } catch (e) {
        fail(i, e);
      }
      // Let worker replies, progress output and signals through between tasks.
      await new Promise((r) => setImmediate(r));
    }
  };
  const workers = Math.min(threads, tasks.length) - 1;
  if (workers <= 0) await runInline();
  else {
    const pool = await WorkerPool.open<Task, Result>(job, workers);
    try {
      const feed = async (): Promise<void> => {
        while (next < tasks.length) {
          const i = next++;
          try {
            out[i] = await pool.run(tasks[i]!);
            onResult?.(out[i]!, i);
          } catch (e) {
            fail(i, e);
          }
        }
      };
      // Workers' queues first, so their first tasks are waiting when they are ready; then this thread's share.
      const feeds = Array.from({ length: workers * TASKS_PER_WORKER }, feed);
      await Promise.all([...feeds, runInline()]);
    } finally {
      await pool.close();
    }
  }
  if (failure) throw (failure as { error: unknown }).error;
  return out;
}
