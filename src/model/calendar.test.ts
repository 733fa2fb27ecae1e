import { describe, expect, it } from 'vitest';
import { addUnits, dateOf, deadlineTick, parseDate, parseDuration, tickCount, tickOf, type Calendar } from './calendar.ts';

const monthly: Calendar = { unit: 'month', start: '1977-01-01', end: '1992-12-01' };

describe('calendar', () => {
  it('parses and validates dates', () => {
    expect(parseDate('1982-06')).toBe('1982-06-01');
    expect(parseDate('1993-05-18')).toBe('1993-05-18');
    expect(parseDate('1993-02-30')).toBeNull();
    expect(parseDate('May 1993')).toBeNull();
  });
  it('maps ticks to dates and back for every unit', () => {
    for (const unit of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const cal: Calendar = { unit, start: '1980-01-31', end: '2000-01-01' };
      for (let t = 0; t < 200; t += 7) expect(tickOf(cal, dateOf(cal, t))).toBe(t);
    }
  });
  it('clamps month ends', () => {
    expect(addUnits('1980-01-31', 'month', 1)).toBe('1980-02-29');
    expect(addUnits('1980-01-31', 'quarter', 1)).toBe('1980-04-30');
  });
  it('counts ticks inclusive of the end date', () => {
    expect(tickCount(monthly)).toBe(16 * 12);
    expect(tickCount({ unit: 'year', start: '1980-01-01', end: '1989-06-01' })).toBe(10);
  });
  it('turns eight weeks into a deadline by date whatever the tick length', () => {
    const eight = parseDuration('8 weeks')!;
    expect(eight).toEqual({ amount: 8, unit: 'week' });
    // Opened 1 Jan 1990: 56 days later is 26 Feb 1990.
    const daily: Calendar = { unit: 'day', start: '1990-01-01', end: '1991-01-01' };
    expect(dateOf(daily, deadlineTick(daily, 0, eight))).toBe('1990-02-26');
    const weekly: Calendar = { unit: 'week', start: '1990-01-01', end: '1991-01-01' };
    expect(deadlineTick(weekly, 0, eight)).toBe(8);
    const month: Calendar = { unit: 'month', start: '1990-01-01', end: '1991-01-01' };
    expect(dateOf(month, deadlineTick(month, 0, eight))).toBe('1990-03-01');
    const year: Calendar = { unit: 'year', start: '1990-01-01', end: '2000-01-01' };
    expect(deadlineTick(year, 0, eight)).toBe(1);
  });
});
