/**
 * Targets: a scenario's validation patterns, measured on one run's events and indicator rows, then compared
 * with what the scenario expects. Pure functions, so `check`, sweeps and tests measure the same way.
 *
 * Filters (EventFilter): `kind` must equal the event kind; `instrument` and `issue` the event fields of those
 * names; `by` the event's `by` field, or where it has none its `actor`, or else its `initiator`; `party` must be
 * in the event's `parties`. `from`/`to` are inclusive and compare at their own precision: `to: 1986-12` keeps
 * every event of December 1986, `from: 1986-12-15` events from that day.
 *
 * Measures:
 * - `count`: the number of matching events.
 * - `first`: the date (YYYY-MM-DD) of the first matching event, or null when none matches.
 * - `parties`: the sorted distinct ids over matching events' `parties` (an event without `parties` adds its
 *   actor, as for `by`), keeping only ids that start with `prefix` when one is given.
 * - `order`: true when every filter has a first match and those first dates strictly increase (the same date
 *   twice is not an order).
 * - `lag`: whole calendar months from the first match of `from` to the first match of `to` (negative when
 *   `to` comes first), or null when either has no match.
 * - `indicator`: the indicator's value in the row of the tick dated `at`, or of the last tick before it;
 *   null when the run has no such row or the value is not a number.
 * - `dyads`: the sorted distinct pairs of parties of matching events, each "A+B" with A < B (an event with
 *   more than two parties adds every pair of them).
 * - `match`: precision (the share of the run's ids, or pairs with `pairs: true`, that are in `record`) or
 *   recall (the share of `record` the run has); pairs in `record` may name their ids in either order.
 *   Precision is null when the run has none.
 * - `years`: the earth mover's distance in years between the calendar years of matching events and
 *   `record` (counts per year), each taken as shares of its own total (for years on a line, the sum over
 *   years of the gap between the two cumulative shares); null when nothing matches.
 *
 * Expectations (all stated keys must hold): `between` (inclusive), `atLeast`, `atMost` and a numeric `equals`
 * apply to numbers (for `parties`, to the number of ids); `includes`/`excludes` to the ids; `after` means on or
 * after and `before` strictly before, at the precision of the bound (`after: 1989-06` is on or after
 * 1989-06-01, `before: 1991-07` is before 1991-07-01); a boolean `equals` to `order`. A null value, or a key
 * that does not apply to the value, fails.
 */
import { dateOf, parseDate, tickCount, tickOf, type Calendar } from '../model/calendar.ts';
import type { EventFilter, Expectation, TargetSpec } from '../scenario/schema.ts';

/** An event as targets read it: a full SimEvent or its compact form (see `compactEvent` in seeds.ts). */
export interface TargetEvent {
  date: string;
  kind: string;
  [field: string]: unknown;
}

/** One tick's indicator values, by indicator name (only the columns a caller kept). */
export interface IndicatorRow {
  tick: number;
  date: string;
  values: Readonly<Record<string, number | null>>;
}

export type TargetValue = number | string | boolean | string[] | null;

export interface TargetResult {
  id: string;
  value: TargetValue;
  pass: boolean;
}

export type MeasureKind = 'count' | 'first' | 'parties' | 'order' | 'lag' | 'indicator' | 'dyads' | 'match' | 'years';

/** Which measure a target uses (the scenario checker guarantees exactly one). */
export function measureKind(target: TargetSpec): MeasureKind {
  const m = target.measure;
  if (m.dyads) return 'dyads';
  if (m.match) return 'match';
  if (m.years) return 'years';
  return m.count ? 'count' : m.first ? 'first' : m.parties ? 'parties' : m.order ? 'order' : m.lag ? 'lag' : 'indicator';
}

/** The acting government of an event: `by`, else `actor`, else `initiator`. */
export function actorOf(event: TargetEvent): string | null {
  for (const key of ['by', 'actor', 'initiator']) if (typeof event[key] === 'string') return event[key] as string;
  return null;
}

export function matches(filter: EventFilter, event: TargetEvent): boolean {
  if (event.kind !== filter.kind) return false;
  if (filter.instrument !== undefined && event['instrument'] !== filter.instrument) return false;
  if (filter.issue !== undefined && event['issue'] !== filter.issue) return false;
  if (filter.by !== undefined && actorOf(event) !== filter.by) return false;
  if (filter.party !== undefined && !(Array.isArray(event['parties']) && event['parties'].includes(filter.party))) return false;
  if (filter.protodiplomacy !== undefined && (event['protodiplomacy'] === true) !== filter.protodiplomacy) return false;
  if (filter.domain !== undefined && event['domain'] !== filter.domain) return false;
  if (filter.duchacek !== undefined && event['duchacek'] !== filter.duchacek) return false;
  if (filter.outcome !== undefined && event['outcome'] !== filter.outcome) return false;
  if (filter.from !== undefined && event.date.slice(0, filter.from.length) < filter.from) return false;
  if (filter.to !== undefined && event.date.slice(0, filter.to.length) > filter.to) return false;
  return true;
}

