/**
 * Central powers outside approval steps, end to end: Germany's duty to consult its Länder when the federation
 * concludes an agreement in their competences (Basic Law art. 32(2)), a sanction of protodiplomacy where a
 * rule set grants one, and China's veto through the Foreign Affairs Office's subordination to the MFA.
 */
import { describe, expect, it } from 'vitest';
import { loadRuleSets } from '../src/cli/files.ts';
import type { RuleSet } from '../src/rules/rule-set.ts';
import { scenarioSchema } from '../src/scenario/schema.ts';
import { simulate } from '../src/testing/index.ts';

const library = loadRuleSets(null);
if (!library.ok) throw new Error('rule-set library does not load');
const monthsBetween = (a: string, b: string): number => (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
/** The kind of unit a country's rule set governs ('land' for a test rule set). */
const kindOf = (country: string): string => library.ruleSets.find((r) => r.country === country)?.subnationalKinds[0] ?? 'land';
const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown> & { kind: string; date: string });

function twoCountries(home: string, extra: Record<string, unknown> = {}) {
  return scenarioSchema.parse({
    paradip: 1, id: 'powers', title: 'Powers', calendar: { tick: 'month', start: '2000-01', end: '2002-12' },
    centrals: [
      { id: 'H', name: 'Home', ruleSet: home, neighbours: ['N'], executive: { stance: { env: 0.8 } } },
      { id: 'N', name: 'Neighbour', ruleSet: 'OPEN', neighbours: ['H'], executive: { stance: { env: 0.8 } } },
    ],
    subnationals: [
      { id: 'H-1', name: 'Home region', kind: kindOf(home), central: 'H', neighbours: ['N-1'], competences: ['environment', 'economy'], goals: { economic: 1 }, tradeTies: { 'N-1': 1 } },
      { id: 'H-2', name: 'Other home region', kind: kindOf(home), central: 'H', competences: ['economy'], goals: {} },
      { id: 'N-1', name: 'Neighbour region', kind: 'region', central: 'N', neighbours: ['H-1'], competences: ['economy'], goals: { economic: 1 }, tradeTies: { 'H-1': 1 } },
    ],
    issues: [{ id: 'env', name: 'Environment', domain: 'environment', agreement: { between: ['H', 'N'] } }],
    behaviour: { parameters: { agreementChance: 1, noise: 0 } },
    ...extra,
  });
}

describe('central powers', () => {
  it('Germany: the federation consults the Länder whose competences its agreement touches (art. 32(2))', () => {
    const ev = parse(simulate(twoCountries('DE'), library.ruleSets, 1).events);
    const treaty = ev.find((e) => e.kind === 'instrument.signed' && e['instrument'] === 'treaty' && (e['parties'] as string[]).includes('H'))!;
    expect(treaty).toBeDefined();
    const consulted = ev.filter((e) => e.kind === 'central.consulted');
    expect(consulted).toEqual([expect.objectContaining({ central: 'H', subnationals: ['H-1'], issue: 'env', citation: expect.stringContaining('32') })]);
    // "In sufficient time, before concluding": the consultation comes first, at least consultMonths (3) earlier.
    expect(consulted[0]!.date < treaty.date).toBe(true);
    expect(monthsBetween(consulted[0]!.date, treaty.date)).toBeGreaterThanOrEqual(3);
  });

  it('Germany: the consultation delays the agreement (with agreementChance 1 it would come the month positions overlap)', () => {
    const de = parse(simulate(twoCountries('DE'), library.ruleSets, 1).events);
    const us = parse(simulate(twoCountries('US'), library.ruleSets, 1).events);
    const signed = (ev: typeof de) => ev.find((e) => e.kind === 'instrument.signed' && e['instrument'] === 'treaty')!.date;
    expect(monthsBetween(signed(us), signed(de))).toBe(3);
  });

  it('United States: no duty to consult is stated, so no consultation', () => {
    const ev = parse(simulate(twoCountries('US'), library.ruleSets, 1).events);
    expect(ev.some((e) => e.kind === 'instrument.signed' && e['instrument'] === 'treaty')).toBe(true);
    expect(ev.some((e) => e.kind === 'central.consulted')).toBe(false);
  });

  it('a sanction power answers protodiplomacy: the central sanctions the unit and the relation worsens', () => {
    const sanctioning: RuleSet = {
      id: 'SANCTION', country: 'SANCTION', name: 'Test rule set with a sanction power', valid: {}, legalBasis: 'test', sources: [],
      subnationalKinds: ['land'], rules: [], powers: [{ power: 'sanction', citation: 'test: sanction of protodiplomacy' }],
      silence: { binding: 'allow', nonBinding: 'allow', citation: 'test silence' }, silent: [], options: {},
    };
    const s = twoCountries('SANCTION');
    s.subnationals[0]!.goals = { economic: 0, identity: 0, protodiplomatic: 1 };
    s.subnationals[0]!.attributes = { autonomyAspiration: 1 };
    s.behaviour.parameters['actThreshold'] = -1;
    s.behaviour.parameters['acceptThreshold'] = -5;
    const ev = parse(simulate(s, [...library.ruleSets, sanctioning], 1).events);
    const sanctions = ev.filter((e) => e.kind === 'central.sanctioned');
    expect(sanctions.length).toBeGreaterThan(0);
    expect(sanctions[0]).toMatchObject({ central: 'H', subnational: 'H-1', citation: 'test: sanction of protodiplomacy' });
    const signed = ev.find((e) => e.kind === 'instrument.signed' && e['id'] === sanctions[0]!['id'])!;
    expect(signed['protodiplomacy']).toBe(true);
    expect(ev.some((e) => e.kind === 'relation.changed' && e['subnational'] === 'H-1' && (e['to'] === 'competition' || e['to'] === 'conflict'))).toBe(true);
  });

  it('China: a local tie can be vetoed by the centre (FAO subordinated to the MFA)', () => {
    const s = twoCountries('CN');
    s.behaviour.formulas['veto'] = '-1';
    s.behaviour.parameters['actThreshold'] = -1;
    const ev = parse(simulate(s, library.ruleSets, 1).events);
    const vetoed = ev.filter((e) => e.kind === 'action.vetoed');
    expect(vetoed.length).toBeGreaterThan(0);
    expect(vetoed[0]!['citations']).toEqual([expect.stringContaining('Ministry of Foreign Affairs')]);
    expect(ev.some((e) => e.kind === 'instrument.signed' && (e['parties'] as string[]).includes('H-1'))).toBe(false);
  });

  it('a position change records what moved it (the inputs of the centralPosition formula)', () => {
    const s = twoCountries('US');
    s.timeline = [{ id: 'new-leader', date: '2001-01', note: 'a sceptic takes office', set: { 'centrals.H.executive.stance.env': -0.4 } }];
    const ev = parse(simulate(s, library.ruleSets, 1).events);
    const moved = ev.find((e) => e.kind === 'position.changed' && e['by'] === 'H')!;
    expect(moved).toMatchObject({ date: '2001-01-01', fromPosition: 0.8, toPosition: -0.4, why: { stance: -0.4, pressure: 0, ties: 0, laws: 0 } });
  });
});

