/** Targets on hand-made events: every measure and expectation, passing and failing. */
import { describe, expect, it } from 'vitest';
import type { Calendar } from '../model/calendar.ts';
import type { Expectation, TargetSpec } from '../scenario/schema.ts';
import { batches, compactEvent, distribution, firstOverSeeds, planFor, seedList, targetsOverSeeds, type SeedResult } from './seeds.ts';
import {
  describeExpectation,
  evaluateTarget,
  indicatorTick,
  matches,
  measureTarget,
  meetsExpectation,
  monthsBetween,
  targetProblems,
  type IndicatorRow,
  type TargetEvent,
} from './targets.ts';

const calendar: Calendar = { unit: 'month', start: '1980-01-01', end: '1990-12-01' };

const events: TargetEvent[] = [
  { date: '1982-03-01', kind: 'instrument.signed', instrument: 'mou', issue: 'acid-rain', parties: ['CA-QC', 'US-NY'], initiator: 'CA-QC' },
  { date: '1983-06-01', kind: 'instrument.signed', instrument: 'mou', issue: 'acid-rain', parties: ['CA-ON', 'US-MN'], initiator: 'CA-ON' },
  { date: '1984-01-01', kind: 'law.enacted', by: 'US-NY', level: 'subnational', issue: 'acid-rain' },
  { date: '1986-12-01', kind: 'instrument.signed', instrument: 'agreement', issue: 'acid-rain', parties: ['US-NY', 'CA-QC'], initiator: 'US-NY' },
  { date: '1987-01-01', kind: 'instrument.signed', instrument: 'mou', issue: 'trade', parties: ['CA-QC', 'US-VT'], initiator: 'CA-QC' },
  { date: '1987-01-01', kind: 'action.vetoed', instrument: 'treaty', actor: 'CA-QC', by: 'CA', parties: ['CA-QC', 'FR'] },
  { date: '1988-05-01', kind: 'law.enacted', by: 'CA', level: 'central', issue: 'acid-rain' },
];

const rows: IndicatorRow[] = [
  { tick: 0, date: '1980-01-01', values: { mous: 0 } },
  { tick: 59, date: '1984-12-01', values: { mous: 2 } },
  { tick: 83, date: '1986-12-01', values: { mous: 3 } },
  { tick: 131, date: '1990-12-01', values: { mous: null } },
];

function target(measure: TargetSpec['measure'], expect: Expectation): TargetSpec {
  return { id: 't', description: '', history: '', passRate: 0.8, measure, expect };
}

const value = (measure: TargetSpec['measure']) => measureTarget(target(measure, {}), events, rows, calendar);
const passes = (measure: TargetSpec['measure'], expect: Expectation) => evaluateTarget(target(measure, expect), events, rows, calendar).pass;

describe('lag', () => {
  it('measures whole months between two first matches, and fails when one is missing', () => {
    const events = [
      { seq: 1, tick: 0, date: '1990-11-15', kind: 'law.enacted', by: 'US' },
      { seq: 2, tick: 4, date: '1991-03-13', kind: 'instrument.signed', instrument: 'treaty' },
    ] as unknown as Parameters<typeof measureTarget>[1];
    const cal = { unit: 'month' as const, start: '1990-01-01', end: '1992-12-01' };
    const t = { id: 'agreement', description: '', history: '', passRate: 0.8, measure: { lag: { from: { kind: 'law.enacted', by: 'US' }, to: { kind: 'instrument.signed', instrument: 'treaty' as const } } }, expect: { between: [0, 12] as [number, number] } };
    expect(measureTarget(t, events, [], cal)).toBe(4);
    expect(evaluateTarget(t, events, [], cal).pass).toBe(true);
    expect(evaluateTarget({ ...t, expect: { between: [5, 12] } }, events, [], cal).pass).toBe(false);
    expect(measureTarget(t, events.slice(0, 1), [], cal)).toBeNull();
    expect(evaluateTarget(t, events.slice(0, 1), [], cal).pass).toBe(false);
    expect(monthsBetween('1991-03-13', '1990-11-15')).toBe(-4);
    expect(targetProblems({ ...t, expect: { after: '1990-01' } }).map((p) => p.path)).toEqual([['expect', 'after']]);
  });
});

