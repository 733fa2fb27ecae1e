/**
 * Budgets and spending for external action (issue 12): a subnational's budget per year comes from the `budget`
 * formula (its economy, its goals: attributes the scenario gives), its spending per year is the running cost of
 * the instruments in force it holds. Formulas read both (utility, renew), so an office opens when its value
 * covers its cost and closes at a review when it no longer does; aggregate spending is an indicator, an output.
 */
import type { Instrument, Subnational } from '../model/world.ts';
import type { Model } from './model.ts';
import { siteFrame, slotTable } from './phases/score.ts';

/** Whether any budget or running cost is in play: if not, budgets and spending are 0 and never computed. */
const uses = new WeakMap<Model, boolean>();
export function usesBudgets(model: Model): boolean {
  let u = uses.get(model);
  if (u === undefined) {
    u = model.scenario.behaviour.formulas['budget'] !== undefined || Object.values(model.instruments).some((i) => i.runningCost > 0);
    uses.set(model, u);
  }
  return u;
}

/** The unit's budget for external action per year (formula budget). */
export function budgetOf(model: Model, unit: Subnational): number {
  if (!usesBudgets(model)) return 0;
  const site = siteFrame(model, 'budget', ['capacity', 'economic', 'identity', 'protodiplomatic'] as const);
  // Read from the unit itself: callers (observe, the scorer) hold a unit, not its place in a static index.
  const names = model.attributes;
  for (let i = 0; i < names.length; i++) site.frame[site.attrs[i]!] = unit.attributes[names[i]!] ?? 0;
  site.frame[site.at.capacity] = unit.capacity;
  site.frame[site.at.economic] = unit.goals['economic'] ?? 0;
  site.frame[site.at.identity] = unit.goals['identity'] ?? 0;
  site.frame[site.at.protodiplomatic] = unit.goals['protodiplomatic'] ?? 0;
  return slotTable(model).formulas['budget']!.evaluate(site.frame, unit.id);
}

/** Running costs per year of the instruments in force that `unit` holds (initiated), from its active instruments. */
export function spendingOf(model: Model, unit: Subnational, active: readonly Instrument[]): number {
  let sum = 0;
  for (let i = 0; i < active.length; i++) {
    const inst = active[i]!;
    if (inst.status === 'in-force' && inst.initiator === unit.id) sum += model.instruments[inst.kind].runningCost;
  }
  return sum;
}
