/**
 * The knobs of the arbitraries (tick lengths, deadlines, tacit consent, responsiveness, rule sets), each shown
 * to take effect; that no knob changes what the arbitraries generate by default; that the tacit-consent knobs
 * make runs meet the case the invariants law checks (counted); and `shippedScenarios()` in a property test.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRuleSets } from '../src/cli/files.ts';
import type { RuleSet } from '../src/rules/rule-set.ts';
import { assertInvariants, runArbitrary, scenarioArbitrary, shippedScenarios, simulate, type ScenarioOptions } from '../src/testing/index.ts';

const kindsOf = (events: readonly string[]): Set<string> => new Set(events.map((l) => (JSON.parse(l) as { kind: string }).kind));
/** Runs (of 50 from one fast-check seed) whose events include each kind. */
function runsWith(options: ScenarioOptions, kinds: readonly string[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(kinds.map((k) => [k, 0]));
  for (const g of fc.sample(runArbitrary(options), { seed: 5, numRuns: 50 })) {
    const seen = kindsOf(simulate(g.scenario, g.ruleSets, g.seed).events);
    for (const k of kinds) if (seen.has(k)) out[k]!++;
  }
  return out;
}

const TACIT: ScenarioOptions = { ruleSetOptions: { tacitConsent: true }, responsiveness: fc.double({ min: 0, max: 0.1, noNaN: true }) };
const DEFAULTS: ScenarioOptions = {};
/** runsWith for the coverage kinds, counted once per options object (two tests read the same counts). */
const counts = new Map<ScenarioOptions, Record<string, number>>();
const counted = (options: ScenarioOptions): Record<string, number> => {
  if (!counts.has(options)) counts.set(options, runsWith(options, ['approval.requested', 'approval.tacit', 'approval.refused', 'instrument.signed']));
  return counts.get(options)!;
};

describe('arbitrary knobs', () => {
  it('without options, and with the defaults given explicitly, the same scenarios as ever', () => {
    const plain = fc.sample(scenarioArbitrary({ maxSubnationals: 8 }), { seed: 20261130, numRuns: 15 });
    const explicit = fc.sample(scenarioArbitrary({ maxSubnationals: 8, ticks: ['week', 'month', 'quarter'], ruleSetOptions: { deadlines: ['2 weeks', '8 weeks', '3 months', '1 year'] } }), { seed: 20261130, numRuns: 15 });
    expect(explicit).toEqual(plain);
    // No knob leaks into a default scenario.
    for (const g of plain) expect(g.scenario.behaviour.parameters['responsiveness']).toBeUndefined();
  });

  it('ticks: every scenario has a drawn tick length, day and year included', () => {
    const ticks = fc.sample(scenarioArbitrary({ ticks: ['day', 'year'] }), { seed: 1, numRuns: 30 }).map((g) => g.scenario.calendar.tick);
    expect(new Set(ticks)).toEqual(new Set(['day', 'year']));
  });

  it('deadlines: every approval step with a deadline uses one of them', () => {
    const within = fc.sample(scenarioArbitrary({ ruleSetOptions: { deadlines: ['5 weeks'] } }), { seed: 2, numRuns: 30 })
      .flatMap((g) => g.ruleSets.flatMap((r) => r.rules.flatMap((rule) => (rule.approvals ?? []).map((a) => a.within))))
      .filter((w) => w !== undefined);
    expect(within.length).toBeGreaterThan(5);
    expect(new Set(within)).toEqual(new Set(['5 weeks']));
  });

  it('tacitConsent: every allowing rule asks first for a consent whose silence consents, with a deadline', () => {
    const rules = fc.sample(scenarioArbitrary({ ruleSetOptions: { tacitConsent: true } }), { seed: 3, numRuns: 30 }).flatMap((g) => g.ruleSets.flatMap((r) => r.rules));
    const allowing = rules.filter((r) => r.effect === 'allow');
    expect(allowing.length).toBeGreaterThan(20);
    for (const r of allowing) expect(r.approvals?.[0]).toMatchObject({ step: 'consent', by: 'executive', onSilence: 'consent', within: expect.any(String) });
  });

  it('responsiveness: drawn into the scenario parameters', () => {
    const values = fc.sample(scenarioArbitrary({ responsiveness: fc.constantFrom(0.01, 0.02) }), { seed: 4, numRuns: 20 }).map((g) => g.scenario.behaviour.parameters['responsiveness']);
    expect(new Set(values)).toEqual(new Set([0.01, 0.02]));
  });

  it('ruleSet: a rule-set generator of one\'s own, e.g. the shipped constitutions renamed to the generated countries', () => {
    const lib = loadRuleSets(null);
    if (!lib.ok) throw new Error('rule sets do not load');
    const shipped = lib.ruleSets.filter((r) => ['AT', 'US', 'CH', 'DE'].includes(r.id));
    const renamed = (country: string) => fc.constantFrom(...shipped).map((r): RuleSet => ({ ...structuredClone(r), id: country, country, subnationalKinds: ['region'], valid: {} }));
    const runs = fc.sample(runArbitrary({ maxSubnationals: 5, ruleSet: renamed }), { seed: 6, numRuns: 12 });
    const citations = new Set<string>();
    for (const g of runs) {
      expect(g.ruleSets.every((r) => r.legalBasis !== 'generated')).toBe(true);
      const { events } = simulate(g.scenario, g.ruleSets, g.seed, { onTick: (run) => assertInvariants(run.model, run.world, g.seed) });
      for (const l of events) for (const c of ((JSON.parse(l) as { citations?: string[] }).citations ?? [])) citations.add(c);
    }
    // The shipped rules decided: their citations are in the events.
    expect([...citations].some((c) => /B-VG|U\.S\. Const|BV|GG/.test(c))).toBe(true);
  });
});

describe('coverage: the knobs make the rare cases common (counted over 50 runs of one seed)', () => {
  it('tacit consent: a few default runs, at least 20 of 50 with the tacit knobs', () => {
    const plain = counted(DEFAULTS);
    const tacit = counted(TACIT);
    console.log(`runs of 50 with each kind, default: ${JSON.stringify(plain)}; tacit knobs: ${JSON.stringify(tacit)}`);
    expect(tacit['approval.tacit']).toBeGreaterThanOrEqual(20);
    expect(tacit['approval.tacit']).toBeGreaterThan(3 * plain['approval.tacit']!);
    expect(tacit['instrument.signed']).toBeGreaterThanOrEqual(25);
  });

  it('the counts the README quotes are these (the same seed gives the same runs)', () => {
    const quoted = /over 50 runs of one seed, (\d+) meets? a tacit consent by default and (\d+) with/.exec(readFileSync(new URL('../README.md', import.meta.url), 'utf8'));
    expect(quoted, 'README.md no longer quotes the tacit-consent counts').not.toBeNull();
    expect(counted(DEFAULTS)['approval.tacit']).toBe(Number(quoted![1]));
    expect(counted(TACIT)['approval.tacit']).toBe(Number(quoted![2]));
  });
});

describe('shippedScenarios()', () => {
  it('every shipped scenario and variant, loaded', () => {
    const names = shippedScenarios().map((s) => s.name);
    expect(names).toEqual([
      'acid-rain-1980s', 'acid-rain-1980s --variant no-paradiplomacy', 'acid-rain-1980s --variant no-1989-window', 'acid-rain-1980s --variant strict-compact-clause',
      'constitutional-comparison', ...['austria', 'germany', 'belgium', 'switzerland', 'united-states', 'argentina'].map((v) => `constitutional-comparison --variant ${v}`),
      'faroe-greenland-offices', ...['central-reading', 'no-own-capital'].map((v) => `faroe-greenland-offices --variant ${v}`),
      'provinces-states-spending', ...['central-reading', 'no-free-trade', 'no-quebec-nationalism'].map((v) => `provinces-states-spending --variant ${v}`),
      'quebec-1970s', 'quebec-1970s --variant no-france-support', 'quebec-1970s --variant no-pq',
      'republika-srpska', 'republika-srpska --variant moderate-government', 'republika-srpska --variant flat-economy',
      'republika-srpska --variant dayton-forbids-offices', 'republika-srpska --variant no-kin-support',
      'soviet-union-russia', 'soviet-union-russia --variant charter-open', 'soviet-union-russia --variant far-east-closed',
    ]);
    expect(shippedScenarios({ variants: false }).map((s) => s.name)).toEqual(['acid-rain-1980s', 'constitutional-comparison', 'faroe-greenland-offices', 'provinces-states-spending', 'quebec-1970s', 'republika-srpska', 'soviet-union-russia']);
    const strict = shippedScenarios().find((s) => s.variant === 'strict-compact-clause')!;
    const plain = shippedScenarios().find((s) => s.name === 'acid-rain-1980s')!;
    expect(strict.scenario).not.toEqual(plain.scenario);
  });

  it('in a property test: the invariants hold for shipped scenarios over seeds', () => {
    const shipped = shippedScenarios();
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...shipped), fc.nat(1000), (s, seed) => {
        seen.add(s.name);
        simulate(s.scenario, s.ruleSets, seed, { onTick: (run) => assertInvariants(run.model, run.world, seed) });
      }),
      { numRuns: 12, seed: 7 },
    );
    expect(seen.size).toBeGreaterThanOrEqual(6);
  });
});
