/**
 * Measures: the numbers one run of a sweep records, from its events and indicator series. Every measure is a
 * number (a double) so results tables have typed columns: counts, months, dates as decimal years (1995-07-02
 * is 1995.5), orders as 1 or 0, and NaN (an empty cell) for "never happened" (a first date, a lag or a
 * latency with no match, an indicator with no value). Pure functions, the same in-process and in a worker.
 */
import type { Calendar } from '../model/calendar.ts';
import type { Scenario, TargetSpec } from '../scenario/schema.ts';
import type { MeasureFilter, MeasureSpec } from './experiment-schema.ts';
import { measureTarget, monthsBetween, type IndicatorRow, type TargetEvent } from './targets.ts';
import { planFor } from './seeds.ts';

/** What a run keeps for its measures: events of the planned kinds (compact) and whole indicator series. */
export interface RunRecord {
  events: TargetEvent[];
  /** Tick dates, in tick order. */
  dates: string[];
  /** Values by indicator id, one per tick (null where not a finite number). */
  series: Record<string, (number | null)[]>;
}

export interface MeasurePlan {
  kinds: string[];
  indicators: string[];
}

/** Fields an event keeps for measures; the rest (why, citations, legal, approvals) is dropped at the source. */
const KEPT = ['id', 'instrument', 'issue', 'by', 'actor', 'initiator', 'parties', 'party', 'duchacek', 'step', 'outcome'] as const;

export function keepEvent(e: TargetEvent): TargetEvent {
  const out: TargetEvent = { date: e.date, kind: e.kind };
  for (const k of KEPT) if (e[k] !== undefined) out[k] = e[k];
  return out;
}

function filtersOf(m: MeasureSpec): MeasureFilter[] {
  return [m.count, m.first, m.parties, ...(m.order ?? []), m.lag?.from, m.lag?.to, m.latency?.from, m.latency?.to].filter((f): f is MeasureFilter => f !== undefined);
}

/** The event kinds and indicators a list of measures reads (targets by id included). */
export function measurePlan(measures: readonly MeasureSpec[], scenario: Scenario, calendar: Calendar): MeasurePlan {
  const kinds = new Set<string>();
  const indicators = new Set<string>();
  for (const m of measures) {
    for (const f of filtersOf(m)) kinds.add(f.kind);
    if (m.indicator) indicators.add(m.indicator.id);
    const t = m.target === undefined ? undefined : scenario.targets.find((x) => x.id === m.target);
    if (t) {
      const p = planFor([t], calendar);
      for (const k of p.kinds) kinds.add(k);
      for (const i of p.indicators) indicators.add(i.id);
    }
  }
  return { kinds: [...kinds].sort(), indicators: [...indicators].sort() };
}

/** Which central each government belongs to: a central to itself, a subnational to its central. */
export function countriesOf(scenario: Scenario): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of scenario.centrals) out.set(c.id, c.id);
  for (const s of scenario.subnationals) out.set(s.id, s.central);
  return out;
}

/** The governments an event is about: its actor (`by`, `actor`, `initiator`), its `party` and `parties`. */
function actorsOf(e: TargetEvent): string[] {
  const ids: string[] = [];
  for (const key of ['by', 'actor', 'initiator', 'party']) if (typeof e[key] === 'string') ids.push(e[key] as string);
  if (Array.isArray(e['parties'])) for (const p of e['parties']) if (typeof p === 'string') ids.push(p);
  return ids;
}

export function matchesFilter(f: MeasureFilter, e: TargetEvent, countries: ReadonlyMap<string, string>): boolean {
  if (e.kind !== f.kind) return false;
  if (f.instrument !== undefined && !(Array.isArray(f.instrument) ? f.instrument.includes(e['instrument'] as never) : e['instrument'] === f.instrument)) return false;
  if (f.issue !== undefined && e['issue'] !== f.issue) return false;
  if (f.by !== undefined) {
    const actor = ['by', 'actor', 'initiator'].map((k) => e[k]).find((v) => typeof v === 'string');
    if (actor !== f.by) return false;
  }
  if (f.party !== undefined && !(Array.isArray(e['parties']) && e['parties'].includes(f.party)) && e['party'] !== f.party) return false;
  if (f.duchacek !== undefined && e['duchacek'] !== f.duchacek) return false;
  if (f.step !== undefined && e['step'] !== f.step) return false;
  if (f.country !== undefined && !actorsOf(e).some((id) => countries.get(id) === f.country)) return false;
  if (f.from !== undefined && e.date.slice(0, f.from.length) < f.from) return false;
  if (f.to !== undefined && e.date.slice(0, f.to.length) > f.to) return false;
  return true;
}

/** A date (YYYY-MM-DD) as a decimal year: the year plus the share of it elapsed at the start of that day. */
export function decimalYear(date: string): number {
  const y = Number(date.slice(0, 4));
  const start = Date.UTC(y, 0, 1);
  const day = Date.UTC(y, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10) || '1'));
  return y + (day - start) / (Date.UTC(y + 1, 0, 1) - start);
}

