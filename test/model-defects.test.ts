/**
 * The model defects of the outside audit (issue 7), each through the real scenario format: a YAML text loaded,
 * validated and checked as `paradip run` does, then run with the shipped rule sets. Each test failed on the
 * engine before the fix (the numbers in the comments are what the old engine did).
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadRuleSets } from '../src/cli/files.ts';
import { addUnits } from '../src/model/calendar.ts';
import type { RuleSet } from '../src/rules/rule-set.ts';
import { loadScenario } from '../src/scenario/load-scenario.ts';
import { formatProblem } from '../src/scenario/problem.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { checkInvariants, simulate, startRun } from '../src/testing/index.ts';

const library = loadRuleSets(null);
if (!library.ok) throw new Error('rule-set library does not load');

type Ev = Record<string, unknown> & { kind: string; date: string; tick: number };
const parse = (lines: readonly string[]): Ev[] => lines.map((l) => JSON.parse(l) as Ev);

/** Loads a scenario written as YAML text, as the command does; throws with the problems if it is invalid. */
function load(data: Record<string, unknown>): { scenario: Scenario; ruleSets: RuleSet[] } {
  const r = loadScenario(stringify(data), 'defect.yaml', { ruleSets: library.ok ? library.ruleSets : [] });
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return { scenario: r.scenario, ruleSets: r.ruleSets };
}

function run(data: Record<string, unknown>, seed = 1): Ev[] {
  const { scenario, ruleSets } = load(data);
  return parse(simulate(scenario, ruleSets, seed).events);
}

const ONLY = (...kinds: string[]) =>
  Object.fromEntries(['visit', 'mou', 'agreement', 'treaty', 'office', 'forum', 'twinning', 'membership'].map((k) => [k, { enabled: kinds.includes(k), cost: 0.1 }]));

/** A US state that wants a treaty with a foreign region (forbidden by art. I, s. 10, cl. 1). */
function statesAndRegion(stateId: string, regionId: string): Record<string, unknown> {
  return {
    paradip: 1, id: 'ids', title: 'A forbidden treaty', calendar: { tick: 'month', start: '2000-01', end: '2001-12' },
    centrals: [
      { id: 'US', name: 'United States', ruleSet: 'US', neighbours: ['CA'] },
      { id: 'CA', name: 'Canada', ruleSet: 'OPEN', neighbours: ['US'] },
    ],
    subnationals: [
      { id: stateId, name: 'A state', kind: 'state', central: 'US', neighbours: [regionId], competences: ['economy'], goals: { economic: 1 }, tradeTies: { [regionId]: 1 } },
      { id: regionId, name: 'A region', kind: 'region', central: 'CA', neighbours: [stateId], competences: ['economy'], goals: { economic: 1 }, tradeTies: { [stateId]: 1 } },
    ],
    behaviour: { parameters: { actThreshold: -1, noise: 0 }, instruments: ONLY('treaty') },
  };
}

