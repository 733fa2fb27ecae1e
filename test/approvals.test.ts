/**
 * The approval machinery end to end, under the shipped rule sets: Austria's tacit consent after eight weeks
 * whatever the tick length, Congress consent kept off the floor by a gatekeeper, a Belgian Community
 * Council's ratification, and the prohibitions that never reach a partner.
 */
import { describe, expect, it } from 'vitest';
import { loadRuleSets } from '../src/cli/files.ts';
import { addUnits } from '../src/model/calendar.ts';
import { scenarioSchema } from '../src/scenario/schema.ts';
import { simulate } from '../src/testing/index.ts';

const library = loadRuleSets(null);
if (!library.ok) throw new Error('rule-set library does not load');
const ruleSets = library.ruleSets;
/** The kind of unit a country's rule set governs (a US state, an Austrian Land, a Belgian community). */
const kindOf = (country: string): string => ruleSets.find((r) => r.country === country)?.subnationalKinds[0] ?? 'region';

/** Home region H-1 under `ruleSet`, eager to sign agreements with cross-border partner N-1 (OPEN rules). */
function scenario(ruleSet: string, tick: 'day' | 'week' | 'month', parameters: Record<string, number>, extra: Record<string, unknown> = {}) {
  return scenarioSchema.parse({
    paradip: 1,
    id: 'approvals',
    title: 'Approvals',
    calendar: { tick, start: '2000-01-01', end: tick === 'day' ? '2000-06-30' : '2001-12-31' },
    centrals: [
      { id: 'H', name: 'Home', ruleSet, neighbours: ['N'], ...extra },
      { id: 'N', name: 'Neighbour', ruleSet: 'OPEN', neighbours: ['H'] },
    ],
    subnationals: [
      { id: 'H-1', name: 'Home region', kind: kindOf(ruleSet), central: 'H', neighbours: ['N-1'], competences: ['economy', 'culture', 'education'], goals: { economic: 1 }, tradeTies: { 'N-1': 1 } },
      { id: 'N-1', name: 'Neighbour region', kind: 'region', central: 'N', neighbours: ['H-1'], competences: ['economy'], goals: { economic: 1 }, tradeTies: { 'H-1': 1 } },
    ],
    behaviour: {
      parameters: { actThreshold: -10, acceptThreshold: -10, noise: 0, ...parameters },
      // Only binding agreements are on the table, so every action goes through the approval path.
      instruments: Object.fromEntries(['visit', 'mou', 'treaty', 'office', 'forum', 'twinning', 'membership'].map((k) => [k, { enabled: false, cost: 0 }])),
    },
  });
}

const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown> & { kind: string; tick: number; date: string });

