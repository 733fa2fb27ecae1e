/**
 * Phase `timeline`: exogenous inputs applied on the tick of their date (the first tick on or after it), each
 * entry one event listing what it set in path order; and checkTimeline, which tries every path on a copy.
 */
import { describe, expect, it } from 'vitest';
import { dateOf } from '../../model/calendar.ts';
import type { World } from '../../model/world.ts';
import type { RuleSet } from '../../rules/rule-set.ts';
import { scenarioSchema } from '../../scenario/schema.ts';
import { EventLog } from '../events.ts';
import { initialWorld } from '../initial-world.ts';
import { buildModel, type Model } from '../model.ts';
import { checkTimeline, timeline } from './timeline.ts';

const OPEN: RuleSet = {
  id: 'OPEN', country: 'OPEN', name: 'Open', valid: {}, legalBasis: 'test', sources: [], subnationalKinds: ['region'], rules: [], powers: [],
  silence: { binding: 'allow', nonBinding: 'allow', citation: 'open' }, silent: [], options: {},
};

function setup(entries: unknown[], tick: 'month' | 'week' = 'month', start = '2000-01') {
  const scenario = scenarioSchema.parse({
    paradip: 1, id: 'timeline', title: 'Timeline', calendar: { tick, start, end: '2002-12' },
    centrals: [{ id: 'H', name: 'Home', ruleSet: 'OPEN', executive: { leader: 'Ada', stance: { env: 0.2 } } }],
    subnationals: [{ id: 'H-1', name: 'Home region', kind: 'region', central: 'H', attributes: { autonomyAspiration: 0.1 } }],
    issues: [{ id: 'env', name: 'Environment', domain: 'environment' }],
    timeline: entries,
  });
  const model = buildModel(scenario, [OPEN]);
  return { model, world: initialWorld(model, 1) };
}

function run(model: Model, world: World, tick: number) {
  world.tick = tick;
  const log = new EventLog(world, dateOf(model.calendar, tick));
  timeline(model, world, log);
  return log.events.map(({ seq: _seq, tick: _tick, date: _date, ...rest }) => rest);
}

const H = (world: World) => world.centrals[0]!;