describe('filters', () => {
  it('match kind, instrument, issue and party', () => {
    expect(value({ count: { kind: 'instrument.signed' } })).toBe(4);
    expect(value({ count: { kind: 'instrument.signed', instrument: 'mou' } })).toBe(3);
    expect(value({ count: { kind: 'instrument.signed', issue: 'trade' } })).toBe(1);
    expect(value({ count: { kind: 'instrument.signed', party: 'US-NY' } })).toBe(2);
    expect(value({ count: { kind: 'instrument.denounced' } })).toBe(0);
  });

  it('`by` reads the event field by, else actor, else initiator', () => {
    expect(value({ count: { kind: 'law.enacted', by: 'US-NY' } })).toBe(1);
    expect(value({ count: { kind: 'instrument.signed', by: 'CA-QC' } })).toBe(2);
    expect(value({ count: { kind: 'action.vetoed', by: 'CA' } })).toBe(1);
    expect(value({ count: { kind: 'action.vetoed', by: 'CA-QC' } })).toBe(0);
  });

  it('from/to are inclusive at their own precision', () => {
    expect(value({ count: { kind: 'instrument.signed', to: '1986-12' } })).toBe(3);
    expect(value({ count: { kind: 'instrument.signed', to: '1986-11-30' } })).toBe(2);
    expect(value({ count: { kind: 'instrument.signed', from: '1983-06', to: '1987-01' } })).toBe(3);
    expect(value({ count: { kind: 'instrument.signed', from: '1983-06-02' } })).toBe(2);
  });

  it('a compact event matches as the full event does', () => {
    const full = { ...events[0]!, seq: 3, tick: 26, why: { score: 1 }, citations: ['x'] };
    expect(compactEvent(full)).toEqual(events[0]);
    expect(matches({ kind: 'instrument.signed', party: 'US-NY', by: 'CA-QC' }, compactEvent(full))).toBe(true);
  });
});

describe('measures and expectations', () => {
  it('count: between, atLeast, atMost, equals', () => {
    const m = { count: { kind: 'instrument.signed', instrument: 'mou' as const } };
    expect(passes(m, { between: [2, 4] })).toBe(true);
    expect(passes(m, { between: [4, 6] })).toBe(false);
    expect(passes(m, { atLeast: 3, atMost: 3 })).toBe(true);
    expect(passes(m, { atMost: 2 })).toBe(false);
    expect(passes(m, { equals: 3 })).toBe(true);
    expect(passes(m, { equals: 2 })).toBe(false);
  });

  it('first: the first matching date; after is on or after, before is strictly before', () => {
    const m = { first: { kind: 'law.enacted' } };
    expect(value(m)).toBe('1984-01-01');
    expect(passes(m, { after: '1984-01', before: '1984-02' })).toBe(true);
    expect(passes(m, { before: '1984-01' })).toBe(false);
    expect(passes(m, { after: '1984-01-02' })).toBe(false);
    expect(value({ first: { kind: 'law.enacted', by: 'US-MN' } })).toBeNull();
    expect(passes({ first: { kind: 'law.enacted', by: 'US-MN' } }, { before: '2100-01' })).toBe(false);
  });

  it('parties: sorted distinct ids, with a prefix; includes/excludes and counts', () => {
    expect(value({ parties: { kind: 'instrument.signed' } })).toEqual(['CA-ON', 'CA-QC', 'US-MN', 'US-NY', 'US-VT']);
    const m = { parties: { kind: 'instrument.signed', prefix: 'US-' } };
    expect(value(m)).toEqual(['US-MN', 'US-NY', 'US-VT']);
    expect(passes(m, { includes: ['US-NY', 'US-VT'], excludes: ['CA-QC'], between: [2, 3] })).toBe(true);
    expect(passes(m, { includes: ['US-ME'] })).toBe(false);
    expect(passes(m, { excludes: ['US-MN'] })).toBe(false);
    expect(passes(m, { atLeast: 4 })).toBe(false);
    // Events without parties add their actor.
    expect(value({ parties: { kind: 'law.enacted' } })).toEqual(['CA', 'US-NY']);
  });

  it('order: every first match exists and the first dates strictly increase', () => {
    const inOrder = { order: [{ kind: 'instrument.signed' }, { kind: 'law.enacted' }] };
    expect(value(inOrder)).toBe(true);
    expect(passes(inOrder, { equals: true })).toBe(true);
    expect(value({ order: [{ kind: 'law.enacted' }, { kind: 'instrument.signed' }] })).toBe(false);
    // The same date twice is not an order; a missing match is not either.
    expect(value({ order: [{ kind: 'instrument.signed', issue: 'trade' }, { kind: 'action.vetoed' }] })).toBe(false);
    expect(value({ order: [{ kind: 'instrument.signed' }, { kind: 'instrument.denounced' }] })).toBe(false);
    expect(passes({ order: [{ kind: 'law.enacted' }, { kind: 'instrument.signed' }] }, { equals: true })).toBe(false);
  });

  it('indicator: the row of the tick dated `at`, or the last before it', () => {
    expect(indicatorTick(calendar, '1984-12')).toBe(59);
    expect(indicatorTick(calendar, '1984-12-15')).toBe(59);
    expect(indicatorTick(calendar, '1979-06')).toBe(-1);
    expect(indicatorTick(calendar, '1999-01')).toBe(131);
    expect(value({ indicator: { id: 'mous', at: '1984-12' } })).toBe(2);
    expect(value({ indicator: { id: 'mous', at: '1986-06' } })).toBe(2);
    expect(value({ indicator: { id: 'mous', at: '1979-06' } })).toBeNull();
    expect(value({ indicator: { id: 'mous', at: '1990-12' } })).toBeNull();
    expect(passes({ indicator: { id: 'mous', at: '1987-01' } }, { between: [3, 3] })).toBe(true);
    expect(passes({ indicator: { id: 'mous', at: '1987-01' } }, { atLeast: 4 })).toBe(false);
  });

  it('an empty expectation, a null value or a key that does not apply fails', () => {
    expect(meetsExpectation({}, 3)).toBe(false);
    expect(meetsExpectation({ atLeast: 0 }, null)).toBe(false);
    expect(meetsExpectation({ after: '1980-01' }, 3)).toBe(false);
    expect(meetsExpectation({ includes: ['x'] }, '1984-01-01')).toBe(false);
    expect(meetsExpectation({ equals: true }, 1)).toBe(false);
  });
});