/** Calendar months from one date to another, days as a share of an average month (1995-01-01 to 1995-03-01: 2). */
export function monthsApart(from: string, to: string): number {
  return monthsBetween(from, to) + (Number(to.slice(8, 10) || '1') - Number(from.slice(8, 10) || '1')) / (365.25 / 12);
}

function firstDate(f: MeasureFilter, events: readonly TargetEvent[], countries: ReadonlyMap<string, string>): string | null {
  for (const e of events) if (matchesFilter(f, e, countries)) return e.date;
  return null;
}

function statistic(xs: number[], stat: 'mean' | 'median' | 'min' | 'max' | 'count'): number {
  if (stat === 'count') return xs.length;
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  if (stat === 'min') return s[0]!;
  if (stat === 'max') return s[s.length - 1]!;
  if (stat === 'median') return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return s.reduce((a, b) => a + b, 0) / s.length;
}

/** Ticks whose date lies in [from, to], at the bounds' own precision (as event filters compare). */
function inWindow(date: string, from: string | undefined, to: string | undefined): boolean {
  return (from === undefined || date.slice(0, from.length) >= from) && (to === undefined || date.slice(0, to.length) <= to);
}

/** One measure on one run. */
export function measureRun(m: MeasureSpec, r: RunRecord, scenario: Scenario, calendar: Calendar, countries: ReadonlyMap<string, string>): number {
  const ev = r.events;
  if (m.count) return ev.reduce((n, e) => n + (matchesFilter(m.count!, e, countries) ? 1 : 0), 0);
  if (m.first) {
    const d = firstDate(m.first, ev, countries);
    return d === null ? NaN : decimalYear(d);
  }
  if (m.parties) {
    const { prefix, ...f } = m.parties;
    const ids = new Set<string>();
    for (const e of ev) {
      if (!matchesFilter(f, e, countries)) continue;
      const parties = Array.isArray(e['parties']) ? (e['parties'] as unknown[]) : actorsOf(e).slice(0, 1);
      for (const p of parties) if (typeof p === 'string' && (prefix === undefined || p.startsWith(prefix))) ids.add(p);
    }
    return ids.size;
  }
  if (m.order) {
    const dates = m.order.map((f) => firstDate(f, ev, countries));
    return dates.every((d, i) => d !== null && (i === 0 || d > dates[i - 1]!)) ? 1 : 0;
  }
  if (m.lag) {
    const from = firstDate(m.lag.from, ev, countries);
    const to = firstDate(m.lag.to, ev, countries);
    return from === null || to === null ? NaN : monthsBetween(from, to);
  }
  if (m.latency) return latency(m.latency, ev, countries);
  if (m.target !== undefined) return targetNumber(scenario.targets.find((t) => t.id === m.target)!, r, calendar);
  const ind = m.indicator!;
  const values = r.series[ind.id] ?? [];
  if (ind.summary === 'at' || ind.at !== undefined) {
    let v: number | null = null;
    for (let t = 0; t < r.dates.length && r.dates[t]!.slice(0, ind.at!.length) <= ind.at!; t++) v = values[t] ?? null;
    return v ?? NaN;
  }
  const ticks = r.dates.flatMap((d, t) => (inWindow(d, ind.from, ind.to) ? [t] : []));
  if (ind.summary === 'first-above') {
    const t = ticks.find((i) => (values[i] ?? -Infinity) > (ind.above ?? 0));
    return t === undefined ? NaN : decimalYear(r.dates[t]!);
  }
  if (ind.summary === 'final') return ticks.length === 0 ? NaN : values[ticks[ticks.length - 1]!] ?? NaN;
  const xs = ticks.map((t) => values[t]).filter((v): v is number => typeof v === 'number');
  return statistic(xs, ind.summary);
}

/** Months from each instrument's first `from` event to its first `to` event on or after it, summarised. */
function latency(l: NonNullable<MeasureSpec['latency']>, events: readonly TargetEvent[], countries: ReadonlyMap<string, string>): number {
  const start = new Map<string, string>();
  const months: number[] = [];
  const done = new Set<string>();
  for (const e of events) {
    const id = e['id'];
    if (typeof id !== 'string') continue;
    if (!start.has(id) && matchesFilter(l.from, e, countries)) start.set(id, e.date);
    const s = start.get(id);
    if (s !== undefined && !done.has(id) && matchesFilter(l.to, e, countries)) {
      done.add(id);
      months.push(monthsApart(s, e.date));
    }
  }
  return statistic(months, l.statistic);
}

/** A scenario target's measure as a number (see the module comment). */
function targetNumber(target: TargetSpec, r: RunRecord, calendar: Calendar): number {
  const ids = Object.keys(r.series);
  const rows: IndicatorRow[] = r.dates.map((date, tick) => ({ tick, date, values: Object.fromEntries(ids.map((id) => [id, r.series[id]![tick] ?? null])) }));
  const v = measureTarget(target, r.events, rows, calendar);
  if (v === null) return NaN;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return v.length;
  return decimalYear(v);
}
