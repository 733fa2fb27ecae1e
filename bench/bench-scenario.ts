/**
 * The bench scenario: a generated world of n subnationals in countries of 100 under six rule sets, with
 * borders, trade ties, two networks and one transboundary issue. Shared by `npm run bench`, the hand-written
 * baseline (bench/baseline.ts) and the golden-output test, so all three measure the same world.
 */
import { scenarioSchema, type Scenario } from '../src/scenario/schema.ts';

export const BENCH_RULE_SETS = ['US', 'AT', 'DE', 'CH', 'CA', 'OPEN'];
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
      ruleSet: BENCH_RULE_SETS[c % BENCH_RULE_SETS.length],
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
