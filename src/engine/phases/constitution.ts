/**
 * Constitutional change over time (issue 12 part B): a country's rule set changes on a date, by the validity of
 * its periods (the USSR's constitution of 1977, Russia's of 1993, Dayton in 1995) or by a timeline switch of a
 * central's rule-set country (an input). Between two periods the country is silent, not forbidding: its silence
 * decides (rules/assess.ts, assessUnruled). This phase only records each change as an event, with the legal
 * basis of the new period, so a change of regime is visible in the log like any other cause.
 */
import { dateOf } from '../../model/calendar.ts';
import type { World } from '../../model/world.ts';
import { selectRuleSet } from '../../rules/assess.ts';
import type { EventLog } from '../events.ts';
import type { Model } from '../model.ts';

/** Each central's rule-set country before this tick's timeline applied, in world order. */
export function countriesBefore(world: World): string[] {
  return world.centrals.map((c) => c.ruleSet);
}

/**
 * Emits `rules.changed` for every central whose rule set in force today differs from the one of the previous
 * tick (none on the first tick). `before` are the countries before this tick's timeline.
 */
export function constitutionalChanges(model: Model, world: World, before: readonly string[], log: EventLog): void {
  if (world.tick === 0) return;
  const today = dateOf(model.calendar, world.tick);
  const yesterday = dateOf(model.calendar, world.tick - 1);
  world.centrals.forEach((c, i) => {
    const was = selectRuleSet(model.ruleSets, before[i] ?? c.ruleSet, yesterday);
    const now = selectRuleSet(model.ruleSets, c.ruleSet, today);
    const from = was?.id ?? null;
    const to = now?.id ?? null;
    if (from === to) return;
    log.emit('rules.changed', {
      central: c.id,
      by: c.id,
      from,
      to,
      cause: (before[i] ?? c.ruleSet) !== c.ruleSet ? 'timeline' : 'date',
      citation: now ? now.legalBasis : `Silent: no ${c.ruleSet} rule set is in force on ${today}; silence decides (binding instruments forbidden, non-binding allowed by default; ruleOptions silenceBinding, silenceNonBinding)`,
    });
  });
}
