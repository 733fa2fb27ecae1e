/**
 * `npm run bench`: the engine against the hand-written baseline (bench/baseline.ts) on the bench scenario, at
 * 1,000, 10,000, 100,000 and 1,000,000 subnationals. Every measurement runs in a fresh process (so peak RSS is
 * that size's own), engine and baseline alternating, CPU time of the ticks only (setup reported apart), the
 * median of the repetitions. Timings are printed, never asserted. Usage:
 *   npm run bench                        # all sizes, then sweep and check on 1 and 2 workers (bench/sweep.bench.ts)
 *   npm run bench -- 1000 10000          # chosen sizes
 *   node dist/bench.js --one engine 1000 # one measurement, as JSON (what the parent runs)
 *   node dist/bench.js --alloc engine 10000 # where the engine allocates, by function
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadRuleSets } from '../src/cli/files.ts';
import { lastTick, runTicks, startRun } from '../src/engine/run.ts';
import { baseline } from './baseline.ts';
import { benchScenario, BENCH_RULE_SETS } from './bench-scenario.ts';

interface Measurement {
  what: 'engine' | 'baseline';
  n: number;
  ticks: number;
  setupSeconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  /** The heap still live after the ticks (a full collection forced once the peak is read): what the scenario, the world and its indexes hold, without the garbage the peak also counts. */
  liveHeapMiB: number;
  startRssMiB: number;
  events: number;
}

const TICKS: Record<number, number> = { 1_000: 24, 10_000: 12, 100_000: 6, 1_000_000: 3 };
const REPS: Record<number, number> = { 1_000: 5, 10_000: 3, 100_000: 3, 1_000_000: 1 };
const ticksFor = (n: number): number => TICKS[n] ?? (n >= 1_000_000 ? 3 : n >= 100_000 ? 6 : n >= 10_000 ? 12 : 24);
const repsFor = (n: number): number => REPS[n] ?? (n >= 1_000_000 ? 1 : 3);

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const rssMiB = (): number => process.memoryUsage().rss / 2 ** 20;

/** Keeps a value reachable up to this call (so a forced collection sees the run's state as live). */
function keep(value: unknown): void {
  if (value === Symbol.for('never')) console.log(value);
}

function measureOne(what: 'engine' | 'baseline', n: number): Measurement {
  const ticks = ticksFor(n);
  const startRssMiB = rssMiB();
  const t0 = cpu();
  const scenario = benchScenario(n, ticks);
  let events = 0;
  let runTick: (t: number) => void;
  if (what === 'engine') {
    const lib = loadRuleSets(null);
    if (!lib.ok) throw new Error('rule sets do not load');
    const run = startRun(scenario, lib.ruleSets.filter((r) => BENCH_RULE_SETS.includes(r.country)), { seed: 1, variant: null, overrides: [] });
    const last = Math.min(lastTick(run.model), ticks - 1);
    const it = runTicks(run, last);
    runTick = () => {
      const r = it.next();
      if (!r.done) events += r.value.events.length;
    };
  } else {
    const b = baseline(scenario, 1);
    runTick = (t) => void (events += b.tick(t));
  }
  const setupSeconds = cpu() - t0;
  const t1 = cpu();
  for (let t = 0; t < ticks; t++) runTick(t);
  const cpuSeconds = cpu() - t1;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  // Read after the peak, so forcing a collection cannot lower it; `keep` holds the run's state through it.
  (globalThis as { gc?: () => void }).gc?.();
  const liveHeapMiB = process.memoryUsage().heapUsed / 2 ** 20;
  keep(runTick);
  return { what, n, ticks, setupSeconds, cpuSeconds, peakRssMiB, liveHeapMiB, startRssMiB, events };
}

