/**
 * Scenario S13 (scenarios/soviet-union-russia.yaml): its declared targets hold over seeds 1-20; the two UN seats
 * are inputs of 1945 while everything after the start follows from rules and decisions (other republics ask and
 * the charter refuses; the 1991 successions carry the seats to Ukraine and Belarus); each change of rule set is an
 * event with its legal basis; the timeline holds inputs only; the counterfactuals change what they should.
 */
import { describe, expect, it } from 'vitest';
import { prepareScenario, runScenario, targetsOver } from './support/shipped-scenario.ts';

const FILE = 'scenarios/soviet-union-russia.yaml';
const SEEDS = 20;

const prepare = (variant: string | null = null, seed = 1) => prepareScenario(FILE, variant, seed);

const run = (variant: string | null = null, seed = 1) => runScenario(FILE, variant, seed);

describe('the Soviet Union and Russia 1945-1999', () => {
  it(`every declared target meets its pass rate over seeds 1-${SEEDS}`, async () => {
    const targets = await targetsOver(FILE, SEEDS);
    expect(targets.map((t) => t.target.id)).toEqual(['two-seats', 'until-dissolution', 'seats-end', 'none-elsewhere', 'art-80', 'russia-1993', 'central-proxy', 'russia-japan', 'not-before']);
    for (const t of targets) expect(t.passRate, `${t.target.id}: ${t.passRate} of seeds, ${t.target.passRate} required`).toBeGreaterThanOrEqual(t.target.passRate);
  });

  it('other republics ask for seats and the UN declines them; the successions carry the two seats to the new states', () => {
    const { events, world } = run();
    const asked = events.filter((e) => e.kind === 'action.proposed' && e['instrument'] === 'membership' && (e['parties'] as string[]).includes('UN'));
    expect(new Set(asked.map((e) => e['actor']))).toEqual(new Set(['SU-GE', 'SU-KZ']));
    const declined = events.filter((e) => e.kind === 'action.declined' && e['by'] === 'UN');
    expect(declined.length).toBe(asked.length);
    const ukraine = events.find((e) => e.kind === 'central.succeeded' && e['predecessor'] === 'SU-UA')!;
    expect(ukraine).toMatchObject({ date: '1992-01-01', successor: 'UKR' });
    expect((ukraine['instruments'] as string[]).length).toBe(1);
    const seats = world.instruments.filter((i) => i.kind === 'membership' && i.status === 'in-force' && i.parties.includes('UN'));
    expect(seats.map((i) => i.parties[0]).sort()).toEqual(['BLR', 'UKR']);
    // A unit that became a state acts no more as a unit.
    expect(events.filter((e) => e.kind === 'action.proposed' && e['actor'] === 'SU-UA' && e.date >= '1992-01')).toEqual([]);
  });

  it('each change of rule set is an event: 1977 in force, 1991 silent, 1993 Russia', () => {
    const changes = run().events.filter((e) => e.kind === 'rules.changed');
    expect(changes.map((e) => [e.date, e['from'], e['to'], e['cause']])).toEqual([
      ['1977-11-01', null, 'SU', 'date'],
      ['1992-01-01', 'SU', null, 'timeline'],
      ['1994-01-01', null, 'RU', 'date'],
    ]);
    expect(String(changes[0]!['citation'])).toMatch(/art\. 80/);
    expect(String(changes[1]!['citation'])).toMatch(/^Silent: no RU rule set is in force/);
  });

  it('Russian-Japanese MOUs stand on silence: the USSR\'s rules name no region, Russia\'s none of these instruments', () => {
    const { events } = run();
    const mous = events.filter((e) => e.kind === 'instrument.signed' && e['instrument'] === 'mou');
    expect(mous.length).toBeGreaterThan(0);
    for (const m of mous) {
      expect(m.date >= '1992-01').toBe(true);
      const legal = m['legal'] as { party: string; ruleSet: string; rule: string }[];
      expect(legal.map((l) => l.rule)).toEqual(['silence', 'silence']);
    }
  });

  it('the timeline holds inputs only: leaders, the central\'s country and name, trade data', () => {
    const { scenario } = prepare().run.model;
    const input = /^(centrals\.SU\.(executive\.leader|ruleSet|name)|subnationals\.(SU|JP)-[A-Z]+\.tradeTies\.(SU|JP)-[A-Z]+)$/;
    for (const path of scenario.timeline.flatMap((t) => Object.keys(t.set))) expect(path).toMatch(input);
    expect(scenario.holdings.map((h) => [h.kind, ...h.parties])).toEqual([['membership', 'SU-UA', 'UN'], ['membership', 'SU-BY', 'UN']]);
  });

  it('charter-open: the republics that ask win seats; far-east-closed: no Russian-Japanese MOU (seeds 1-3)', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const open = run('charter-open', seed).events.filter((e) => e.kind === 'instrument.signed' && e['instrument'] === 'membership');
      expect(open.length, `seed ${seed}`).toBeGreaterThan(0);
      expect(run('far-east-closed', seed).events.filter((e) => e.kind === 'instrument.signed' && e['instrument'] === 'mou'), `seed ${seed}`).toEqual([]);
    }
  });
});