describe('timeline', () => {
  it('an entry dated by month applies on that month\'s tick and no other', () => {
    const { model, world } = setup([{ id: 'sceptic', date: '2000-03', note: 'a sceptic takes office', set: { 'centrals.H.executive.stance.env': -0.4 } }]);
    expect(run(model, world, 1)).toEqual([]);
    expect(H(world).executive.stance['env']).toBe(0.2);
    expect(run(model, world, 2)).toEqual([{ kind: 'timeline.applied', entry: 'sceptic', note: 'a sceptic takes office', set: { 'centrals.H.executive.stance.env': -0.4 } }]);
    expect(H(world).executive.stance['env']).toBe(-0.4);
    H(world).executive.stance['env'] = 0.5;
    expect(run(model, world, 3)).toEqual([]);
    expect(H(world).executive.stance['env']).toBe(0.5);
  });

  it('a date within a tick applies on the first tick on or after it (a mid-month date, under week ticks)', () => {
    const month = setup([{ date: '2000-03-15', set: { 'centrals.H.executive.leader': 'Bo' } }]);
    expect(run(month.model, month.world, 2)).toEqual([]);
    expect(run(month.model, month.world, 3)).toHaveLength(1);
    expect(H(month.world).executive.leader).toBe('Bo');
    // Weeks from Saturday 2000-01-01: 2000-03-01 is day 60, so week 9 (2000-03-04) is the first on or after it.
    const week = setup([{ date: '2000-03', set: { 'centrals.H.executive.leader': 'Bo' } }], 'week');
    expect(dateOf(week.model.calendar, 9)).toBe('2000-03-04');
    expect(run(week.model, week.world, 8)).toEqual([]);
    expect(run(week.model, week.world, 9)).toHaveLength(1);
  });

  it('an entry dated before the start applies on the first tick', () => {
    const { model, world } = setup([{ id: 'early', date: '1999-06', set: { 'subnationals.H-1.attributes.autonomyAspiration': 0.9 } }], 'month', '2000-01-15');
    expect(run(model, world, 0)).toHaveLength(1);
    expect(world.subnationals[0]!.attributes['autonomyAspiration']).toBe(0.9);
  });

  it('the event lists the paths set in path order, whatever the order in the file; an entry without an id is named by its place', () => {
    const set = { 'subnationals.H-1.attributes.autonomyAspiration': 0.7, 'centrals.H.executive.stance.env': 0.1, 'centrals.H.executive.leader': 'Cy', 'centrals.H.executive.stance.air': 0.3 };
    const { model, world } = setup([{ date: '2000-02', set: { 'centrals.H.executive.leader': 'Bo' } }, { date: '2000-01', set }]);
    const events = run(model, world, 0);
    expect(events).toEqual([{ kind: 'timeline.applied', entry: 'timeline-0', note: '', set }]);
    expect(Object.keys(events[0]!['set'] as object)).toEqual(['centrals.H.executive.leader', 'centrals.H.executive.stance.air', 'centrals.H.executive.stance.env', 'subnationals.H-1.attributes.autonomyAspiration']);
    expect(H(world).executive).toMatchObject({ leader: 'Cy', stance: { env: 0.1, air: 0.3 } });
    expect(world.subnationals[0]!.attributes['autonomyAspiration']).toBe(0.7);
    expect(run(model, world, 1)).toEqual([{ kind: 'timeline.applied', entry: 'timeline-1', note: '', set: { 'centrals.H.executive.leader': 'Bo' } }]);
  });

  it('entries of one tick apply in order (date, then id), so a later one wins', () => {
    const { model, world } = setup([
      { id: 'b', date: '2000-02-01', set: { 'centrals.H.executive.leader': 'second' } },
      { id: 'a', date: '2000-02', set: { 'centrals.H.executive.leader': 'first' } },
    ]);
    expect(run(model, world, 1).map((e) => e['entry'])).toEqual(['a', 'b']);
    expect(H(world).executive.leader).toBe('second');
  });

  it('a path that does not exist is an error naming the entry', () => {
    const named = setup([{ id: 'bad', date: '2000-01', set: { 'centrals.X.executive.leader': 'Bo' } }]);
    expect(() => run(named.model, named.world, 0)).toThrow('timeline entry bad: no "X" in centrals.X.executive.leader');
    const unnamed = setup([{ date: '2000-01', set: { 'centrals.H.executive.leader': 1 } }]);
    expect(() => run(unnamed.model, unnamed.world, 0)).toThrow('timeline entry 0: centrals.H.executive.leader holds a string, not a number');
  });

  it('an input changes this run\'s world, never the scenario the world shares its records with, so the next run starts as loaded', () => {
    const set = { 'subnationals.H-1.attributes.autonomyAspiration': 0.9, 'subnationals.H-1.goals.env': 0.6, 'subnationals.H-1.capacity': 3 };
    const { model, world } = setup([{ id: 'input', date: '2000-01', set }]);
    const loaded = model.scenario.subnationals[0]!;
    // The world reads the scenario's own records until an input writes into one (initial-world.ts).
    expect(world.subnationals[0]!.attributes).toBe(loaded.attributes);
    run(model, world, 0);
    expect(world.subnationals[0]!.attributes['autonomyAspiration']).toBe(0.9);
    expect(world.subnationals[0]!.goals['env']).toBe(0.6);
    expect(world.subnationals[0]!.capacity).toBe(3);
    expect(loaded.attributes['autonomyAspiration']).toBe(0.1);
    expect(Object.hasOwn(loaded.goals, 'env')).toBe(false);
    expect(loaded.capacity).toBe(1);
    const next = initialWorld(model, 1).subnationals[0]!;
    expect(next.attributes['autonomyAspiration']).toBe(0.1);
    expect(next.goals['env']).toBeUndefined();
  });

  it('an input into a record the engine holds by identity (a unit\'s issue state, an executive) writes it in place', () => {
    const set = { 'issues.env.units.H-1.emission': 3, 'centrals.H.executive.leader': 'Bo' };
    const { model, world } = setup([{ id: 'input', date: '2000-01', set }]);
    const state = world.issues[0]!.units['H-1']!;
    const executive = H(world).executive;
    run(model, world, 0);
    expect(world.issues[0]!.units['H-1']).toBe(state);
    expect(state.emission).toBe(3);
    expect(H(world).executive).toBe(executive);
    expect(executive.leader).toBe('Bo');
  });
});

describe('checkTimeline', () => {
  it('lists every path that cannot be set, by entry index, without touching the world', () => {
    const { model, world } = setup([
      { id: 'ok', date: '2000-01', set: { 'centrals.H.executive.leader': 'Bo', 'centrals.H.executive.stance.env': 0.9 } },
      { date: '2000-02', set: { 'centrals.X.executive.leader': 'Bo', 'centrals.H.executive.leader': 3, 'centrals.H.name': 'Home' } },
      { date: '2000-03', set: { 'subnationals.H-2.attributes.x': 1 } },
    ]);
    const before = structuredClone(world);
    expect(checkTimeline(model, world)).toEqual([
      { index: 1, path: 'centrals.X.executive.leader', error: 'no "X" in centrals.X.executive.leader' },
      { index: 1, path: 'centrals.H.executive.leader', error: 'centrals.H.executive.leader holds a string, not a number' },
      { index: 2, path: 'subnationals.H-2.attributes.x', error: 'no "H-2" in subnationals.H-2.attributes.x' },
    ]);
    expect(world).toEqual(before);
  });

  it('a valid timeline has no errors', () => {
    const { model, world } = setup([{ date: '2000-01', set: { 'centrals.H.executive.stance.air': 0.5 } }]);
    expect(checkTimeline(model, world)).toEqual([]);
    expect(H(world).executive.stance).toEqual({ env: 0.2 });
  });
});