/** The date of the first event matching `filter` (events in run order), or null. */
export function firstMatch(filter: EventFilter, events: readonly TargetEvent[]): string | null {
  for (const e of events) if (matches(filter, e)) return e.date;
  return null;
}

/**
 * The tick whose row an indicator target reads: the tick dated `at` or the last one before it, capped at the
 * calendar's last tick; -1 when `at` is before the calendar starts.
 */
export function indicatorTick(calendar: Calendar, at: string): number {
  const date = parseDate(at);
  if (date === null) return -1;
  const last = tickCount(calendar) - 1;
  const t = tickOf(calendar, date);
  return Math.min(last, dateOf(calendar, t) > date ? t - 1 : t);
}

export function measureTarget(target: TargetSpec, events: readonly TargetEvent[], rows: readonly IndicatorRow[], calendar: Calendar): TargetValue {
  const m = target.measure;
  if (m.count) return events.reduce((n, e) => n + (matches(m.count!, e) ? 1 : 0), 0);
  if (m.first) return firstMatch(m.first, events);
  if (m.parties) {
    const { prefix, of, ...filter } = m.parties;
    return partiesOf(filter, prefix, events, of);
  }
  if (m.dyads) return dyadsOf(m.dyads, events);
  if (m.match) {
    const { prefix, pairs, record, score, ...filter } = m.match;
    const got = pairs ? dyadsOf(filter, events) : partiesOf(filter, prefix, events);
    const want = new Set(pairs ? record.map(dyadKey) : record);
    const hits = got.filter((x) => want.has(x)).length;
    if (score === 'recall') return hits / want.size;
    return got.length === 0 ? null : hits / got.length;
  }
  if (m.years) {
    const { record, ...filter } = m.years;
    const years = events.filter((e) => matches(filter, e)).map((e) => Number(e.date.slice(0, 4)));
    const recorded = Object.entries(record).flatMap(([y, n]) => (n > 0 ? [[Number(y), n] as const] : []));
    return years.length === 0 ? null : yearDistance(years.map((y) => [y, 1] as const), recorded);
  }
  if (m.order) {
    const dates = m.order.map((f) => firstMatch(f, events));
    return dates.every((d, i) => d !== null && (i === 0 || d > dates[i - 1]!));
  }
  if (m.lag) {
    const from = firstMatch(m.lag.from, events);
    const to = firstMatch(m.lag.to, events);
    return from === null || to === null ? null : monthsBetween(from, to);
  }
  const { id, at } = m.indicator!;
  const tick = indicatorTick(calendar, at);
  let row: IndicatorRow | null = null;
  for (const r of rows) if (r.tick <= tick && (row === null || r.tick > row.tick)) row = r;
  const v = row?.values[id];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The sorted distinct ids over matching events' `parties` (or actor; only the actor with `of: actor`), those starting with `prefix` if given. */
function partiesOf(filter: EventFilter, prefix: string | undefined, events: readonly TargetEvent[], of?: string): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    if (!matches(filter, e)) continue;
    const parties = of !== 'actor' && Array.isArray(e['parties']) ? (e['parties'] as unknown[]) : [actorOf(e)];
    for (const p of parties) if (typeof p === 'string' && (prefix === undefined || p.startsWith(prefix))) ids.add(p);
  }
  return [...ids].sort();
}

/** A pair of ids as one key, "A+B" with A < B, whatever order it is written in. */
export function dyadKey(pair: string): string {
  const [a = '', b = ''] = pair.split('+');
  return a < b ? `${a}+${b}` : `${b}+${a}`;
}

/** The sorted distinct pairs of parties over matching events (every pair of an event's parties). */
function dyadsOf(filter: EventFilter, events: readonly TargetEvent[]): string[] {
  const out = new Set<string>();
  for (const e of events) {
    if (!matches(filter, e) || !Array.isArray(e['parties'])) continue;
    const ps = (e['parties'] as unknown[]).filter((p): p is string => typeof p === 'string');
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) if (ps[i] !== ps[j]) out.add(dyadKey(`${ps[i]}+${ps[j]}`));
  }
  return [...out].sort();
}

/**
 * The earth mover's distance in years between two weighted sets of years, each normalised to shares: on a
 * line it is the sum, over consecutive years, of the gap between the two cumulative shares.
 */
export function yearDistance(a: readonly (readonly [number, number])[], b: readonly (readonly [number, number])[]): number {
  const total = (xs: readonly (readonly [number, number])[]): number => xs.reduce((s, [, n]) => s + n, 0);
  const ta = total(a);
  const tb = total(b);
  const all = [...a, ...b].map(([y]) => y);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  let ca = 0;
  let cb = 0;
  let d = 0;
  for (let y = lo; y < hi; y++) {
    for (const [x, n] of a) if (x === y) ca += n / ta;
    for (const [x, n] of b) if (x === y) cb += n / tb;
    d += Math.abs(ca - cb);
  }
  return d;
}

/** Whole calendar months from one ISO date to another (1990-11-15 to 1991-03-13: 4). */
export function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