describe('issue 7 defects', () => {
  it('1. the lesson of a forbidden proposal holds whatever the ids (old: 24 forbidden proposals when the actor sorted last)', () => {
    // Each side learns once that the treaty is forbidden (the state by its own constitution, the region by its
    // partner's), whichever of the two ids sorts first.
    for (const [state, region] of [['AA-HOKKAIDO', 'MM-REGION'], ['ZZ-HOKKAIDO', 'MM-REGION']] as const) {
      const forbidden = run(statesAndRegion(state, region)).filter((e) => e.kind === 'action.forbidden');
      expect(forbidden.filter((e) => e['actor'] === state).length, `${state} with ${region}`).toBe(1);
      expect(forbidden.filter((e) => e['actor'] === region).length, `${region} with ${state}`).toBe(1);
      expect(forbidden[0]!['citations']).toEqual([expect.stringContaining('art. I, s. 10, cl. 1')]);
    }
  });

  /** A Soviet union republic from `start`: treaties with a foreign state under art. 80 from October 1977. */
  function soviet(start: string): Record<string, unknown> {
    return {
      paradip: 1, id: 'ussr', title: 'Union republic', calendar: { tick: 'month', start, end: '1980-12' },
      centrals: [
        { id: 'SU', name: 'USSR', ruleSet: 'SU', neighbours: ['FI'] },
        { id: 'FI', name: 'Finland', ruleSet: 'OPEN', neighbours: ['SU'], attitude: { SU: 0.5 } },
      ],
      subnationals: [
        { id: 'UA', name: 'Ukraine', kind: 'union-republic', central: 'SU', competences: ['economy'], goals: { economic: 1 }, tradeTies: { FI: 1 } },
        { id: 'FI-1', name: 'Uusimaa', kind: 'region', central: 'FI', competences: ['economy'], goals: { economic: 0.1 } },
      ],
      behaviour: { parameters: { actThreshold: -1, noise: 0, partnersPerTick: 8 }, instruments: ONLY('treaty', 'visit') },
    };
  }

  it('2. a lesson learnt while no rule set was in force does not block the rule set that comes later (old: 0 treaties under art. 80)', () => {
    const from1975 = run(soviet('1975-01')).filter((e) => e.kind === 'instrument.signed' && e['instrument'] === 'treaty');
    const from1978 = run(soviet('1978-01')).filter((e) => e.kind === 'instrument.signed' && e['instrument'] === 'treaty');
    expect(from1978.length).toBeGreaterThan(0);
    expect(from1975.length).toBeGreaterThan(0);
    expect(from1975.every((e) => e.date >= '1977-10-07')).toBe(true);
  });

  it('4. a country with no rule set in force is silent, and the legal reason says so (old: every visit forbidden)', () => {
    const ev = run(soviet('1975-01')).filter((e) => e.date < '1977-10-07');
    const visits = ev.filter((e) => e.kind === 'instrument.signed' && e['instrument'] === 'visit');
    expect(visits.length).toBeGreaterThan(0);
    const treaty = ev.find((e) => e.kind === 'action.forbidden' && e['instrument'] === 'treaty')!;
    expect(treaty['citations']).toEqual([expect.stringMatching(/^Silent: no SU rule set is in force on 1975-01-01; binding instruments forbidden/)]);
    // The scenario's silence options decide: allowing binding instruments lets the treaty through.
    const open = soviet('1975-01');
    (open['centrals'] as Record<string, unknown>[])[0]!['ruleOptions'] = { silenceBinding: 'allow' };
    const early = run(open).filter((e) => e.date < '1977-10-07' && e.kind === 'instrument.signed' && e['instrument'] === 'treaty');
    expect(early.length).toBeGreaterThan(0);
  });

  it('3. a timeline cannot switch a central to a rule set that does not exist (positioned); one that exists is loaded', () => {
    const data = soviet('1990-01');
    data['calendar'] = { tick: 'month', start: '1990-01', end: '1995-12' };
    data['timeline'] = [{ id: 'ru', date: '1993-12-12', set: { 'centrals.SU.ruleSet': 'XX' } }];
    const text = stringify(data);
    const bad = loadScenario(text, 'defect.yaml', { ruleSets: library.ok ? library.ruleSets : [] });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems[0]!.message).toMatch(/unknown rule set "XX"/);
    expect(bad.problems[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('centrals.SU.ruleSet')) + 1);
    data['timeline'] = [{ id: 'ru', date: '1993-12-12', set: { 'centrals.SU.ruleSet': 'RU' } }];
    expect(load(data).ruleSets.map((r) => r.id)).toContain('RU');
  });

  /** Quebec under the Parti Québécois: protodiplomatic, kin to France; offices and MOUs with foreign states. */
  function quebec(kinToFrance: boolean): Record<string, unknown> {
    return {
      paradip: 1, id: 'quebec', title: 'Quebec and France', calendar: { tick: 'month', start: '1977-01', end: '1984-12' },
      centrals: [
        { id: 'CA', name: 'Canada', ruleSet: 'CA', neighbours: ['US'] },
        { id: 'FR', name: 'France', ruleSet: 'OPEN', attitude: { CA: 0.2 } },
        { id: 'US', name: 'United States', ruleSet: 'OPEN', neighbours: ['CA'], attitude: { CA: 0.2 } },
      ],
      subnationals: [
        { id: 'QC', name: 'Quebec', kind: 'province', central: 'CA', competences: ['culture', 'economy'], goals: { economic: 0.2, identity: 0.5, protodiplomatic: 1 }, kin: kinToFrance ? ['FR'] : [], tradeTies: { FR: 0.3, US: 0.3 }, attributes: { identityStrength: 0.9, autonomyAspiration: 0.9 } },
        { id: 'US-NY', name: 'New York', kind: 'region', central: 'US', neighbours: [], competences: ['economy'], goals: { economic: 0.1 } },
      ],
      behaviour: { parameters: { actThreshold: 0, noise: 0.1 }, instruments: ONLY('mou', 'visit') },
    };
  }

  it("6. a foreign state judges a proposal from its own side: France takes kin Quebec's protodiplomacy (old: 372 of 411 declined)", () => {
    const ev = run(quebec(true));
    const toFrance = ev.filter((e) => e.kind === 'action.proposed' && (e['parties'] as string[]).includes('FR') && e['protodiplomacy'] === true).map((e) => e['id']);
    expect(toFrance.length).toBeGreaterThan(10);
    const declined = ev.filter((e) => e.kind === 'action.declined' && toFrance.includes(e['id']));
    const signed = ev.filter((e) => e.kind === 'instrument.signed' && toFrance.includes(e['id']));
    expect(signed.length).toBeGreaterThan(declined.length);
    // Its own formula, with its own variables: France's attitude to Canada and kinship, no home-government penalty.
    const any = ev.find((e) => e.kind === 'action.declined' && (e['by'] === 'FR' || e['by'] === 'US'));
    if (any) expect(Object.keys(any['why'] as object)).toContain('partnerState');
  });

  it('6. without kinship the same protodiplomacy is judged less kindly (the partner-state formula reads kin)', () => {
    const share = (kin: boolean) => {
      const ev = run(quebec(kin));
      const ids = ev.filter((e) => e.kind === 'action.proposed' && (e['parties'] as string[]).includes('FR')).map((e) => e['id']);
      return ev.filter((e) => e.kind === 'instrument.signed' && ids.includes(e['id'])).length / Math.max(1, ids.length);
    };
    expect(share(true)).toBeGreaterThan(share(false));
  });

  /** A region that opens offices in foreign capitals, and whose trade with one of them collapses in 2004. */
  function offices(): Record<string, unknown> {
    return {
      paradip: 1, id: 'offices', title: 'Offices abroad', calendar: { tick: 'month', start: '2000-01', end: '2014-12' },
      centrals: [
        { id: 'H', name: 'Home', ruleSet: 'OPEN', neighbours: [] },
        { id: 'F', name: 'Far', ruleSet: 'OPEN' },
        { id: 'G', name: 'Great', ruleSet: 'OPEN' },
      ],
      subnationals: [
        { id: 'RS', name: 'Republika', kind: 'region', central: 'H', competences: ['economy'], goals: { economic: 1 }, capacity: 2, tradeTies: { F: 0.9, G: 0.9 } },
        { id: 'F-1', name: 'Far region', kind: 'region', central: 'F', competences: ['economy'], goals: {} },
      ],
      behaviour: { parameters: { actThreshold: 0.2, noise: 0.05 }, instruments: { ...ONLY('office'), office: { enabled: true, cost: 0.5, review: 24 } } },
      timeline: [{ id: 'trade-collapse', date: '2004-01', set: { 'subnationals.RS.tradeTies.F': 0 } }],
    };
  }

  it('7. an office per host place at most; offices close when their value no longer covers their cost; the agent keeps acting (old: the same office 2-4 times, none after the first years)', () => {
    const { scenario, ruleSets } = load(offices());
    const sim = simulate(scenario, ruleSets, 3, {
      onTick: (r) => {
        const open = r.world.instruments.filter((i) => i.kind === 'office' && (i.status === 'in-force' || i.status === 'awaiting-approval'));
        const hosts = open.map((i) => i.parties.find((p) => p !== i.initiator));
        expect(new Set(hosts).size).toBe(hosts.length);
      },
    });
    const ev = parse(sim.events);
    const lapsed = ev.filter((e) => e.kind === 'instrument.lapsed' && e['instrument'] === 'office');
    expect(lapsed.map((e) => e['parties'])).toContainEqual(['RS', 'F']);
    expect(lapsed.every((e) => e.date >= '2004-01-01')).toBe(true);
    expect(ev.some((e) => e.kind === 'instrument.renewed' && (e['parties'] as string[]).includes('G'))).toBe(true);
    // Still proposing (renewals and new offices) in the last five years.
    expect(ev.filter((e) => e.date >= '2010-01-01' && (e.kind === 'action.proposed' || e.kind === 'instrument.renewed')).length).toBeGreaterThan(0);
  });

  it("9. Switzerland: the central signature is a formality the canton's treaty always passes (old: refused by the consent formula)", () => {
    const ev = run({
      paradip: 1, id: 'ch', title: 'Canton treaty', calendar: { tick: 'month', start: '2000-01', end: '2001-12' },
      centrals: [
        { id: 'CH', name: 'Switzerland', ruleSet: 'CH', neighbours: ['FR'], attitude: { FR: -1 } },
        { id: 'FR', name: 'France', ruleSet: 'OPEN', neighbours: ['CH'], attitude: { CH: 1 } },
      ],
      subnationals: [{ id: 'GE', name: 'Geneva', kind: 'canton', central: 'CH', competences: ['economy'], goals: { economic: 1 }, tradeTies: { FR: 1 } }],
      behaviour: { parameters: { actThreshold: -1, noise: 0 }, instruments: ONLY('treaty'), formulas: { consent: '-1' } },
    });
    const steps = ev.filter((e) => e.kind.startsWith('approval.') && e['step'] === 'sign' && e.kind !== 'approval.requested');
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((e) => e.kind === 'approval.granted')).toBe(true);
    expect(ev.some((e) => e.kind === 'instrument.signed' && e['instrument'] === 'treaty')).toBe(true);
  });

  /** A Chinese province and a Japanese prefecture across the sea; China's attitude to Japan is `attitude`. */
  function china(attitude: number, actor: 'CN' | 'JP'): Record<string, unknown> {
    return {
      paradip: 1, id: 'cn', title: 'Twinning across the sea', calendar: { tick: 'month', start: '2000-01', end: '2001-12' },
      centrals: [
        { id: 'CN', name: 'China', ruleSet: 'CN', neighbours: ['JP'], attitude: { JP: attitude } },
        { id: 'JP', name: 'Japan', ruleSet: 'OPEN', neighbours: ['CN'] },
      ],
      subnationals: [
        { id: 'CN-LN', name: 'Liaoning', kind: 'province', central: 'CN', neighbours: ['JP-HK'], competences: ['culture', 'economy'], goals: { economic: actor === 'CN' ? 1 : 0.5 }, tradeTies: { 'JP-HK': 1 } },
        { id: 'JP-HK', name: 'Hokkaido', kind: 'region', central: 'JP', neighbours: ['CN-LN'], competences: ['culture', 'economy'], goals: { economic: actor === 'JP' ? 1 : 0.5 }, tradeTies: { 'CN-LN': 1 } },
      ],
      behaviour: { parameters: { actThreshold: actor === 'CN' ? -1 : 0.1, acceptThreshold: -5, noise: 0.05 }, instruments: ONLY('twinning') },
    };
  }

  it('10. China: the Foreign Affairs Office veto fires when the centre is hostile to the partner country (old: 0 in 20 runs at attitude -1)', () => {
    const hostile = run(china(-1, 'CN'));
    const vetoed = hostile.filter((e) => e.kind === 'action.vetoed');
    expect(vetoed.length).toBeGreaterThan(0);
    expect(vetoed[0]!['by']).toBe('CN');
    expect(hostile.some((e) => e.kind === 'instrument.signed')).toBe(false);
    const friendly = run(china(0.5, 'CN'));
    expect(friendly.some((e) => e.kind === 'action.vetoed')).toBe(false);
    expect(friendly.some((e) => e.kind === 'instrument.signed')).toBe(true);
  });

  it("10. China: a foreign unit's proposal to a Chinese unit meets the same veto (old: it bypassed it)", () => {
    const ev = run(china(-1, 'JP'));
    const proposedByJp = ev.filter((e) => e.kind === 'action.proposed' && e['actor'] === 'JP-HK');
    expect(proposedByJp.length).toBeGreaterThan(0);
    const ids = new Set(proposedByJp.map((e) => e['id']));
    const vetoed = ev.filter((e) => e.kind === 'action.vetoed' && ids.has(e['id']));
    expect(vetoed.length).toBe(proposedByJp.length);
    expect(vetoed.every((e) => e['by'] === 'CN' && (e['why'] as Record<string, unknown>)['party'] === 'CN-LN')).toBe(true);
  });

  it("11. the ratify formula reads the tie's value to the ratifying unit (old: total = 0, so 'total - 0.3' refused everything)", () => {
    const ev = run({
      paradip: 1, id: 'be', title: 'Community treaty', calendar: { tick: 'month', start: '1995-01', end: '1996-12' },
      centrals: [
        { id: 'BE', name: 'Belgium', ruleSet: 'BE', neighbours: ['FR'] },
        { id: 'FR', name: 'France', ruleSet: 'OPEN', neighbours: ['BE'], attitude: { BE: 1 } },
      ],
      subnationals: [
        { id: 'BE-FR', name: 'French Community', kind: 'community', central: 'BE', competences: ['culture', 'education'], goals: { identity: 1 }, kin: ['FR'], attributes: { identityStrength: 1 } },
      ],
      behaviour: { parameters: { actThreshold: -1, noise: 0 }, instruments: ONLY('treaty'), formulas: { ratify: 'total - 0.3' } },
    });
    const ratified = ev.filter((e) => e.kind === 'approval.granted' && e['step'] === 'ratify');
    expect(ratified.length).toBeGreaterThan(0);
    expect(((ratified[0]!['why'] as Record<string, number>)['total'])).toBeGreaterThan(0.3);
  });

  it('11. a rule set governs the kinds of unit it names: a US city meets its silence, not the Compact Clause', () => {
    const data = statesAndRegion('US-NYC', 'CA-1');
    const units = data['subnationals'] as Record<string, unknown>[];
    units[0]!['kind'] = 'city';
    // The loader refuses such a unit, positioned at its kind.
    const r = loadScenario(stringify(data), 'defect.yaml', { ruleSets: library.ok ? library.ruleSets : [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toBe('rule set US governs no city');
    // Run anyway (through the engine), the treaty meets the rule set's silence with that reason.
    units[0]!['kind'] = 'state';
    const { scenario, ruleSets } = load(data);
    scenario.subnationals.find((u) => u.id === 'US-NYC')!.kind = 'city';
    const forbidden = parse(simulate(scenario, ruleSets, 1).events).find((e) => e.kind === 'action.forbidden')!;
    expect(forbidden['citations']).toEqual([expect.stringMatching(/names no rule for a city \(it governs state\); Silent/)]);
  });

  it('12. the order of issues in the file does not matter (old: swapping two identical issues changed which law passed, seed 7)', () => {
    const issue = (id: string) => ({ id, name: `Issue ${id}`, domain: 'environment', units: { 'H-1': { emission: 1, sensitivity: 1 }, 'N-1': { emission: 2, sensitivity: 0.5 } }, law: { centrals: ['H'] } });
    const data = (order: string[]) => ({
      paradip: 1, id: 'issues', title: 'Two issues', calendar: { tick: 'month', start: '2000-01', end: '2004-12' },
      centrals: [
        { id: 'H', name: 'Home', ruleSet: 'OPEN', neighbours: ['N'], executive: { stance: { P: 0.5, Q: 0.5 } }, legislature: { chambers: [{ id: 'house', name: 'House', support: { P: 0.6, Q: 0.6 } }] } },
        { id: 'N', name: 'Neighbour', ruleSet: 'OPEN', neighbours: ['H'] },
      ],
      subnationals: [
        { id: 'H-1', name: 'Home region', kind: 'region', central: 'H', neighbours: ['N-1'], competences: ['environment'], goals: { P: 1, Q: 1 }, location: [0, 0] },
        { id: 'N-1', name: 'Neighbour region', kind: 'region', central: 'N', neighbours: ['H-1'], competences: ['environment'], goals: { P: 1, Q: 1 }, location: [100, 0] },
      ],
      issues: order.map(issue),
      behaviour: { parameters: { actThreshold: 0, lawChance: 0.3 } },
    });
    for (const seed of [1, 7]) {
      const a = run(data(['P', 'Q']), seed);
      const b = run(data(['Q', 'P']), seed);
      expect(a.some((e) => e.kind === 'law.enacted' && e['level'] === 'central')).toBe(true);
      expect(b).toEqual(a);
    }
  });

  it('13. a parameter named like a formula variable is refused at load, naming the formulas that read it (old: it leaked between agents)', () => {
    const data = statesAndRegion('AA-1', 'BB-1');
    (data['behaviour'] as Record<string, Record<string, unknown>>)['parameters']!['weight'] = 0;
    const text = stringify(data);
    const r = loadScenario(text, 'defect.yaml', { ruleSets: library.ok ? library.ruleSets : [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.message).toMatch(/weight/);
    expect(r.problems[0]!.message).toMatch(/lobby/);
    expect(r.problems[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('weight')) + 1);
  });

  it('14. a fractional approvalTimeout (3.5 months) makes approvals lapse 3.5 months after they open (old: never)', () => {
    const ev = run({
      paradip: 1, id: 'timeout', title: 'Congress never votes', calendar: { tick: 'day', start: '2000-01-01', end: '2000-12-31' },
      centrals: [
        { id: 'US', name: 'United States', ruleSet: 'US', neighbours: ['CA'], legislature: { chambers: [{ id: 'house', name: 'House', gatekeepers: [{ id: 'chair', name: 'Chair', position: {} }] }] } },
        { id: 'CA', name: 'Canada', ruleSet: 'OPEN', neighbours: ['US'] },
      ],
      subnationals: [
        { id: 'US-NY', name: 'New York', kind: 'state', central: 'US', neighbours: ['CA-QC'], competences: ['economy'], goals: { economic: 1 }, tradeTies: { 'CA-QC': 1 } },
        { id: 'CA-QC', name: 'Quebec', kind: 'region', central: 'CA', neighbours: ['US-NY'], competences: ['economy'], goals: { economic: 1 }, tradeTies: { 'US-NY': 1 } },
      ],
      behaviour: { parameters: { actThreshold: -1, acceptThreshold: -5, noise: 0, approvalTimeout: 3.5, gate: 0.5 }, instruments: ONLY('agreement') },
    });
    const requested = ev.filter((e) => e.kind === 'approval.requested' && e['step'] === 'vote');
    const lapsed = ev.filter((e) => e.kind === 'approval.refused' && e['step'] === 'vote');
    expect(requested.length).toBeGreaterThan(0);
    expect(lapsed.length).toBeGreaterThan(0);
    // Under day ticks the deadline is the exact date: three months, then half of the fourth month in days.
    for (const refused of lapsed) {
      const opened = requested.find((e) => e['approval'] === refused['approval'])!;
      expect(opened['deadline']).toBe(addUnits(opened.date, 'month', 3.5));
      expect(opened['deadline']).not.toBe(addUnits(opened.date, 'month', 3));
      expect(opened['deadline']).not.toBe(addUnits(opened.date, 'month', 4));
      expect(refused.date).toBe(opened['deadline']);
    }
  });

  it('14. an approval step opened without a deadline is itself an invariant violation', () => {
    const { scenario, ruleSets } = load(statesAndRegion('AA-1', 'BB-1'));
    const r = startRun(scenario, ruleSets, { seed: 1, variant: null, overrides: [] });
    r.world.instruments.push({
      id: 'i000001', kind: 'agreement', initiator: 'AA-1', parties: ['AA-1', 'BB-1'], domain: 'economy', issue: null, status: 'awaiting-approval', proposedTick: 0,
      signedTick: null, endedTick: null, reviewedTick: null, duchacek: 'cross-border', protodiplomacy: false, citations: [], legal: [], denunciationDemandedTick: null, denunciationDemandedBy: null,
      approvals: [{ id: 'a1', step: 'vote', approver: 'US', organ: 'legislature', chambers: null, threshold: null, party: 'AA-1', citation: 'c', openedTick: 0, deadlineTick: null, within: null, onSilence: null, status: 'pending', resolvedTick: null }],
    });
    r.world.tick = 5;
    expect(checkInvariants(r.model, r.world)).toEqual([expect.objectContaining({ invariant: 'deadline-resolved', instrument: 'i000001', message: expect.stringContaining('without a deadline') })]);
  });
});
