/**
 * The calendar maps ticks to dates. Dates are ISO strings (YYYY-MM-DD, UTC) so they sort, serialise and
 * compare as text. Durations ("8 weeks") become deadlines by date, not by a tick count, so a deadline means
 * the same under any tick length: the deadline tick is the first tick whose date is on or after it.
 */
import type { TickUnit } from './vocabulary.ts';

export interface Calendar {
  unit: TickUnit;
  /** Date of tick 0. */
  start: string;
  /** Date of the last tick (inclusive). */
  end: string;
}

const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** The years a date may have: four digits, and no year 0 (ISO 8601's 1 BC). */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;
/** The most ticks a calendar may have: a million days is about 2,700 years, a million months 83,000. */
export const MAX_TICKS = 1_000_000;

/** Parses "YYYY-MM" or "YYYY-MM-DD" (years 0001 to 9999) into a normalised ISO date, or null if it is not a real date. */
export function parseDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (y < FIRST_YEAR || y > LAST_YEAR) return null;
  const t = utc(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return iso(t);
}

/** Date.UTC without its mapping of years 0 to 99 to 1900 to 1999. Months and days may overflow, as in Date.UTC. */
function utc(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  return d.getTime();
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Milliseconds of a date, also past the year 9999 ("+010000-01-01", as toISOString writes it). */
function ms(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/**
 * Adds `n` units to a date. Months and longer keep the day of month, clamped to the month's length.
 *
 * A fractional `n` (a "3.5 months" deadline) is whole units first, then the fraction of the unit that follows,
 * counted in days of that unit and rounded up to a whole day: 3.5 months from 31 January is 30 April (three
 * months, clamped) plus half of the 30 days from 30 April to 30 May, so 15 May; 1.5 weeks is 7 + 4 = 11 days.
 * Rounding up makes the date the first whole day on or after the exact point in time, as deadlines need.
 */
export function addUnits(date: string, unit: TickUnit, n: number): string {
  const whole = Math.floor(n);
  const at = addWhole(date, unit, whole);
  const fraction = n - whole;
  if (fraction === 0) return at;
  const unitDays = (ms(addWhole(at, unit, 1)) - ms(at)) / DAY_MS;
  // The tolerance keeps binary noise (0.1 * 30 = 3.0000000000000004) from adding a day.
  return iso(ms(at) + Math.ceil(fraction * unitDays - 1e-9) * DAY_MS);
}

const DAY_MS = 86_400_000;

function addWhole(date: string, unit: TickUnit, n: number): string {
  if (unit === 'day') return iso(ms(date) + n * DAY_MS);
  if (unit === 'week') return iso(ms(date) + n * 7 * DAY_MS);
  const months = unit === 'month' ? n : unit === 'quarter' ? 3 * n : 12 * n;
  const d = new Date(ms(date));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const day = d.getUTCDate();
  const last = new Date(utc(y, m + 1, 0)).getUTCDate();
  return iso(utc(y, m, Math.min(day, last)));
}

/**
 * Dates and times of ticks already computed, per calendar (its unit and start): a run asks for the same dates
 * every tick (timeline entries, deadlines, reviews), and building one costs a Date and a string. Kept for a
 * handful of calendars; a new one beyond that starts the memo afresh.
 */
interface TickDates {
  unit: TickUnit;
  start: string;
  dates: string[];
  times: number[];
}
const memo = new Map<string, TickDates>();
const MEMO_CALENDARS = 16;

/** The same calendar object asks again and again: found by identity first, without building the key. */
const byObject = new WeakMap<Calendar, TickDates>();

function tickDates(calendar: Calendar): TickDates {
  let t = byObject.get(calendar);
  // Compared, in case a calendar object was edited in place since.
  if (t && t.unit === calendar.unit && t.start === calendar.start) return t;
  const key = `${calendar.unit} ${calendar.start}`;
  t = memo.get(key);
  if (!t) {
    if (memo.size >= MEMO_CALENDARS) memo.clear();
    memo.set(key, (t = { unit: calendar.unit, start: calendar.start, dates: [], times: [] }));
  }
  byObject.set(calendar, t);
  return t;
}

export function dateOf(calendar: Calendar, tick: number): string {
  // Only whole ticks within the largest calendar are kept (others are rare and would make the arrays sparse).
  if (!Number.isInteger(tick) || tick < 0 || tick > MAX_TICKS) return addUnits(calendar.start, calendar.unit, tick);
  const t = tickDates(calendar);
  return (t.dates[tick] ??= addUnits(calendar.start, calendar.unit, tick));
}

/** Milliseconds of the date of `tick` (memoised as dateOf is). */
function timeOf(calendar: Calendar, tick: number): number {
  if (!Number.isInteger(tick) || tick < 0 || tick > MAX_TICKS) return ms(dateOf(calendar, tick));
  const t = tickDates(calendar);
  return (t.times[tick] ??= ms(dateOf(calendar, tick)));
}

/**
 * The first tick whose date is on or after `date` (0 for dates before the start). Dates are compared as
 * times, not as text: past the year 9999 a date is written "+010000-01-01", which sorts before "9999-12-01".
 */
export function tickOf(calendar: Calendar, date: string): number {
  const target = ms(date);
  if (!(target > timeOf(calendar, 0))) return 0;
  // Estimate from mean unit length, then correct: exact for every unit and cheap.
  const days = (target - timeOf(calendar, 0)) / 86_400_000;
  const mean = { day: 1, week: 7, month: 30.436875, quarter: 91.310625, year: 365.2425 }[calendar.unit];
  let t = Math.max(0, Math.floor(days / mean) - 1);
  while (timeOf(calendar, t) < target) t++;
  while (t > 0 && timeOf(calendar, t - 1) >= target) t--;
  return t;
}

export function tickCount(calendar: Calendar): number {
  return tickOf(calendar, calendar.end) + (dateOf(calendar, tickOf(calendar, calendar.end)) === calendar.end ? 1 : 0);
}

export interface Duration {
  /** A finite amount >= 0, possibly fractional ("3.5 months"); at most MAX_DURATION_YEARS years. */
  amount: number;
  unit: TickUnit;
}

/** The longest duration accepted: far beyond any calendar, short of dates JavaScript cannot write. */
export const MAX_DURATION_YEARS = 10_000;

const YEARS_PER_UNIT: Record<TickUnit, number> = { day: 1 / 365.2425, week: 7 / 365.2425, month: 1 / 12, quarter: 1 / 4, year: 1 };
const SHORTHAND: Record<string, TickUnit> = { d: 'day', w: 'week', m: 'month', q: 'quarter', y: 'year' };
const DURATION = /^(\d+(?:\.\d+)?)\s*(day|week|month|quarter|year)s?$/;
const SHORT_DURATION = /^(\d+(?:\.\d+)?)([dwmqy])$/;

/**
 * Parses a duration: an amount (a whole or decimal number, no sign or exponent) and a unit, singular or
 * plural: "8 weeks", "1 year", "3.5 months", "30days". Shorthands, with no space: `30d`, `12w`, `3m` (months:
 * the calendar has nothing shorter than a day), `2q`, `1y`. Null for anything else, and for an amount beyond
 * MAX_DURATION_YEARS.
 */
export function parseDuration(text: string): Duration | null {
  const t = text.trim();
  const long = DURATION.exec(t);
  const short = long ? null : SHORT_DURATION.exec(t);
  const m = long ?? short;
  if (!m) return null;
  const unit = long ? (m[2] as TickUnit) : SHORTHAND[m[2]!]!;
  return durationOf(Number(m[1]), unit);
}

/** A duration of `amount` units, or null when the amount is not finite, negative, or beyond MAX_DURATION_YEARS. */
export function durationOf(amount: number, unit: TickUnit): Duration | null {
  if (!Number.isFinite(amount) || amount < 0 || amount * YEARS_PER_UNIT[unit] > MAX_DURATION_YEARS) return null;
  return { amount, unit };
}

/** The text parseDuration reads back as the same duration ("3.5 months"). */
export function formatDuration(d: Duration): string {
  return `${d.amount} ${d.unit}${d.amount === 1 ? '' : 's'}`;
}

/**
 * The deadline tick of a duration opened at `tick`: the first tick on or after opened date + duration. A date
 * past the year 9999 (a calendar ending in 9999, or a duration of thousands of years) stays exact: calendars end
 * by 9999-12-31 and durations are at most 10,000 years, so it lies before the year 20000, well within the range
 * of JavaScript dates (275,760).
 */
export function deadlineTick(calendar: Calendar, tick: number, duration: Duration): number {
  return tickOf(calendar, addUnits(dateOf(calendar, tick), duration.unit, duration.amount));
}

/**
 * Why a calendar cannot be run, or null: dates must be real dates of years 0001 to 9999 (checked by parseDate),
 * the end on or after the start, and at most MAX_TICKS ticks.
 */
export function calendarProblem(calendar: Calendar): string | null {
  if (calendar.end < calendar.start) return 'the calendar ends before it starts';
  // Cheap upper bound first, so a calendar of millions of ticks is never walked.
  const days = (ms(calendar.end) - ms(calendar.start)) / DAY_MS;
  const minDays = { day: 1, week: 7, month: 28, quarter: 89, year: 365 }[calendar.unit];
  if (days / minDays + 1 <= MAX_TICKS) return null;
  const ticks = tickCount(calendar);
  return ticks > MAX_TICKS ? `the calendar has ${ticks.toLocaleString('en-US')} ${calendar.unit} ticks; at most ${MAX_TICKS.toLocaleString('en-US')}` : null;
}
