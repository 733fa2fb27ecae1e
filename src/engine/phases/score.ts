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

const scratchScopes = new WeakMap<Model, Map<string, Record<string, number>>>();

/**
 * A formula scope reused by one call site for the whole run: it starts as a copy of the parameters and the
 * site sets its variables before every evaluation. Reuse, not a fresh object per agent, keeps garbage (and
 * so the cost per agent) flat on worlds of 100,000 subnationals. Sites never share a scope, so a variable one
 * site forgets cannot carry another site's value.
 */
export function scratch(model: Model, site: string): Record<string, number> {
  let sites = scratchScopes.get(model);
  if (!sites) scratchScopes.set(model, (sites = new Map()));
  let scope = sites.get(site);
  if (!scope) sites.set(site, (scope = { ...model.parameters, dt: model.dt }));
  return scope;
}

/** The scope of an actor's own scoring: parameters plus the actor's attributes (0 where it lacks one). */
export function actorScope(model: Model, actor: Subnational): Record<string, number> {
  // Stryker disable next-line StringLiteral: equivalent, any name no other call site uses gives this site its own scope
  const scope = scratch(model, 'actor');
  for (const a of model.attributes) scope[a] = actor.attributes[a] ?? 0;
  return scope;
}

/** What an actor knows about one partner, computed once per partner and shared by every instrument scored. */
export interface PartnerView {
  partner: Id;
  goals: { goal: string; weight: number; issue: Id | null }[];
  fields: Record<string, number>;
  /** Per goal: the goal-specific variables (salience, existing ties on the issue, positions). */
  perGoal: Record<string, number>[];
  existingAll: number;
}

/** Goals with a positive weight, sorted, with the issue each stands for (null for core goals). */
export function activeGoals(idx: WorldIndex, actor: Subnational): PartnerView['goals'] {
  return Object.keys(actor.goals)
    .sort()
    .filter((g) => (actor.goals[g] ?? 0) > 0)
    .map((goal) => ({ goal, weight: actor.goals[goal]!, issue: idx.issueById.has(goal) ? goal : null }));
}

export function partnerView(idx: WorldIndex, actor: Subnational, partner: Id, goals: PartnerView['goals']): PartnerView {
  const partnerUnit = idx.subnational(partner);
  const partnerCountry = partnerUnit ? partnerUnit.central : partner;
  const type = duchacek(idx, actor, partner);
  const existing = idx.activeOf(actor.id).filter((i) => i.parties.includes(partner));
  const fields: Record<string, number> = {
    capacity: actor.capacity,
    tradeTie: Math.max(actor.tradeTies[partner] ?? 0, actor.tradeTies[partnerCountry] ?? 0),
    kin: actor.kin.includes(partner) || actor.kin.includes(partnerCountry) ? 1 : 0,
    partnerIsState: idx.central(partner) ? 1 : 0,
    partnerIsNetwork: idx.isNetwork(partner) ? 1 : 0,
    crossBorder: type === 'cross-border' ? 1 : 0,
    transregional: type === 'transregional' ? 1 : 0,
    global: type === 'global' ? 1 : 0,
    load: idx.activeOf(actor.id).length / actor.capacity,
  };
  const perGoal = goals.map(({ issue }) => {
    if (!issue) return { salience: 0, damage: 0, partnerSalience: 0, existingTies: existing.length, position: 0, centralPosition: 0 };
    return {
      salience: idx.salience(issue, actor.id),
      // Stryker disable next-line OptionalChaining: equivalent, an issue goal's issue is in the index and every issue has a state for every unit (initialWorld)
      damage: idx.issueById.get(issue)?.units[actor.id]?.damage ?? 0,
      partnerSalience: partnerUnit ? idx.salience(issue, partner) : idx.central(partner) ? idx.meanSalience(issue, partner) : 0,
      existingTies: existing.filter((i) => i.issue === issue).length,
      position: actor.position[issue] ?? 0,
      // Stryker disable next-line OptionalChaining: equivalent, every unit's central is in the world
      centralPosition: idx.central(actor.central)?.executive.position[issue] ?? 0,
    };
  });
  return { partner, goals, fields, perGoal, existingAll: existing.length };
}

export function scoreExternal(
  model: Model,
  idx: WorldIndex,
  actor: Subnational,
  partner: Id,
  kind: InstrumentKind,
  noise: number,
  scope: Record<string, number>,
  view: PartnerView = partnerView(idx, actor, partner, activeGoals(idx, actor)),
): Scored {
  const beh = model.instruments[kind];
  const f = view.fields;
  for (const k in f) scope[k] = f[k]!;
  scope['cost'] = beh.cost;
  scope['binding'] = isBinding(kind) ? 1 : 0;
  scope['noise'] = noise * (model.parameters['noise'] ?? 0);

  const goals: Record<string, number> = {};
  let total = 0;
  let lead = '';
  let best = -Infinity;
  view.goals.forEach(({ goal, weight, issue }, i) => {
    scope['fit'] = beh.fit[issue ? 'issue' : goal] ?? beh.fit[goal] ?? 0;
    const g = view.perGoal[i]!;
    for (const k in g) scope[k] = g[k]!;
    const formula = model.formulas[issue ? `goal.${issue}` : `goal.${goal}`];
    const contribution = weight * (formula ? formula.evaluate(scope, actor.id) : 0);
    goals[goal] = contribution;
    total += contribution;
    if (contribution > best) {
      best = contribution;
      lead = goal;
    }
  });
  scope['existingTies'] = view.existingAll;
  scope['total'] = total;
  const utility = model.formulas['utility']!.evaluate(scope, actor.id);
  const issue = idx.issueById.has(lead) ? lead : null;
  // Stryker disable next-line OptionalChaining: equivalent, an issue in the world index is an issue of the scenario
  const domain = issue ? (model.scenario.issues.find((x) => x.id === issue)?.domain ?? issue) : (GOAL_DOMAINS[lead] ?? 'general');
  return { goals, total, utility, lead, domain, issue };
}
