/**
 * `npm run bench`: engine throughput on generated scenarios of 100, 1,000, 10,000 and 100,000 subnationals
 * (ticks per second, agent decisions per second, cost per agent-tick, which must stay flat if cost per tick
 * grows linearly) and peak memory. Timings are printed, never asserted. Usage:
 *   npm run bench                 # all sizes
 *   npm run bench -- 1000 10000   # chosen sizes
 */
import { loadRuleSets } from '../src/cli/files.ts';
import { lastTick, runTicks, startRun } from '../src/engine/run.ts';
import { benchScenario, BENCH_RULE_SETS as RULE_SETS } from './bench-scenario.ts';

function measure(n: number, ticks: number): void {
  const lib = loadRuleSets(null);
  if (!lib.ok) throw new Error('rule sets do not load');
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const scenario = benchScenario(n, ticks);
  const run = startRun(scenario, lib.ruleSets.filter((r) => RULE_SETS.includes(r.country)), { seed: 1, variant: null, overrides: [] });
  const setup = performance.now() - t0;
  let peak = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  let events = 0;
  const last = Math.min(lastTick(run.model), ticks - 1);
  const t1 = performance.now();
  for (const r of runTicks(run, last)) {
    events += r.events.length;
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }
  const seconds = (performance.now() - t1) / 1000;
  const decisions = n * (last + 1);
  const row = [
    n.toLocaleString('en'),
    String(last + 1),
    (setup / 1000).toFixed(2),
    ((last + 1) / seconds).toFixed(2),
    Math.round(decisions / seconds).toLocaleString('en'),
    ((seconds * 1e6) / decisions).toFixed(1),
    events.toLocaleString('en'),
    String(run.world.instruments.length),
    ((peak - base) / 2 ** 20).toFixed(0),
    (peakRss / 2 ** 20).toFixed(0),
  ];
  console.log(`| ${row.join(' | ')} |`);
}

const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
const plan = (sizes.length > 0 ? sizes : [100, 1_000, 10_000, 100_000]).map((n) => [n, n >= 100_000 ? 6 : n >= 10_000 ? 12 : 24] as const);
console.log(`node ${process.version}, ${process.arch}, ${(await import('node:os')).cpus()[0]?.model ?? 'cpu'} x ${(await import('node:os')).availableParallelism()}`);
console.log('| subnationals | ticks | setup s | ticks/s | decisions/s | µs per agent-tick | events | instruments | peak heap MiB | peak RSS MiB |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [n, t] of plan) measure(n, t);
