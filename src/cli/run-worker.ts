/**
 * Seeds on worker threads. This module is both the pool (`runSeedsOnWorkers`, used by `check` and `list`) and
 * the worker's entry: a worker receives the job (scenario, rule sets, variant, overrides, plan) once, then
 * batches of seeds, and answers each batch with its results. Results are placed by batch index, so the output
 * is the same for any number of workers and any scheduling.
 *
 * Bundled, workers run dist/run-worker.js. From the TypeScript sources (vitest, tsx) this file is bundled on
 * first use: `execArgv: ['--import', 'tsx']` is ignored by workers on Node 20, and tsx's `register()` in a
 * worker works but takes seconds per worker.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, threadId, Worker, workerData } from 'node:worker_threads';
import { batches, runSeeds, type SeedJob, type SeedResult } from '../experiment/seeds.ts';
import { packageRoot } from './files.ts';
import { NonFiniteFormulaError } from '../rules/formula.ts';

const MARK = 'paradip-seeds';

type Request = { batch: number; seeds: number[] };
type NonFinite = Pick<NonFiniteFormulaError, 'formula' | 'source' | 'value' | 'inputs' | 'who' | 'tick' | 'date'>;
type Reply = { batch: number; results: SeedResult[] } | { batch: number; error: string; nonFinite?: NonFinite };

if (!isMainThread && parentPort && (workerData as { mark?: string } | null)?.mark === MARK) {
  const job = (workerData as { job: SeedJob }).job;
  const port = parentPort;
  port.on('message', (req: Request) => {
    let reply: Reply;
    try {
      reply = { batch: req.batch, results: runSeeds(job, req.seeds) };
    } catch (e) {
      reply = { batch: req.batch, error: String((e as Error).stack ?? e) };
      // A formula giving NaN is bad input, not a bug: it crosses to the main thread as itself.
      if (e instanceof NonFiniteFormulaError) reply.nonFinite = { formula: e.formula, source: e.source, value: e.value, inputs: e.inputs, who: e.who, tick: e.tick, date: e.date };
    }
    port.postMessage(reply);
  });
}

let devModule: Promise<URL> | null = null;

/** The worker's module: the bundle beside this one or, running from the TypeScript sources, a bundle made now. */
function workerModule(): Promise<URL> {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return Promise.resolve(new URL('./run-worker.js', here));
  return (devModule ??= bundleForDev(here));
}

/**
 * Bundles this file as scripts/build.mjs does, into node_modules/.cache (so its packages resolve), named by
 * its hash. Loading the sources through tsx in each worker would take seconds (mathjs is many modules).
 */
async function bundleForDev(here: string): Promise<URL> {
  const { build } = await import('esbuild');
  const external = ['ink', 'react', 'react/*', 'yaml', 'zod', 'seedrandom', 'fast-check', 'esbuild'];
  const out = await build({ entryPoints: [fileURLToPath(here)], bundle: true, write: false, platform: 'node', format: 'esm', target: 'node20', external, logLevel: 'silent' });
  const code = out.outputFiles[0]!.text;
  const file = join(packageRoot(), 'node_modules', '.cache', 'paradip', `run-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}-${threadId}.partial`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
    // Older bundles of edited sources are of no further use.
    for (const name of readdirSync(dirname(file))) {
      if (/^run-worker-[0-9a-f]{16}\.mjs$/.test(name) && join(dirname(file), name) !== file) rmSync(join(dirname(file), name), { force: true });
    }
  }
  return pathToFileURL(file);
}

/**
 * Runs `seeds` on `workers` threads (in this thread when workers is 1) and returns one result per seed, in
 * seed order. A failure in a worker (a bug in paradip) rejects, after every worker is stopped.
 */
export async function runSeedsOnWorkers(job: SeedJob, seeds: readonly number[], workers: number): Promise<SeedResult[]> {
  const n = Math.max(1, Math.min(workers, seeds.length));
  if (n === 1) return runSeeds(job, seeds);
  const queue = batches(seeds, n).map((s, batch) => ({ batch, seeds: s }));
  const done: SeedResult[][] = new Array(queue.length);
  let next = 0;
  let remaining = queue.length;
  const pool: Worker[] = [];
  const entry = await workerModule();
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker): void => {
        const req = queue[next++];
        if (req) w.postMessage(req);
      };
      for (let i = 0; i < n; i++) {
        const w = new Worker(entry, { workerData: { mark: MARK, job } });
        pool.push(w);
        w.on('message', (reply: Reply) => {
          if ('error' in reply) {
            const n = reply.nonFinite;
            if (n) return reject(Object.assign(new NonFiniteFormulaError(n.formula, n.source, n.value, n.inputs, n.who), { tick: n.tick, date: n.date }));
            return reject(new Error(`a seed worker failed: ${reply.error}`));
          }
          done[reply.batch] = reply.results;
          if (--remaining === 0) resolve();
          else feed(w);
        });
        w.on('error', (e) => reject(e));
        w.on('exit', (code) => {
          if (remaining > 0) reject(new Error(`a seed worker stopped early (exit code ${code})`));
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return done.flat();
}