describe('approvals', () => {
  for (const tick of ['day', 'week', 'month'] as const) {
    it(`Austria: eight weeks of federal silence is consent, with ${tick} ticks (B-VG art. 16(2))`, () => {
      const { events } = simulate(scenario('AT', tick, { responsiveness: 0 }), ruleSets, 1);
      const ev = parse(events);
      const requested = ev.find((e) => e.kind === 'approval.requested' && e['step'] === 'consent')!;
      expect(requested).toBeDefined();
      const tacit = ev.find((e) => e.kind === 'approval.tacit' && e['approval'] === requested['approval'])!;
      expect(tacit).toBeDefined();
      // The deadline is a date: eight weeks after the request, met on the first tick on or after it.
      const due = addUnits(requested.date, 'week', 8);
      expect(String(requested['deadline']) >= due).toBe(true);
      expect(tacit.date).toBe(requested['deadline']);
      expect(ev.filter((e) => e.kind === 'approval.tacit' && e.date < due && e['approval'] === requested['approval'])).toEqual([]);
      const signed = ev.find((e) => e.kind === 'instrument.signed' && e['id'] === requested['id'])!;
      expect(signed['approvals']).toEqual([
        expect.objectContaining({ step: 'notify', outcome: 'granted' }),
        expect.objectContaining({ step: 'consent', outcome: 'tacit', citation: expect.stringContaining('16(2)') }),
      ]);
    });
  }

  it('Austria: a federal government that answers in time can refuse (a veto)', () => {
    const s = scenario('AT', 'week', { responsiveness: 1 }, { attitude: { N: -1 } });
    // The consent formula is the scenario's to set; here the government's attitude to the partner decides.
    s.behaviour.formulas['consent'] = 'attitude';
    const { events } = simulate(s, ruleSets, 1);
    const ev = parse(events);
    expect(ev.some((e) => e.kind === 'approval.refused' && e['step'] === 'consent')).toBe(true);
    expect(ev.some((e) => e.kind === 'approval.tacit')).toBe(false);
  });

  it('US: a gatekeeper keeps the consent of Congress off the floor until the request lapses (art. I, s. 10, cl. 3)', () => {
    const legislature = { chambers: [{ id: 'house', name: 'House', support: {}, gatekeepers: [{ id: 'chair', name: 'Chair', role: 'Rules Committee', position: {} }] }] };
    const { events } = simulate(scenario('US', 'month', { responsiveness: 1, gate: 0.5, approvalTimeout: 3 }, { legislature }), ruleSets, 1);
    const ev = parse(events);
    const refused = ev.filter((e) => e.kind === 'approval.refused');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r['why']).toMatchObject({ silentUntilDeadline: true, keptOffTheFloorBy: ['Chair'] });
    expect(ev.some((e) => e.kind === 'instrument.signed')).toBe(false);
  });

  it('US: with the gate open, Congress votes and the agreement is signed with its consent', () => {
    const legislature = { chambers: [{ id: 'house', name: 'House', support: {}, gatekeepers: [] }] };
    const { events } = simulate(scenario('US', 'month', { responsiveness: 1 }, { legislature }), ruleSets, 1);
    const signed = parse(events).filter((e) => e.kind === 'instrument.signed');
    expect(signed.length).toBeGreaterThan(0);
    for (const s of signed) expect(s['approvals']).toEqual([expect.objectContaining({ step: 'vote', organ: 'legislature', outcome: 'granted' })]);
  });

  it('Belgium: a Community treaty is ratified by its own Council, not by the King (art. 128)', () => {
    const s = scenario('BE', 'month', {});
    s.subnationals[0]!.kind = 'community';
    s.subnationals[0]!.goals = { economic: 0, identity: 1, protodiplomatic: 0 };
    s.subnationals[0]!.attributes = { identityStrength: 1 };
    s.behaviour.instruments['treaty'] = { enabled: true, cost: 0, fit: {}, term: 0 };
    const ev = parse(simulate(s, ruleSets, 1).events);
    const signed = ev.filter((e) => e.kind === 'instrument.signed' && e['instrument'] === 'treaty');
    expect(signed.length).toBeGreaterThan(0);
    for (const t of signed) expect(t['approvals']).toEqual([expect.objectContaining({ step: 'ratify', organ: 'own-legislature', approver: 'H-1' })]);
  });

  it('a forbidden action never reaches the partner: Argentina before 1994 (no provincial treaties)', () => {
    const s = scenario('AR', 'month', {});
    s.calendar = { tick: 'month', start: '1990-01', end: '1991-12' };
    const ev = parse(simulate(s, ruleSets, 1).events);
    const forbidden = ev.filter((e) => e.kind === 'action.forbidden');
    expect(forbidden.length).toBeGreaterThan(0);
    expect(ev.some((e) => e.kind === 'action.declined' || e.kind === 'instrument.signed')).toBe(false);
    expect(forbidden[0]!['citations']).toEqual([expect.stringMatching(/1853|before 1994/)]);
  });

  it('Austria: the federation demands denunciation and takes over when the Land does not comply (B-VG art. 16(3))', () => {
    const s = scenario('AT', 'month', { responsiveness: 0 }, { attitude: { N: 0.5 } });
    // The federal government's attitude to the neighbour collapses in 2001 (an input); the Land refuses to comply.
    s.timeline = [{ id: 'rift', date: '2001-01', note: 'relations with N collapse', set: { 'centrals.H.attitude.N': -1 } }];
    s.behaviour.formulas['comply'] = '-1';
    s.behaviour.formulas['consent'] = 'attitude';
    const ev = parse(simulate(s, ruleSets, 1).events);
    const demanded = ev.filter((e) => e.kind === 'denunciation.demanded');
    expect(demanded.length).toBeGreaterThan(0);
    expect(demanded.every((e) => e.date >= '2001-01-01')).toBe(true);
    expect(demanded[0]!['citation']).toContain('16(3)');
    const taken = ev.filter((e) => e.kind === 'instrument.takenOver');
    expect(taken.map((e) => e['id'])).toEqual(expect.arrayContaining([demanded[0]!['id']]));
    expect(taken[0]!['citations']).toEqual([expect.stringContaining('16(3)')]);
  });

  it('Austria: a Land that complies denounces the treaty itself', () => {
    const s = scenario('AT', 'month', { responsiveness: 0 }, { attitude: { N: 0.5 } });
    s.timeline = [{ id: 'rift', date: '2001-01', note: '', set: { 'centrals.H.attitude.N': -1 } }];
    s.behaviour.formulas['comply'] = '1';
    s.behaviour.formulas['consent'] = 'attitude';
    const ev = parse(simulate(s, ruleSets, 1).events);
    expect(ev.some((e) => e.kind === 'instrument.denounced' && e['by'] === 'H-1')).toBe(true);
    expect(ev.some((e) => e.kind === 'instrument.takenOver')).toBe(false);
  });

  it('US: no power to demand denunciation, so a hostile federal government leaves agreements in force', () => {
    const legislature = { chambers: [{ id: 'house', name: 'House', support: {}, gatekeepers: [] }] };
    const s = scenario('US', 'month', { responsiveness: 1 }, { legislature, attitude: { N: 0.5 } });
    s.timeline = [{ id: 'rift', date: '2001-01', note: '', set: { 'centrals.H.attitude.N': -1 } }];
    s.behaviour.formulas['consent'] = 'attitude';
    const ev = parse(simulate(s, ruleSets, 1).events);
    expect(ev.some((e) => e.kind === 'instrument.signed' && e.date < '2001-01-01')).toBe(true);
    expect(ev.some((e) => e.kind === 'denunciation.demanded' || e.kind === 'instrument.denounced' || e.kind === 'instrument.takenOver')).toBe(false);
  });
});
