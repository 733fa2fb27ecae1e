/**
 * One scenario over many seeds: what each seed must keep for its targets (a plan), running a batch of seeds
 * (the same code in-process and in a worker), and summaries across seeds. A seed's result depends only on
 * the scenario and the seed, and results are always listed in seed order, so they never depend on how
 * seeds were shared out between workers.
 */
import { indicatorNames } from '../engine/phases/observe.ts';
import { initialWorld } from '../engine/initial-world.ts';
import { buildModel, type Model } from '../engine/model.ts';
import { Streams } from '../engine/rng.ts';
import { lastTick, runTicks, type Run } from '../engine/run.ts';
import type { Calendar } from '../model/calendar.ts';
import type { RuleSet } from '../rules/rule-set.ts';
import type { Override } from '../scenario/overrides.ts';
import type { EventFilter, Scenario, TargetSpec } from '../scenario/schema.ts';
import { evaluateTarget, firstMatch, indicatorTick, type IndicatorRow, type TargetEvent, type TargetValue } from './targets.ts';

/** What a seed keeps: events of these kinds, and these indicator columns at these ticks. */
export interface SeedPlan {
  kinds: string[];
  indicators: { id: string; tick: number }[];
}

/** Everything a worker needs to run seeds: plain data, sent once per worker. */
export interface SeedJob {
  scenario: Scenario;
  ruleSets: RuleSet[];
  variant: string | null;
  overrides: Override[];
  plan: SeedPlan;
}

export interface SeedResult {
  seed: number;
  events: TargetEvent[];
  rows: IndicatorRow[];
}

/** The plan for a scenario's targets, plus any further filters (e.g. a counterfactual's first dates). */
export function planFor(targets: readonly TargetSpec[], calendar: Calendar, extra: readonly EventFilter[] = []): SeedPlan {
  const kinds = new Set<string>(extra.map((f) => f.kind));
  const indicators: SeedPlan['indicators'] = [];
  for (const t of targets) {
    const m = t.measure;
    for (const f of [m.count, m.first, m.parties, ...(m.order ?? []), m.lag?.from, m.lag?.to, m.dyads, m.match, m.years]) if (f) kinds.add(f.kind);
    if (m.indicator) indicators.push({ id: m.indicator.id, tick: indicatorTick(calendar, m.indicator.at) });
  }
  return { kinds: [...kinds].sort(), indicators };
}

const KEPT_FIELDS = ['instrument', 'issue', 'by', 'actor', 'initiator', 'parties', 'protodiplomacy', 'domain', 'duchacek', 'outcome'] as const;

/** An event reduced to the fields targets read (date, kind, instrument, issue, by, actor, initiator, parties). */
export function compactEvent(e: TargetEvent): TargetEvent {
  const out: TargetEvent = { date: e.date, kind: e.kind };
  for (const k of KEPT_FIELDS) if (e[k] !== undefined) out[k] = e[k];
  return out;
}

/** A job's model, built once (formulas compiled once) and shared by its seeds: runs never change the model. */
const models = new WeakMap<SeedJob, Model>();

/** Runs one seed to the calendar's end, keeping what the plan asks for. */
export function runSeed(job: SeedJob, seed: number): SeedResult {
  let model = models.get(job);
  if (!model) models.set(job, (model = buildModel(job.scenario, job.ruleSets)));
  const world = initialWorld(model, seed);
  const run: Run = { model, world, streams: Streams.fromState(world.rng), meta: { seed, variant: job.variant, overrides: job.overrides } };
  const names = indicatorNames(run.model);
  const kinds = new Set(job.plan.kinds);
  const ticks = new Set(job.plan.indicators.map((i) => i.tick));
  const events: TargetEvent[] = [];
  const rows: IndicatorRow[] = [];
  for (const r of runTicks(run, lastTick(run.model))) {
    for (const e of r.events) if (kinds.has(e.kind)) events.push(compactEvent(e));
    if (!ticks.has(r.tick)) continue;
    const values: Record<string, number | null> = {};
    for (const ind of job.plan.indicators) {
      const v = r.indicators[names.indexOf(ind.id)];
      values[ind.id] = typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
    rows.push({ tick: r.tick, date: r.date, values });
  }
  return { seed, events, rows };
}

export function runSeeds(job: SeedJob, seeds: readonly number[]): SeedResult[] {
  return seeds.map((s) => runSeed(job, s));
}

/** `count` seeds from `first`: first, first + 1, ... */
export function seedList(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}

/** Contiguous batches, about four per worker so a slow batch does not leave the others idle. */
export function batches<T>(items: readonly T[], workers: number): T[][] {
  const size = Math.max(1, Math.ceil(items.length / (Math.max(1, workers) * 4)));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface Distribution {
  /** The lower middle value (always a value some seed produced); lists count as their length; null is "none". */
  median: number | string | boolean | null;
  min: number | string | boolean | null;
  max: number | string | boolean | null;
}

/** Median, min and max over seeds. Null (no match, no value) sorts after every value, as "never". */
export function distribution(values: readonly TargetValue[]): Distribution {
  const scalars = values.map((v) => (Array.isArray(v) ? v.length : v)).sort(compareScalars);
  if (scalars.length === 0) return { median: null, min: null, max: null };
  return { median: scalars[Math.floor((scalars.length - 1) / 2)]!, min: scalars[0]!, max: scalars[scalars.length - 1]! };
}

function compareScalars(a: number | string | boolean | null, b: number | string | boolean | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** One target over all seeds: its values and pass flags in seed order, and the share that passed. */
export interface TargetOverSeeds {
  target: TargetSpec;
  values: TargetValue[];
  passes: boolean[];
  passRate: number;
  pass: boolean;
  distribution: Distribution;
}

export function targetsOverSeeds(targets: readonly TargetSpec[], results: readonly SeedResult[], calendar: Calendar): TargetOverSeeds[] {
  return targets.map((target) => {
    const evaluated = results.map((r) => evaluateTarget(target, r.events, r.rows, calendar));
    const passed = evaluated.filter((e) => e.pass).length;
    const values = evaluated.map((e) => e.value);
    return {
      target,
      values,
      passes: evaluated.map((e) => e.pass),
      passRate: results.length === 0 ? 0 : passed / results.length,
      // Counted, not divided, so 8 of 10 meets 0.8 exactly.
      pass: results.length > 0 && passed >= target.passRate * results.length - 1e-9,
      distribution: distribution(values),
    };
  });
}

/** When a filter first matches, over seeds: for counterfactual reports ("a law by 1990 in 70% of seeds"). */
export interface FirstOverSeeds {
  /** First dates in seed order, null where the filter never matched. */
  dates: (string | null)[];
  /** Share of seeds with a match at all. */
  matched: number;
  /** Median first date, null ("never") when fewer than half the seeds match. */
  median: string | null;
  /** For each requested date, the share of seeds whose first match is on or before it (at its precision). */
  byDate: Record<string, number>;
}

export function firstOverSeeds(filter: EventFilter, results: readonly SeedResult[], byDates: readonly string[] = []): FirstOverSeeds {
  const dates = results.map((r) => firstMatch(filter, r.events));
  const n = Math.max(1, dates.length);
  const byDate: Record<string, number> = {};
  for (const d of byDates) byDate[d] = dates.filter((x) => x !== null && x.slice(0, d.length) <= d).length / n;
  return { dates, matched: dates.filter((d) => d !== null).length / n, median: distribution(dates).median as string | null, byDate };
}
