/** Headless runs for tests: a scenario's events and indicator rows as `paradip run` would write them. */
import { lastTick, runTicks, startRun, type Run } from '../engine/run.ts';
import type { RuleSet } from '../rules/rule-set.ts';
import type { Scenario } from '../scenario/schema.ts';
import { eventRecord } from '../cli/event-record.ts';

export interface Simulated {
  run: Run;
  /** events.jsonl lines, in order, without the run id and seed each line of the file starts with. */
  events: string[];
  /** indicators.csv rows without the header, at full precision (the file rounds to 8 significant digits). */
  indicators: string[];
}

/** Runs a scenario for `ticks` ticks (all when absent), calling `onTick` after each (e.g. assertInvariants). */
export function simulate(scenario: Scenario, ruleSets: readonly RuleSet[], seed: number, options: { ticks?: number; onTick?: (run: Run) => void } = {}): Simulated {
  const run = startRun(scenario, ruleSets, { seed, variant: null, overrides: [] });
  return continueRun(run, options);
}

/** Continues a run (e.g. one resumed from a checkpoint) the same way. */
export function continueRun(run: Run, options: { ticks?: number; onTick?: (run: Run) => void } = {}): Simulated {
  const last = options.ticks === undefined ? lastTick(run.model) : Math.min(lastTick(run.model), run.world.tick + options.ticks - 1);
  const events: string[] = [];
  const indicators: string[] = [];
  for (const r of runTicks(run, last)) {
    for (const e of r.events) events.push(eventRecord(e));
    indicators.push([r.tick, r.date, ...r.indicators].join(','));
    options.onTick?.(run);
  }
  return { run, events, indicators };
}
