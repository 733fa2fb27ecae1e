/**
 * The invariance laws as functions users can call in their own properties:
 *  - renaming ids in an order-preserving way changes nothing, run by run, up to the renaming;
 *  - any renaming (one that reorders ids too) leaves the outcome distributions over seeds unchanged;
 *  - the tick length (day, week, month) leaves the outcome distributions unchanged, up to sampling error and
 *    the discretisation of the coarsest tick (an approval answered within a month is dated to its end).
 * Exported through `paradip/testing`; test/laws.test.ts runs them over generated scenarios.
 */
import type { TickUnit } from '../model/vocabulary.ts';
import type { RuleSet } from '../rules/rule-set.ts';
import type { Scenario } from '../scenario/schema.ts';
import { differences, outcomes, type CompareOptions, type Difference, type Outcomes } from './outcomes.ts';
import { renameBack, renameIds } from './rename.ts';
import { simulate } from './simulate.ts';

export interface LawReport {
  /** Measures whose distributions differ beyond the tolerance; empty when the law holds. */
  differences: Difference[];
  /** The outcomes per sample, for a closer look when a law fails. */
  samples: Record<string, Outcomes[]>;
}

/**
 * Runs the scenario and its renamed copy with one seed; returns null when every event and indicator row is
 * the same up to the renaming, else the first event (or row) that differs, as text.
 */
export function sameUpToRenaming(scenario: Scenario, ruleSets: readonly RuleSet[], seed: number, mapping: ReadonlyMap<string, string>): string | null {
  const renamed = renameIds(scenario, ruleSets, mapping);
  const a = simulate(scenario, ruleSets, seed);
  const b = simulate(renamed.scenario, renamed.ruleSets, seed);
  const none = new Map<string, string>();
  const n = Math.max(a.events.length, b.events.length);
  for (let i = 0; i < n; i++) {
    const x = a.events[i] === undefined ? 'nothing' : JSON.stringify(renameBack(JSON.parse(a.events[i]!), none));
    const y = b.events[i] === undefined ? 'nothing' : JSON.stringify(renameBack(JSON.parse(b.events[i]!), mapping));
    if (x !== y) return `event ${i + 1}: original ${x}\n  renamed ${y}`;
  }
  for (let i = 0; i < Math.max(a.indicators.length, b.indicators.length); i++) {
    if (a.indicators[i] !== b.indicators[i]) return `indicator row ${i + 1}: original ${a.indicators[i]}, renamed ${b.indicators[i]}`;
  }
  return null;
}

/** Outcome distributions over `seeds` of the scenario and its renamed copy (counted under the original ids). */
export function equivalentUnderRenaming(scenario: Scenario, ruleSets: readonly RuleSet[], mapping: ReadonlyMap<string, string>, seeds: readonly number[], options: CompareOptions = {}): LawReport {
  const renamed = renameIds(scenario, ruleSets, mapping);
  const back = new Map([...mapping].map(([from, to]) => [to, from]));
  const original = seeds.map((seed) => outcomes(simulate(scenario, ruleSets, seed).events));
  const other = seeds.map((seed) => outcomes(simulate(renamed.scenario, renamed.ruleSets, seed).events, (id) => back.get(id) ?? id));
  return { differences: differences(original, other, options), samples: { original, renamed: other } };
}

/** The scenario with another tick length; dates, deadlines and rates keep their calendar meaning. */
export function withTick(scenario: Scenario, tick: TickUnit): Scenario {
  const s = structuredClone(scenario);
  s.calendar.tick = tick;
  return s;
}

const MEAN_MONTH_DAYS = 365.25 / 12;

/**
 * Outcome distributions over `seeds` under each tick length, each compared with the first. Dates (approval
 * latency, the first national law) are allowed half the coarsest tick of slack beyond sampling error: under
 * month ticks an approval answered within a month is dated to the tick that ends it.
 */
export function equivalentUnderTickLength(
  scenario: Scenario,
  ruleSets: readonly RuleSet[],
  seeds: readonly number[],
  ticks: readonly TickUnit[] = ['month', 'week', 'day'],
  options: CompareOptions = {},
): LawReport {
  const samples: Record<string, Outcomes[]> = {};
  for (const tick of ticks) samples[tick] = seeds.map((seed) => outcomes(simulate(withTick(scenario, tick), ruleSets, seed).events, undefined, scenario.calendar.start));
  const coarsest = Math.max(...ticks.map((t) => ({ day: 1, week: 7, month: MEAN_MONTH_DAYS, quarter: 3 * MEAN_MONTH_DAYS, year: 365.25 })[t]));
  // An event inside a coarse tick is dated to the tick that follows it: half a tick late on average.
  const slack = { 'approval-latency-days': coarsest / 2, 'first-central-law-day': coarsest / 2, ...(options.slack ?? {}) };
  const base = samples[ticks[0]!]!;
  const found: Difference[] = [];
  for (const tick of ticks.slice(1)) {
    for (const d of differences(base, samples[tick]!, { ...options, slack })) found.push({ ...d, measure: `${d.measure} (${ticks[0]} vs ${tick})` });
  }
  return { differences: found, samples };
}
