import { describe, expect, it } from 'vitest';
import type { Calendar } from '../model/calendar.ts';
import type { Scenario } from '../scenario/schema.ts';
import { measureSchema, type MeasureSpec } from './experiment-schema.ts';
import { decimalYear, matchesFilter, measureRun, monthsApart, type RunRecord } from './measures.ts';

const countries = new Map([['H', 'H'], ['H-A', 'H'], ['H-B', 'H'], ['N', 'N'], ['N-A', 'N']]);
const scenario = { targets: [] } as unknown as Scenario;
const calendar: Calendar = { unit: 'month', start: '1995-01-01', end: '1995-12-01' };
const m = (spec: object): MeasureSpec => measureSchema.parse({ name: 'x', ...spec });

const record: RunRecord = {
  events: [
    { date: '1995-01-01', kind: 'approval.requested', id: 'i1', step: 'consent', party: 'H-A' },
    { date: '1995-02-01', kind: 'approval.requested', id: 'i2', step: 'consent', party: 'H-B' },
    { date: '1995-03-01', kind: 'instrument.signed', id: 'i1', instrument: 'agreement', parties: ['H-A', 'N-A'], duchacek: 'cross-border' },
    { date: '1995-03-01', kind: 'instrument.signed', id: 'i3', instrument: 'mou', parties: ['N-A', 'N'], duchacek: null },
    { date: '1995-08-16', kind: 'instrument.signed', id: 'i2', instrument: 'treaty', parties: ['H-B', 'N-A'], duchacek: 'transregional' },
  ],
  dates: ['1995-01-01', '1995-02-01', '1995-03-01', '1995-04-01'],
  series: { ties: [0, 1, null, 3] },
};
const value = (spec: object): number => measureRun(m(spec), record, scenario, calendar, countries);

describe('measures', () => {
  it('dates are decimal years: the share of the year elapsed at the start of the day', () => {
    expect(decimalYear('1995-01-01')).toBe(1995);
    expect(decimalYear('1995-07-02')).toBeCloseTo(1995 + 182 / 365, 12);
    expect(decimalYear('1996-12-31')).toBeCloseTo(1996 + 365 / 366, 12);
  });

  it('months apart: whole calendar months plus days as a share of an average month', () => {
    expect(monthsApart('1995-01-01', '1995-03-01')).toBe(2);
    expect(monthsApart('1995-02-01', '1995-08-16')).toBeCloseTo(6 + 15 / 30.4375, 12);
  });

  it('count filters by instrument list, Duchacek type and country', () => {
    expect(value({ count: { kind: 'instrument.signed' } })).toBe(3);
    expect(value({ count: { kind: 'instrument.signed', instrument: ['agreement', 'treaty'] } })).toBe(2);
    expect(value({ count: { kind: 'instrument.signed', instrument: 'mou' } })).toBe(1);
    expect(value({ count: { kind: 'instrument.signed', duchacek: 'cross-border' } })).toBe(1);
    expect(value({ count: { kind: 'instrument.signed', country: 'H' } })).toBe(2);
    expect(value({ count: { kind: 'instrument.signed', country: 'N' } })).toBe(3);
    expect(value({ count: { kind: 'approval.requested', country: 'H', step: 'consent' } })).toBe(2);
    expect(value({ count: { kind: 'law.enacted' } })).toBe(0);
    expect(matchesFilter({ kind: 'instrument.signed', country: 'X' }, record.events[2]!, countries)).toBe(false);
  });

  it('first is a decimal year, NaN when nothing matches; lag in months; order as 1 or 0', () => {
    expect(value({ first: { kind: 'instrument.signed', instrument: 'treaty' } })).toBeCloseTo(decimalYear('1995-08-16'), 12);
    expect(value({ first: { kind: 'law.enacted' } })).toBeNaN();
    expect(value({ lag: { from: { kind: 'approval.requested' }, to: { kind: 'instrument.signed', instrument: 'treaty' } } })).toBe(7);
    expect(value({ order: [{ kind: 'approval.requested' }, { kind: 'instrument.signed' }] })).toBe(1);
    expect(value({ order: [{ kind: 'instrument.signed' }, { kind: 'approval.requested' }] })).toBe(0);
    expect(value({ parties: { kind: 'instrument.signed', prefix: 'H-' } })).toBe(2);
  });

  it('latency pairs events by instrument id and summarises the months', () => {
    const lat = (statistic: string): number => value({ latency: { from: { kind: 'approval.requested', step: 'consent' }, to: { kind: 'instrument.signed' }, statistic } });
    const second = 6 + 15 / 30.4375;
    expect(lat('mean')).toBeCloseTo((2 + second) / 2, 12);
    expect(lat('max')).toBeCloseTo(second, 12);
    expect(lat('min')).toBe(2);
    expect(lat('count')).toBe(2);
    expect(value({ latency: { from: { kind: 'law.enacted' }, to: { kind: 'instrument.signed' } } })).toBeNaN();
  });

  it('indicators: at a date, final, mean, max over a window, first above a value', () => {
    expect(value({ indicator: { id: 'ties', summary: 'at', at: '1995-02' } })).toBe(1);
    expect(value({ indicator: { id: 'ties', summary: 'at', at: '1995-03' } })).toBeNaN();
    expect(value({ indicator: { id: 'ties' } })).toBe(3);
    expect(value({ indicator: { id: 'ties', summary: 'mean' } })).toBeCloseTo(4 / 3, 12);
    expect(value({ indicator: { id: 'ties', summary: 'max', to: '1995-02' } })).toBe(1);
    expect(value({ indicator: { id: 'ties', summary: 'first-above', above: 0.5 } })).toBeCloseTo(decimalYear('1995-02-01'), 12);
    expect(value({ indicator: { id: 'ties', summary: 'first-above', above: 5 } })).toBeNaN();
  });
});
