/**
 * `npm run bench`: engine throughput on generated scenarios of 100, 1,000, 10,000 and 100,000 subnationals
 * (ticks per second, agent decisions per second, cost per agent-tick, which must stay flat if cost per tick
 * grows linearly) and peak memory. Timings are printed, never asserted. Usage:
 *   npm run bench                 # all sizes
 *   npm run bench -- 1000 10000   # chosen sizes
 */
import { loadRuleSets } from '../src/cli/files.ts';
import { lastTick, runTicks, startRun } from '../src/engine/run.ts';
import { scenarioSchema, type Scenario } from '../src/scenario/schema.ts';

const RULE_SETS = ['US', 'AT', 'DE', 'CH', 'CA', 'OPEN'];
const PER_COUNTRY = 100;

/** A generated world: countries of 100 units in a chain of borders, trade ties, one issue with 10 sources. */
export function benchScenario(n: number, ticks: number): Scenario {
  let s = 12345;
  const rand = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const countries = Math.max(2, Math.ceil(n / PER_COUNTRY));
  const unit = (i: number) => `U${i}`;
  const country = (i: number) => Math.floor(i / PER_COUNTRY) % countries;
  return scenarioSchema.parse({
    paradip: 1,
    id: `bench-${n}`,
    title: `Bench ${n}`,
    calendar: { tick: 'month', start: '2000-01', end: `${2000 + Math.ceil(ticks / 12)}-12` },
    centrals: Array.from({ length: countries }, (_, c) => ({
      id: `C${c}`,
      name: `Country ${c}`,
      ruleSet: RULE_SETS[c % RULE_SETS.length],
      neighbours: [c > 0 ? `C${c - 1}` : null, c < countries - 1 ? `C${c + 1}` : null].filter(Boolean),
      legislature: { chambers: [{ id: 'house', name: 'House', support: { X: 0.3 }, gatekeepers: [{ id: 'chair', name: 'Chair', position: { X: -0.2 } }] }] },
    })),
    subnationals: Array.from({ length: n }, (_, i) => ({
      id: unit(i),
      name: `Unit ${i}`,
      kind: 'region',
      central: `C${country(i)}`,
      neighbours: [i > 0 ? unit(i - 1) : null, i < n - 1 ? unit(i + 1) : null].filter(Boolean),
      competences: ['economy', 'culture', 'environment'],
      goals: { economic: rand(), identity: rand() * 0.5, protodiplomatic: rand() * 0.2, X: rand() },
      tradeTies: { [unit(Math.floor(rand() * n))]: rand(), [unit(Math.floor(rand() * n))]: rand() },
      attributes: { identityStrength: rand(), autonomyAspiration: rand() * 0.3 },
      location: [i * 10, 0],
    })),
    networks: [{ id: 'NET-A', name: 'Network A' }, { id: 'NET-B', name: 'Network B' }],
    issues: [{
      id: 'X',
      name: 'Transboundary pollution',
      domain: 'environment',
      units: Object.fromEntries(Array.from({ length: n }, (_, i) => [unit(i), { emission: i % Math.max(1, Math.floor(n / 10)) === 0 ? 2 : 0, sensitivity: rand() }])),
      law: { centrals: ['C0'] },
    }],
    behaviour: { parameters: { actThreshold: 0.3, acceptThreshold: 0 } },
  });
}

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
