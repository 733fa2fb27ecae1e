import { describe, expect, it } from 'vitest';
import { addUnits, dateOf, deadlineTick, durationOf, formatDuration, parseDate, parseDuration, tickCount, tickOf, type Calendar } from './calendar.ts';

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

  it('parses decimal amounts', () => {
    expect(parseDuration('3.5 months')).toEqual({ amount: 3.5, unit: 'month' });
    expect(parseDuration('1.5 weeks')).toEqual({ amount: 1.5, unit: 'week' });
    expect(parseDuration('0.25 year')).toEqual({ amount: 0.25, unit: 'year' });
    expect(parseDuration(' 2 days ')).toEqual({ amount: 2, unit: 'day' });
  });
  it('parses the shorthands d, w, m (months), q, y', () => {
    expect(parseDuration('30d')).toEqual({ amount: 30, unit: 'day' });
    expect(parseDuration('12w')).toEqual({ amount: 12, unit: 'week' });
    expect(parseDuration('3m')).toEqual({ amount: 3, unit: 'month' });
    expect(parseDuration('1.5q')).toEqual({ amount: 1.5, unit: 'quarter' });
    expect(parseDuration('2y')).toEqual({ amount: 2, unit: 'year' });
  });
  it.each(['-1 weeks', '1e3 days', 'Infinity months', 'NaN months', '.5 months', '3. months', '8 fortnights', '12 w', '12W', '', 'weeks'])(
    'rejects %j',
    (text) => expect(parseDuration(text)).toBeNull(),
  );
  it('rejects amounts beyond 10,000 years, in any unit', () => {
    expect(parseDuration('10000 years')).toEqual({ amount: 10_000, unit: 'year' });
    expect(parseDuration('10001 years')).toBeNull();
    expect(parseDuration('120001 months')).toBeNull();
    expect(parseDuration('3652425 days')).toEqual({ amount: 3_652_425, unit: 'day' });
    expect(parseDuration('3652426 days')).toBeNull();
    expect(parseDuration('99999999999999999999999 days')).toBeNull();
  });
  it('durationOf checks an amount as parseDuration does; formatDuration reads back', () => {
    expect(durationOf(3.5, 'month')).toEqual({ amount: 3.5, unit: 'month' });
    expect(durationOf(Number.NaN, 'month')).toBeNull();
    expect(durationOf(Number.POSITIVE_INFINITY, 'day')).toBeNull();
    expect(durationOf(-0.5, 'week')).toBeNull();
    expect(durationOf(1e-7, 'month')).toEqual({ amount: 1e-7, unit: 'month' });
    expect(formatDuration({ amount: 3.5, unit: 'month' })).toBe('3.5 months');
    expect(formatDuration({ amount: 1, unit: 'week' })).toBe('1 week');
    expect(parseDuration(formatDuration({ amount: 12, unit: 'week' }))).toEqual({ amount: 12, unit: 'week' });
  });
  it('adds whole units, then the fraction as days of the following unit, rounded up to a whole day', () => {
    // 31 Jan + 3 months = 30 Apr (clamped); half of the 30 days to 30 May = 15 days.
    expect(addUnits('2000-01-31', 'month', 3.5)).toBe('2000-05-15');
    // 1 Jan + 3 months = 1 Apr; half of April's 30 days.
    expect(addUnits('2000-01-01', 'month', 3.5)).toBe('2000-04-16');
    // 1 week, then 3.5 days of the next week, rounded up to 4.
    expect(addUnits('2000-01-01', 'week', 1.5)).toBe('2000-01-12');
    expect(addUnits('2000-01-01', 'day', 3.5)).toBe('2000-01-05');
    // A tenth of January's 31 days is 3.1 days: rounded up to 4.
    expect(addUnits('2000-01-01', 'month', 0.1)).toBe('2000-01-05');
    // A tenth of a 30-day month is exactly 3 days, whatever binary floating point makes of 0.1 * 30.
    expect(addUnits('2000-04-01', 'month', 0.1)).toBe('2000-04-04');
    // A quarter of the leap year 2000 (366 days) is 91.5 days: 92.
    expect(addUnits('2000-01-01', 'year', 0.25)).toBe('2000-04-02');
    expect(addUnits('2000-01-01', 'quarter', 1.5)).toBe('2000-05-17');
    expect(addUnits('2000-01-01', 'month', 2)).toBe('2000-03-01');
  });
  it('turns a fractional approval timeout into a deadline', () => {
    const month: Calendar = { unit: 'month', start: '1990-01-01', end: '1992-01-01' };
    // Opened 1 March 1990: three months to 1 June, half of June's 30 days: 16 June, so the July tick.
    expect(dateOf(month, deadlineTick(month, 2, parseDuration('3.5 months')!))).toBe('1990-07-01');
    // "3.5 months" was not a duration before: approvals with a fractional approvalTimeout never lapsed.
    expect(parseDuration(`${3.5} months`)).not.toBeNull();
    const weekly: Calendar = { unit: 'week', start: '1990-01-01', end: '1991-01-01' };
    expect(deadlineTick(weekly, 0, parseDuration('1.5 weeks')!)).toBe(2);
  });
  it('puts a deadline thousands of years away after the end of any calendar', () => {
    for (const unit of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const cal: Calendar = { unit, start: '1990-01-31', end: '2000-01-01' };
      expect(deadlineTick(cal, 3, { amount: 10_000, unit: 'year' })).toBeGreaterThan(tickCount(cal));
    }
  });
});

describe('memoised tick dates', () => {
  it('gives each calendar its own dates, also when one object is edited in place', () => {
    const c: Calendar = { unit: 'month', start: '2000-01-31', end: '2001-12-31' };
    expect(dateOf(c, 1)).toBe('2000-02-29');
    expect(tickOf(c, '2000-03-15')).toBe(2);
    c.start = '2000-01-01';
    expect(dateOf(c, 1)).toBe('2000-02-01');
    expect(tickOf(c, '2000-03-15')).toBe(3);
    c.unit = 'week';
    expect(dateOf(c, 1)).toBe('2000-01-08');
    const other: Calendar = { unit: 'month', start: '2000-01-31', end: '2001-12-31' };
    expect(dateOf(other, 1)).toBe('2000-02-29');
  });

  it('answers the same after the memo is cleared by many calendars', () => {
    const first: Calendar = { unit: 'day', start: '1999-12-30', end: '2000-12-31' };
    expect(dateOf(first, 3)).toBe('2000-01-02');
    for (let y = 1900; y < 1940; y++) expect(dateOf({ unit: 'year', start: `${y}-02-28`, end: '2000-01-01' }, 1)).toBe(`${y + 1}-02-28`);
    expect(dateOf(first, 3)).toBe('2000-01-02');
    expect(tickOf(first, '2000-01-02')).toBe(3);
  });

  it('computes fractional and out-of-range ticks without keeping them', () => {
    const c: Calendar = { unit: 'month', start: '2000-01-31', end: '2001-12-31' };
    expect(dateOf(c, 1.5)).toBe(addUnits('2000-01-31', 'month', 1.5));
    expect(dateOf(c, 1)).toBe('2000-02-29');
  });
});
