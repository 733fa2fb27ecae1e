/**
 * Scoring a candidate external action: each goal's value from its formula, weighted by the actor's goal
 * weight; the utility formula turns the weighted total into a score. The same code scores a proposal from
 * the partner's side (acceptance), so actor and partner reason alike.
 */
import { duchacek } from '../../model/geography.ts';
import { GOAL_DOMAINS } from '../../rules/catalog.ts';
import { isBinding, type InstrumentKind } from '../../model/vocabulary.ts';
import type { Id, Subnational } from '../../model/world.ts';
import type { Model } from '../model.ts';
import type { WorldIndex } from '../world-index.ts';

export interface Scored {
  /** Weighted contribution of each goal (weight * value). */
  goals: Record<string, number>;
  total: number;
  utility: number;
  /** The goal contributing most; it names the action's domain and issue and flags protodiplomacy. */
  lead: string;
  domain: string;
  issue: Id | null;
}

/** A reusable scope: parameters and attributes are set once per actor, candidate fields per candidate. */
export function actorScope(model: Model, actor: Subnational): Record<string, number> {
  const scope: Record<string, number> = { ...model.parameters };
  for (const a of model.attributes) scope[a] = actor.attributes[a] ?? 0;
  return scope;
}

export function scoreExternal(
  model: Model,
  idx: WorldIndex,
  actor: Subnational,
  partner: Id,
  kind: InstrumentKind,
  noise: number,
  scope: Record<string, number>,
): Scored {
  const beh = model.instruments[kind];
  const partnerUnit = idx.subnational(partner);
  const partnerCountry = partnerUnit ? partnerUnit.central : partner;
  const type = duchacek(idx, actor, partner);
  const existing = idx.activeOf(actor.id).filter((i) => i.parties.includes(partner));
  scope['cost'] = beh.cost;
  scope['binding'] = isBinding(kind) ? 1 : 0;
  scope['capacity'] = actor.capacity;
  scope['tradeTie'] = Math.max(actor.tradeTies[partner] ?? 0, actor.tradeTies[partnerCountry] ?? 0);
  scope['kin'] = actor.kin.includes(partner) || actor.kin.includes(partnerCountry) ? 1 : 0;
  scope['partnerIsState'] = idx.central(partner) ? 1 : 0;
  scope['partnerIsNetwork'] = idx.isNetwork(partner) ? 1 : 0;
  scope['crossBorder'] = type === 'cross-border' ? 1 : 0;
  scope['transregional'] = type === 'transregional' ? 1 : 0;
  scope['global'] = type === 'global' ? 1 : 0;
  scope['load'] = idx.activeOf(actor.id).length / actor.capacity;
  scope['noise'] = noise * (model.parameters['noise'] ?? 0);

  const goals: Record<string, number> = {};
  let total = 0;
  let lead = '';
  let best = -Infinity;
  for (const goal of Object.keys(actor.goals).sort()) {
    const weight = actor.goals[goal] ?? 0;
    if (weight <= 0) continue;
    const issue = idx.issueById.has(goal) ? goal : null;
    scope['fit'] = beh.fit[issue ? 'issue' : goal] ?? beh.fit[goal] ?? 0;
    if (issue) {
      scope['salience'] = idx.salience(issue, actor.id);
      scope['damage'] = idx.issueById.get(issue)?.units[actor.id]?.damage ?? 0;
      scope['partnerSalience'] = partnerUnit ? idx.salience(issue, partner) : idx.central(partner) ? idx.meanSalience(issue, partner) : 0;
      scope['existingTies'] = existing.filter((i) => i.issue === issue).length;
      scope['position'] = actor.position[issue] ?? 0;
      scope['centralPosition'] = idx.central(actor.central)?.executive.position[issue] ?? 0;
    } else {
      scope['salience'] = 0;
      scope['damage'] = 0;
      scope['partnerSalience'] = 0;
      scope['existingTies'] = existing.length;
      scope['position'] = 0;
      scope['centralPosition'] = 0;
    }
    const formula = model.formulas[issue ? `goal.${issue}` : `goal.${goal}`];
    const value = formula ? formula.evaluate(scope) : 0;
    const contribution = weight * value;
    goals[goal] = contribution;
    total += contribution;
    if (contribution > best) {
      best = contribution;
      lead = goal;
    }
  }
  scope['existingTies'] = existing.length;
  scope['total'] = total;
  const utility = model.formulas['utility']!.evaluate(scope);
  const issue = idx.issueById.has(lead) ? lead : null;
  const domain = issue ? (model.scenario.issues.find((x) => x.id === issue)?.domain ?? issue) : (GOAL_DOMAINS[lead] ?? 'general');
  return { goals, total, utility, lead, domain, issue };
}
