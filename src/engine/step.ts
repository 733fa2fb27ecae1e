/**
 * One tick: the phases of DESIGN.md section 3, in order. Agents decide from one frozen view of the world
 * (timeline and issue dynamics are applied first), then `apply` writes every outcome in id order.
 */
import { dateOf } from '../model/calendar.ts';
import { NonFiniteFormulaError } from '../rules/formula.ts';
import type { World } from '../model/world.ts';
import { EventLog, type SimEvent } from './events.ts';
import type { Model } from './model.ts';
import { apply, type TickOutcomes } from './phases/apply.ts';
import { central } from './phases/central.ts';
import { decide } from './phases/decide.ts';
import { forums } from './phases/forums.ts';
import { issues } from './phases/issues.ts';
import { assessProposal } from './phases/legal.ts';
import { observe } from './phases/observe.ts';
import { respondToApprovals, respondToProposal, reviewsDue, vetoOf } from './phases/respond.ts';
import { timeline } from './phases/timeline.ts';
import { constitutionalChanges, countriesBefore } from './phases/constitution.ts';
import { succession } from './phases/succession.ts';
import { thirdParties } from './phases/third-parties.ts';
import type { Streams } from './rng.ts';
import { invalidateStaticIndex, staticIndexOf } from './static-index.ts';
import { WorldIndex } from './world-index.ts';

export interface TickResult {
  tick: number;
  date: string;
  events: SimEvent[];
  indicators: number[];
}

/**
 * Advances the world by one tick (mutating it) and returns what happened. A formula giving NaN or Infinity
 * stops the run with a NonFiniteFormulaError that says on which tick and date.
 */
export function step(model: Model, world: World, streams: Streams): TickResult {
  const tick = world.tick;
  const date = dateOf(model.calendar, tick);
  try {
    return stepAt(model, world, streams, tick, date);
  } catch (e) {
    if (e instanceof NonFiniteFormulaError && e.tick === null) Object.assign(e, { tick, date });
    throw e;
  }
}

function stepAt(model: Model, world: World, streams: Streams, tick: number, date: string): TickResult {
  const log = new EventLog(world, date);
  // A timeline entry or a succession may change the world's structure (goals, borders, trade ties): rebuild what depends on it.
  const before = countriesBefore(world);
  if (timeline(model, world, log) + succession(model, world, log) > 0) invalidateStaticIndex(world);
  constitutionalChanges(model, world, before, log);
  issues(model, world, streams, date);
  const idx = new WorldIndex(world, staticIndexOf(world));
  // Forums meet before agents decide, so a resolution binds its supporters' choices from this tick on.
  forums(model, idx, log);
  const proposals: TickOutcomes['proposals'] = decide(model, idx, streams, date).map((proposal) => {
    if (proposal.type !== 'external') return { proposal, verdict: null, veto: null, response: null };
    const verdict = assessProposal(model, idx, date, proposal);
    if (verdict.verdict === 'forbidden') return { proposal, verdict, veto: null, response: null };
    const veto = vetoOf(model, idx, streams, date, proposal);
    const response = veto ? null : respondToProposal(model, idx, streams, proposal);
    return { proposal, verdict, veto, response };
  });
  const approvals = respondToApprovals(model, idx, streams);
  const reviews = reviewsDue(model, idx, streams);
  const decisions = central(model, idx, streams, date);
  apply(model, idx, streams, log, { proposals, approvals, central: decisions, reviews });
  thirdParties(model, world, streams, log);
  const indicators = observe(model, world);
  world.tick = tick + 1;
  world.rng = streams.state();
  return { tick, date, events: log.events, indicators };
}
