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

/** Parses "YYYY-MM" or "YYYY-MM-DD" into a normalised ISO date, or null if it is not a real date. */
export function parseDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return iso(t);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function ms(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Adds `n` units to a date. Months and longer keep the day of month, clamped to the month's length. */
export function addUnits(date: string, unit: TickUnit, n: number): string {
  if (unit === 'day') return iso(ms(date) + n * 86_400_000);
  if (unit === 'week') return iso(ms(date) + n * 7 * 86_400_000);
  const months = unit === 'month' ? n : unit === 'quarter' ? 3 * n : 12 * n;
  const d = new Date(ms(date));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const day = d.getUTCDate();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return iso(Date.UTC(y, m, Math.min(day, last)));
}

export function dateOf(calendar: Calendar, tick: number): string {
  return addUnits(calendar.start, calendar.unit, tick);
}

/** The first tick whose date is on or after `date` (0 for dates before the start). */
export function tickOf(calendar: Calendar, date: string): number {
  if (date <= calendar.start) return 0;
  // Estimate from mean unit length, then correct: exact for every unit and cheap.
  const days = (ms(date) - ms(calendar.start)) / 86_400_000;
  const mean = { day: 1, week: 7, month: 30.436875, quarter: 91.310625, year: 365.2425 }[calendar.unit];
  let t = Math.max(0, Math.floor(days / mean) - 1);
  while (dateOf(calendar, t) < date) t++;
  while (t > 0 && dateOf(calendar, t - 1) >= date) t--;
  return t;
}

export function tickCount(calendar: Calendar): number {
  return tickOf(calendar, calendar.end) + (dateOf(calendar, tickOf(calendar, calendar.end)) === calendar.end ? 1 : 0);
}

export interface Duration {
  amount: number;
  unit: TickUnit;
}

const DURATION = /^(\d+)\s*(day|week|month|quarter|year)s?$/;

export function parseDuration(text: string): Duration | null {
  const m = DURATION.exec(text.trim());
  return m ? { amount: Number(m[1]), unit: m[2] as TickUnit } : null;
}

/** The deadline tick of a duration opened at `tick`: the first tick on or after opened date + duration. */
export function deadlineTick(calendar: Calendar, tick: number, duration: Duration): number {
  return tickOf(calendar, addUnits(dateOf(calendar, tick), duration.unit, duration.amount));
}
