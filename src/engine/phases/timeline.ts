/**
 * Phase `timeline`: applies the scenario's exogenous inputs dated this tick (offices, stated positions,
 * gatekeepers, data). Inputs only: a timeline never creates an instrument or a law.
 */
import { tickOf } from '../../model/calendar.ts';
import type { World } from '../../model/world.ts';
import type { EventLog } from '../events.ts';
import type { Model } from '../model.ts';
import { setPath } from '../world-path.ts';

/** Applies the entries dated this tick; returns how many (the engine's static index is rebuilt after any). */
export function timeline(model: Model, world: World, log: EventLog): number {
  let applied = 0;
  const ticks = entryTicks(model);
  model.scenario.timeline.forEach((entry, index) => {
    if (ticks[index] !== world.tick) return;
    applied++;
    for (const [path, value] of Object.entries(entry.set)) {
      const r = setPath(world, path, value);
      // Paths were checked against the initial world when the run was prepared (checkTimeline).
      if (!r.ok) throw new Error(`timeline entry ${entry.id ?? index}: ${r.error}`);
    }
    // Paths sorted: the order they are written in the file is not part of what happened.
    // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, paths are distinct keys and V8's sort asks only "less than", so a < b, a <= b and a comparator that answers 0 for a > b sort alike
    const set = Object.fromEntries(Object.entries(entry.set).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    log.emit('timeline.applied', { entry: entry.id ?? `timeline-${index}`, note: entry.note, set });
  });
  return applied;
}

/** The tick of each timeline entry, worked out once per model (the phase asks every tick). */
const ticksOf = new WeakMap<Model, number[]>();
function entryTicks(model: Model): number[] {
  let ticks = ticksOf.get(model);
  if (!ticks) ticksOf.set(model, (ticks = model.scenario.timeline.map((entry) => tickOf(model.calendar, normalise(entry.date)))));
  return ticks;
}

/** Checks every timeline path against a world (the initial one); returns [entry index, path, error] triples. */
export function checkTimeline(model: Model, world: World): { index: number; path: string; error: string }[] {
  const probe = structuredClone(world);
  const errors: { index: number; path: string; error: string }[] = [];
  model.scenario.timeline.forEach((entry, index) => {
    for (const [path, value] of Object.entries(entry.set)) {
      const r = setPath(probe, path, value);
      if (!r.ok) errors.push({ index, path, error: r.error });
    }
  });
  return errors;
}

function normalise(d: string): string {
  return d.length === 7 ? `${d}-01` : d;
}