describe('target checks and wording', () => {
  it('reports expectations that do not apply to the measure', () => {
    expect(targetProblems(target({ count: { kind: 'law.enacted' } }, { atLeast: 1 }))).toEqual([]);
    expect(targetProblems(target({ count: { kind: 'law.enacted' } }, { after: '1990-01' })).map((p) => p.path)).toEqual([['expect', 'after']]);
    expect(targetProblems(target({ first: { kind: 'law.enacted' } }, {})).map((p) => p.path)).toEqual([['expect']]);
    expect(targetProblems(target({ order: [{ kind: 'a' }, { kind: 'b' }] }, { equals: 1 })).map((p) => p.path)).toEqual([['expect', 'equals']]);
    expect(targetProblems(target({ count: { kind: 'a' } }, { between: [5, 1] })).map((p) => p.path)).toEqual([['expect', 'between']]);
  });

  it('describes expectations in words', () => {
    expect(describeExpectation({ between: [6, 10] })).toBe('6 to 10');
    expect(describeExpectation({ after: '1989-06', before: '1991-07' })).toBe('on or after 1989-06, before 1991-07');
    expect(describeExpectation({ includes: ['US-NY'], atLeast: 2 })).toBe('at least 2, includes US-NY');
    expect(describeExpectation({ equals: true })).toBe('in this order');
  });
});

describe('across seeds', () => {
  const seed = (n: number, evs: TargetEvent[]): SeedResult => ({ seed: n, events: evs, rows: [] });
  const results = [seed(1, events), seed(2, events.slice(2)), seed(3, []), seed(4, events.slice(0, 1))];

  it('pass rates count seeds, and the distribution puts "none" last', () => {
    const first = target({ first: { kind: 'instrument.signed' } }, { before: '1985-01' });
    const [over] = targetsOverSeeds([first], results, calendar);
    expect(over!.values).toEqual(['1982-03-01', '1986-12-01', null, '1982-03-01']);
    expect(over!.passes).toEqual([true, false, false, true]);
    expect(over!.passRate).toBe(0.5);
    expect(over!.pass).toBe(false);
    expect(over!.distribution).toEqual({ median: '1982-03-01', min: '1982-03-01', max: null });
    expect(distribution([['a', 'b'], ['a'], []])).toEqual({ median: 1, min: 0, max: 2 });
  });

  it('a first date across seeds: share matched, median, share by a date', () => {
    const r = firstOverSeeds({ kind: 'law.enacted', by: 'US-NY' }, results, ['1983-12', '1984-01']);
    expect(r.dates).toEqual(['1984-01-01', '1984-01-01', null, null]);
    expect(r.matched).toBe(0.5);
    expect(r.median).toBe('1984-01-01');
    expect(r.byDate).toEqual({ '1983-12': 0, '1984-01': 0.5 });
  });

  it('a plan keeps the kinds of every filter and the indicator ticks', () => {
    const ts = [target({ count: { kind: 'law.enacted' } }, { atLeast: 1 }), target({ order: [{ kind: 'a' }, { kind: 'b' }] }, { equals: true }), target({ indicator: { id: 'mous', at: '1984-12' } }, { atLeast: 1 })];
    expect(planFor(ts, calendar, [{ kind: 'c' }])).toEqual({ kinds: ['a', 'b', 'c', 'law.enacted'], indicators: [{ id: 'mous', tick: 59 }] });
  });

  it('batches keep every seed once, in order', () => {
    const seeds = seedList(7, 10);
    expect(seeds).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    for (const w of [1, 2, 3, 16]) expect(batches(seeds, w).flat()).toEqual(seeds);
    expect(batches(seeds, 2)).toHaveLength(5);
  });
});