function spawnOne(what: 'engine' | 'baseline', n: number): Measurement {
  const heap = n >= 1_000_000 ? ['--max-old-space-size=16384'] : [];
  const out = execFileSync(process.execPath, [...heap, '--expose-gc', fileURLToPath(import.meta.url), '--one', what, String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Measurement;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** `--alloc engine 10000`: where the ticks allocate (V8's sampling heap profiler, objects freed by GC included). */
async function allocations(what: 'engine' | 'baseline', n: number): Promise<void> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true } as object);
  const m = measureOne(what, n);
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: AllocNode } };
  const sites = new Map<string, number>();
  const name = (node: AllocNode): string => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber + 1}`;
  // A built-in (sort, fromEntries, a generator's next) has no file: it is named with the function that called it.
  const walk = (node: AllocNode, parent: string): void => {
    const own = name(node);
    const k = node.callFrame.url === '' ? `${own} < ${parent}` : own;
    sites.set(k, (sites.get(k) ?? 0) + node.selfSize);
    for (const c of node.children) walk(c, own);
  };
  walk(profile.head, '(root)');
  const total = [...sites.values()].reduce((a, b) => a + b, 0);
  console.log(`${what} ${n}: ${(total / 2 ** 20).toFixed(0)} MiB allocated in setup and ${m.ticks} ticks`);
  for (const [k, v] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${(v / 2 ** 20).toFixed(1).padStart(8)} MiB  ${k}`);
}
interface AllocNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocNode[];
}

const args = process.argv.slice(2);
if (args[0] === '--one') {
  console.log(JSON.stringify(measureOne(args[1] as 'engine' | 'baseline', Number(args[2]))));
} else if (args[0] === '--alloc') {
  await allocations(args[1] as 'engine' | 'baseline', Number(args[2]));
} else {
  const sizes = args.map(Number).filter((x) => x > 0);
  const plan = sizes.length > 0 ? sizes : [1_000, 10_000, 100_000, 1_000_000];
  console.log(`node ${process.version}, ${process.arch}, ${cpus()[0]?.model ?? 'cpu'} x ${availableParallelism()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
  console.log('CPU time of the ticks, fresh process per measurement, engine and baseline alternating, median of the repetitions.\n');
  console.log('| subnationals | ticks | reps | engine µs/agent-tick | baseline µs/agent-tick | ratio | engine setup s | engine peak RSS MiB | engine bytes/agent | engine live heap MiB | baseline peak RSS MiB | events |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const n of plan) {
    const engine: Measurement[] = [];
    const base: Measurement[] = [];
    for (let r = 0; r < repsFor(n); r++) {
      engine.push(spawnOne('engine', n));
      base.push(spawnOne('baseline', n));
    }
    const us = (m: Measurement[]) => median(m.map((x) => (x.cpuSeconds * 1e6) / (x.n * x.ticks)));
    const e = us(engine);
    const b = us(base);
    const peak = median(engine.map((x) => x.peakRssMiB));
    const bytes = median(engine.map((x) => ((x.peakRssMiB - x.startRssMiB) * 2 ** 20) / x.n));
    console.log(
      `| ${n.toLocaleString('en')} | ${engine[0]!.ticks} | ${engine.length} | ${e.toFixed(2)} | ${b.toFixed(2)} | ${(e / b).toFixed(2)} | ${median(engine.map((x) => x.setupSeconds)).toFixed(2)} | ${peak.toFixed(0)} | ${bytes.toFixed(0)} | ${median(engine.map((x) => x.liveHeapMiB)).toFixed(0)} | ${median(base.map((x) => x.peakRssMiB)).toFixed(0)} | ${engine[0]!.events.toLocaleString('en')} |`,
    );
  }
  // The whole bench also measures worker runs: sweep and check throughput on 1 and 2 workers (bench/sweep.bench.ts).
  if (sizes.length === 0) {
    console.log('');
    execFileSync(process.execPath, [fileURLToPath(new URL('./sweep-bench.js', import.meta.url))], { stdio: 'inherit' });
  }
}