/** Whether a measured value meets every stated key of the expectation. */
export function meetsExpectation(expect: Expectation, value: TargetValue): boolean {
  if (value === null) return false;
  const n = typeof value === 'number' ? value : Array.isArray(value) ? value.length : null;
  const date = typeof value === 'string' ? value : null;
  const checks: boolean[] = [];
  if (expect.between) checks.push(n !== null && n >= expect.between[0] && n <= expect.between[1]);
  if (expect.atLeast !== undefined) checks.push(n !== null && n >= expect.atLeast);
  if (expect.atMost !== undefined) checks.push(n !== null && n <= expect.atMost);
  if (expect.after !== undefined) checks.push(date !== null && date.slice(0, expect.after.length) >= expect.after);
  if (expect.before !== undefined) checks.push(date !== null && date.slice(0, expect.before.length) < expect.before);
  // A pair ("US-WA+CA-BC") is compared as a dyad, whatever order it names its ids in.
  const key = (id: string): string => (id.includes('+') ? dyadKey(id) : id);
  if (expect.includes) checks.push(Array.isArray(value) && expect.includes.every((id) => value.includes(key(id))));
  if (expect.excludes) checks.push(Array.isArray(value) && !expect.excludes.some((id) => value.includes(key(id))));
  if (expect.equals !== undefined) checks.push(typeof expect.equals === 'boolean' ? value === expect.equals : n === expect.equals);
  return checks.length > 0 && checks.every(Boolean);
}

export function evaluateTarget(target: TargetSpec, events: readonly TargetEvent[], rows: readonly IndicatorRow[], calendar: Calendar): TargetResult {
  const value = measureTarget(target, events, rows, calendar);
  return { id: target.id, value, pass: meetsExpectation(target.expect, value) };
}

const APPLIES: Record<MeasureKind, readonly (keyof Expectation)[]> = {
  count: ['between', 'atLeast', 'atMost', 'equals'],
  indicator: ['between', 'atLeast', 'atMost', 'equals'],
  parties: ['between', 'atLeast', 'atMost', 'equals', 'includes', 'excludes'],
  first: ['after', 'before'],
  order: ['equals'],
  lag: ['between', 'atLeast', 'atMost', 'equals'],
  dyads: ['between', 'atLeast', 'atMost', 'equals', 'includes', 'excludes'],
  match: ['between', 'atLeast', 'atMost'],
  years: ['between', 'atLeast', 'atMost'],
};

/** A target whose expectation cannot be met by its measure, as a path under the target and a message. */
export interface TargetProblem {
  path: (string | number)[];
  message: string;
  expected?: string;
}

/** Expectations that say nothing, or that do not apply to the measure (they would fail every seed). */
export function targetProblems(target: TargetSpec): TargetProblem[] {
  const kind = measureKind(target);
  const measure = `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} measure`;
  const stated = (Object.keys(target.expect) as (keyof Expectation)[]).filter((k) => target.expect[k] !== undefined);
  const problems: TargetProblem[] = [];
  if (stated.length === 0) problems.push({ path: ['expect'], message: 'the expectation states nothing', expected: APPLIES[kind].join(', ') });
  for (const key of stated) {
    if (!APPLIES[kind].includes(key)) problems.push({ path: ['expect', key], message: `"${key}" does not apply to ${measure}`, expected: APPLIES[kind].join(', ') });
  }
  const eq = target.expect.equals;
  if (eq !== undefined && (kind === 'order') !== (typeof eq === 'boolean')) {
    problems.push({ path: ['expect', 'equals'], message: `${measure} compares with ${kind === 'order' ? 'true or false' : 'a number'}` });
  }
  const b = target.expect.between;
  if (b && b[0] > b[1]) problems.push({ path: ['expect', 'between'], message: `between [${b[0]}, ${b[1]}] is empty`, expected: 'a low bound <= the high bound' });
  for (const key of ['after', 'before'] as const) {
    const d = target.expect[key];
    if (d !== undefined && parseDate(d) === null) problems.push({ path: ['expect', key], message: `not a real date "${d}"`, expected: 'YYYY-MM or YYYY-MM-DD' });
  }
  return problems;
}

/** The expectation in words, e.g. "6 to 10", "on or after 1989-06, before 1991-07", "includes US-NY". */
export function describeExpectation(expect: Expectation): string {
  const parts: string[] = [];
  if (expect.between) parts.push(`${expect.between[0]} to ${expect.between[1]}`);
  if (expect.atLeast !== undefined) parts.push(`at least ${expect.atLeast}`);
  if (expect.atMost !== undefined) parts.push(`at most ${expect.atMost}`);
  if (expect.after !== undefined) parts.push(`on or after ${expect.after}`);
  if (expect.before !== undefined) parts.push(`before ${expect.before}`);
  if (expect.includes) parts.push(`includes ${expect.includes.join(', ')}`);
  if (expect.excludes) parts.push(`excludes ${expect.excludes.join(', ')}`);
  if (expect.equals !== undefined) parts.push(typeof expect.equals === 'boolean' ? (expect.equals ? 'in this order' : 'not in this order') : `exactly ${expect.equals}`);
  return parts.join(', ');
}