describe('record measures: dyads, match, years', () => {
  const mou = { kind: 'instrument.signed', instrument: 'mou' as const, issue: 'acid-rain' };
  const m = (measure: Record<string, unknown>) => value(measure as TargetSpec['measure']);

  it('dyads lists each pair once, ids sorted within it, and includes compares pairs in either order', () => {
    expect(m({ dyads: mou })).toEqual(['CA-ON+US-MN', 'CA-QC+US-NY']);
    expect(passes({ dyads: mou }, { includes: ['US-NY+CA-QC'] })).toBe(true);
    expect(passes({ dyads: mou }, { includes: ['US-WA+CA-BC'] })).toBe(false);
    expect(passes({ dyads: mou }, { excludes: ['US-MN+CA-ON'] })).toBe(false);
  });

  it('match: precision and recall of pairs and of ids against the record', () => {
    const record = ['US-NY+CA-QC', 'US-WA+CA-BC', 'US-MI+CA-ON'];
    expect(m({ match: { ...mou, pairs: true, record, score: 'precision' } })).toBe(0.5);
    expect(m({ match: { ...mou, pairs: true, record, score: 'recall' } })).toBeCloseTo(1 / 3, 12);
    expect(m({ match: { kind: 'law.enacted', pairs: false, prefix: 'US-', record: ['US-NY', 'US-MN'], score: 'precision' } })).toBe(1);
    expect(m({ match: { kind: 'law.enacted', pairs: false, prefix: 'US-', record: ['US-NY', 'US-MN'], score: 'recall' } })).toBe(0.5);
    // Nothing matched: recall is 0, precision has no value (and fails).
    expect(m({ match: { kind: 'none', pairs: false, record: ['US-NY'], score: 'recall' } })).toBe(0);
    expect(m({ match: { kind: 'none', pairs: false, record: ['US-NY'], score: 'precision' } })).toBeNull();
    expect(passes({ match: { ...mou, pairs: true, record, score: 'precision' } } as TargetSpec['measure'], { atLeast: 0.5 })).toBe(true);
    expect(passes({ match: { ...mou, pairs: true, record, score: 'precision' } } as TargetSpec['measure'], { atLeast: 0.6 })).toBe(false);
  });

  it("years: the earth mover's distance in years from the record's shares", () => {
    // Run: 1982 and 1983, one each. Record all in 1982: half the mass moves one year.
    expect(m({ years: { ...mou, record: { '1982': 2 } } })).toBe(0.5);
    expect(m({ years: { ...mou, record: { '1982': 1, '1983': 1 } } })).toBe(0);
    // Record in 1985: the 1982 half moves three years, the 1983 half two.
    expect(m({ years: { ...mou, record: { '1985': 4 } } })).toBe(2.5);
    // A year outside the run's range on the early side.
    expect(m({ years: { ...mou, record: { '1980': 1 } } })).toBe(2.5);
    expect(m({ years: { kind: 'none', record: { '1982': 1 } } })).toBeNull();
    expect(passes({ years: { ...mou, record: { '1982': 2 } } } as TargetSpec['measure'], { atMost: 0.4 })).toBe(false);
    expect(passes({ years: { ...mou, record: { '1982': 2 } } } as TargetSpec['measure'], { atMost: 0.5 })).toBe(true);
    expect(targetProblems(target({ years: { ...mou, record: { '1982': 1 } } } as TargetSpec['measure'], { includes: ['x'] })).map((p) => p.path)).toEqual([['expect', 'includes']]);
  });
});
