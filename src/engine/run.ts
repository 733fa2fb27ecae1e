/**
 * Runs and checkpoints. A run is a model, a world and its RNG streams; `runTicks` yields one result per tick
 * so callers (the CLI writer, the UI, tests) consume ticks at their own pace without owning the simulation.
 */
import { tickCount, tickOf } from '../model/calendar.ts';
import type { World } from '../model/world.ts';
import type { RuleSet } from '../rules/rule-set.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Override } from '../scenario/overrides.ts';
import { initialWorld } from './initial-world.ts';
import { buildModel, type Model } from './model.ts';
import { Streams } from './rng.ts';
import { staticIndexOf } from './static-index.ts';
import { step, type TickResult } from './step.ts';
import { prepareIssues } from './phases/issues.ts';

export interface Run {
  model: Model;
  world: World;
  streams: Streams;
  meta: RunMeta;
}

/** What produced a run; carried into run.json and every checkpoint. */
export interface RunMeta {
  seed: number;
  variant: string | null;
  overrides: Override[];
}

export function startRun(scenario: Scenario, ruleSets: readonly RuleSet[], meta: RunMeta): Run {
  const model = buildModel(scenario, ruleSets);
  const world = initialWorld(model, meta.seed);
  // What the loops derive from the world (ids as numbers, candidate pools, issue transfers) is built at load, not in tick 0.
  staticIndexOf(world);
  prepareIssues(model, world);
  return { model, world, streams: Streams.fromState(world.rng), meta };
}

/** The last tick to run: the calendar's end, or the tick of `until` if earlier. */
export function lastTick(model: Model, until?: string | null): number {
  const end = tickCount(model.calendar) - 1;
  return until ? Math.min(end, tickOf(model.calendar, until)) : end;
}

export function* runTicks(run: Run, last: number): Generator<TickResult> {
  while (run.world.tick <= last) yield step(run.model, run.world, run.streams);
}

export interface Checkpoint {
  format: 'paradip-checkpoint';
  version: 1;
  /** The last tick simulated; a resumed run continues with the next. */
  tick: number;
  meta: RunMeta;
  scenario: Scenario;
  ruleSets: RuleSet[];
  world: World;
}

export function checkpoint(run: Run): Checkpoint {
  return {
    format: 'paradip-checkpoint',
    version: 1,
    tick: run.world.tick - 1,
    meta: run.meta,
    scenario: run.model.scenario,
    ruleSets: [...run.model.ruleSets],
    world: structuredClone(run.world),
  };
}

export function resumeRun(cp: Checkpoint): Run {
  const model = buildModel(cp.scenario, cp.ruleSets);
  const world = structuredClone(cp.world);
  staticIndexOf(world);
  prepareIssues(model, world);
  return { model, world, streams: Streams.fromState(world.rng), meta: cp.meta };
}
