/**
 * The headline scenario (scenarios/acid-rain-1980s.yaml): its declared targets hold over seeds 1-20 (the
 * worker-based checker of `paradip check`), the event contract the UI and the docs rely on (an MOU between a
 * US state and a province, the US law, the US-Canada treaty, all on acid rain), its variants load and run, and
 * its timeline holds inputs only: no timeline entry touches an instrument or a law.
 */
import { describe, expect, it } from 'vitest';
import { prepareScenario, ROOT as root, runScenario, targetsOver } from './support/shipped-scenario.ts';
import { prepareRun } from '../src/cli/prepare-run.ts';
import type { SimEvent } from '../src/engine/events.ts';
import { runTicks } from '../src/engine/run.ts';

const FILE = 'scenarios/acid-rain-1980s.yaml';
const SEEDS = 20;

const prepare = (variant: string | null = null, seed = 1) => prepareScenario(FILE, variant, seed);

const events = (variant: string | null = null, seed = 1): SimEvent[] => runScenario(FILE, variant, seed).events;

describe('acid rain 1977-1992', () => {
  // The record's targets the model does not reach (docs/scenarios/acid-rain.md, section 4): none since
  // Washington and British Columbia sign on their concern for lakes at risk (parameter awareness). A target
  // that misses stays declared so that `check` reports it; list it here, and this test fails when it starts
  // to pass, so that the list and the docs follow.
  const MISSED: string[] = [];

  it(`every declared target but the known misses meets its pass rate over seeds 1-${SEEDS}`, async () => {
    const targets = await targetsOver(FILE, SEEDS);
    expect(targets.map((t) => t.target.id)).toEqual([
      'mous', 'mou-parties-states', 'mou-parties-provinces', 'state-laws', 'no-early-law', 'federal-law', 'agreement', 'order',
      'mou-years', 'mou-dyads-precision', 'mou-dyads-recall', 'wa-bc', 'state-laws-precision', 'neg-ecp-resolution', 'law-mn', 'law-ny', 'law-wi',
      'federal-law-date', 'agreement-date', 's115-suit', 's115-reversed',
    ]);
    const rates = Object.fromEntries(targets.map((t) => [t.target.id, t.passRate]));
    const required = Object.fromEntries(targets.map((t) => [t.target.id, t.target.passRate]));
    for (const id of Object.keys(rates)) {
      if (MISSED.includes(id)) expect(rates[id], `${id} now passes: update MISSED and the docs`).toBeLessThan(required[id]!);
      else expect(rates[id], `${id}: ${rates[id]} of seeds, ${required[id]} required`).toBeGreaterThanOrEqual(required[id]!);
    }
  });

  it('the agreement follows the law as an outcome: no rule requires the law, and the order target can fail', () => {
    const { scenario } = prepare().run.model;
    expect(scenario.issues[0]!.agreement!.requiresLaw).toEqual([]);
    // The order is only measured: a run whose agreement came first would fail the order target.
    const order = scenario.targets.find((t) => t.id === 'order')!;
    expect(order.measure.order!.map((f) => f.kind)).toEqual(['instrument.signed', 'law.enacted', 'instrument.signed']);
  });

  it('the event contract: a state-province MOU, the US law and the US-Canada treaty, all on acid rain', () => {
    const evs = events();
    const mou = evs.find((e) => e.kind === 'instrument.signed' && e['instrument'] === 'mou' && e['issue'] === 'acid-rain');
    expect(mou).toBeDefined();
    const parties = mou!['parties'] as string[];
    expect(parties).toHaveLength(2);
    expect(parties.filter((p) => p.startsWith('US-'))).toHaveLength(1);
    expect(parties.filter((p) => p.startsWith('CA-'))).toHaveLength(1);
    const law = evs.find((e) => e.kind === 'law.enacted' && e['by'] === 'US' && e['issue'] === 'acid-rain');
    expect(law).toBeDefined();
    const treaty = evs.find((e) => e.kind === 'instrument.signed' && e['instrument'] === 'treaty' && e['issue'] === 'acid-rain');
    expect(treaty).toBeDefined();
    expect([...(treaty!['parties'] as string[])].sort()).toEqual(['CA', 'US']);
    expect(mou!.date < law!.date && law!.date < treaty!.date).toBe(true);
  });

  it('the timeline holds inputs only: offices, stated positions and gatekeepers, never an instrument or a law', () => {
    const { scenario } = prepare().run.model;
    const input = /^centrals\.[A-Z]+\.(executive\.(leader|stance\.[a-z-]+)|legislature\.chambers\.[a-z-]+\.gatekeepers\.[a-z-]+\.(name|position\.[a-z-]+))$/;
    const paths = scenario.timeline.flatMap((t) => Object.keys(t.set));
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path).toMatch(input);
      expect(path).not.toMatch(/instrument|law|treat|mou|agreement/i);
    }
    // Nor does any variant add to the timeline or set an outcome.
    for (const v of scenario.variants) for (const path of Object.keys(v.set)) expect(path).not.toMatch(/^(timeline|instruments|issues\.[^.]+\.laws)/);
  });

  it('the NEG/ECP resolution emerges from its members\' awareness: no timeline entry, its date moves with resolveAwareness, and it binds its supporters', () => {
    // Seed 1: the first forum.resolved of the network NEG-ECP, and who is bound at the end.
    const run = (sets: string[]) => {
      const r = prepareRun({ scenario: FILE, seed: 1, variant: null, sets, until: null, from: null, cwd: root });
      if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
      const resolved: SimEvent[] = [];
      for (const t of runTicks(r.prepared.run, r.prepared.last)) resolved.push(...t.events.filter((e) => e.kind === 'forum.resolved'));
      const bound = r.prepared.run.world.subnationals.filter((u) => u.resolutions?.includes('acid-rain')).map((u) => u.id);
      return { resolved, bound };
    };
    const { scenario } = prepare().run.model;
    expect(scenario.timeline.some((t) => Object.keys(t.set).some((k) => k.startsWith('networks')))).toBe(false);
    expect(scenario.subnationals.some((u) => 'negEcp' in u.attributes)).toBe(false);
    const members = ['CA-NB', 'CA-NS', 'CA-QC', 'US-CT', 'US-MA', 'US-ME', 'US-NH', 'US-RI', 'US-VT'];
    const base = run([]);
    expect(base.resolved).toHaveLength(1);
    expect(base.resolved[0]!['by']).toBe('NEG-ECP');
    expect(base.resolved[0]!.date).toBe('1983-06-01');
    expect(base.resolved[0]!['parties']).toEqual(members);
    expect(base.bound).toEqual(members);
    // Members who must be more aware vote a year later; members who never are never resolve.
    expect(run(['behaviour.parameters.resolveAwareness=0.7']).resolved.map((e) => e.date)).toEqual(['1984-06-01']);
    const never = run(['behaviour.parameters.resolveAwareness=2']);
    expect(never.resolved).toHaveLength(0);
    expect(never.bound).toEqual([]);
  });

  it("Minnesota's early law rests on its own monitoring (an input), not on a scheduled law", () => {
    // Seeds 1-10: the first Minnesota acid-rain law before 1984 (law-mn), with the state's monitoring programme
    // and with monitoringRate set to 0 (its salience then follows the public curve, as every other unit's).
    const early = (sets: string[]): number => {
      let n = 0;
      for (let seed = 1; seed <= 10; seed++) {
        const r = prepareRun({ scenario: FILE, seed, variant: null, sets, until: null, from: null, cwd: root });
        if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
        let first: string | null = null;
        for (const t of runTicks(r.prepared.run, r.prepared.last))
          for (const e of t.events) if (first === null && e.kind === 'law.enacted' && e['by'] === 'US-MN' && e['issue'] === 'acid-rain') first = e.date;
        if (first !== null && first < '1984-01') n++;
      }
      return n;
    };
    expect(prepare().run.model.scenario.subnationals.find((u) => u.id === 'US-MN')!.attributes).toEqual({ monitoring: 1 });
    expect(early([])).toBeGreaterThanOrEqual(6);
    expect(early(['behaviour.parameters.monitoringRate=0'])).toBeLessThanOrEqual(1);
  });

  it('Washington and British Columbia sign on their concern for lakes at risk, never without it, and Washington passes no law', () => {
    // Seeds 1-10: runs with a Washington-British Columbia acid-rain MOU, and runs with a Washington acid-rain law.
    // With awareness 0 their concern follows their damage (a twentieth of New York's deposition) and they never
    // sign; a law needs damage (localLaw reads min(salience, damage)), which Washington's lakes do not have.
    const runs = (sets: string[]): { pairs: number; laws: number } => {
      let pairs = 0;
      let laws = 0;
      for (let seed = 1; seed <= 10; seed++) {
        const r = prepareRun({ scenario: FILE, seed, variant: null, sets, until: null, from: null, cwd: root });
        if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
        let signed = false;
        let law = false;
        for (const t of runTicks(r.prepared.run, r.prepared.last))
          for (const e of t.events) {
            if (e.kind === 'instrument.signed' && e['instrument'] === 'mou' && e['issue'] === 'acid-rain' && [...(e['parties'] as string[])].sort().join('+') === 'CA-BC+US-WA') signed = true;
            if (e.kind === 'law.enacted' && e['by'] === 'US-WA') law = true;
          }
        if (signed) pairs++;
        if (law) laws++;
      }
      return { pairs, laws };
    };
    const { scenario } = prepare().run.model;
    expect(scenario.behaviour.parameters['awareness']).toBe(0.35);
    expect(scenario.issues[0]!.units['US-WA']!.sensitivity).toBe(1);
    expect(scenario.issues[0]!.units['CA-BC']!.sensitivity).toBe(1);
    const calibrated = runs([]);
    // 10 of 10 today (100% of seeds 1-100, in 1984-85 in 93).
    expect(calibrated.pairs).toBeGreaterThanOrEqual(8);
    expect(calibrated.laws).toBe(0);
    expect(runs(['behaviour.parameters.awareness=0']).pairs).toBe(0);
  });

  it('the no-paradiplomacy variant disables every instrument and still runs (no MOU, laws and lobbying remain)', () => {
    const p = prepare('no-paradiplomacy');
    expect(Object.values(p.run.model.instruments).every((i) => !i.enabled)).toBe(true);
    const evs = events('no-paradiplomacy');
    expect(evs.some((e) => e.kind === 'instrument.signed' && e['instrument'] === 'mou')).toBe(false);
    expect(evs.some((e) => e.kind === 'lobby.delivered')).toBe(true);
  });

  it('the no-1989-window variant removes the 1989 changes of office and loads', () => {
    const { scenario } = prepare('no-1989-window').run.model;
    const ids = scenario.timeline.map((t) => t.id);
    for (const id of ['bush-1989', 'mitchell-1989', 'bush-plan-1989']) expect(ids).not.toContain(id);
    expect(ids).toContain('reagan-1981');
  });

  it('the strict-compact-clause variant sends MOUs to Congress, where the gatekeepers keep them off the floor', () => {
    expect(prepare('strict-compact-clause').run.model.scenario.centrals.find((c) => c.id === 'US')!.ruleOptions['mouIsCompact']).toBe(true);
    const evs = events('strict-compact-clause').filter((e) => e.date < '1987-01');
    expect(evs.some((e) => e.kind === 'approval.requested' && e['instrument'] === 'mou' && e['organ'] === 'legislature')).toBe(true);
    expect(evs.some((e) => e.kind === 'instrument.signed' && e['instrument'] === 'mou')).toBe(false);
  });
});
