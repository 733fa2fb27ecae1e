/**
 * Phase `decide`: every subnational, reading the same frozen world, scores candidate actions (instrument x
 * sampled partner, plus lobbying and own laws on its issues) by its goals and proposes the best one if it
 * clears the threshold. Partners are sampled from neighbours, trade ties, kin, co-affected units and
 * networks, so the cost per agent stays constant. Nothing is changed here; `apply` acts on the proposals.
 */
import { INSTRUMENTS, type InstrumentKind } from '../../model/vocabulary.ts';
import type { Id, Subnational } from '../../model/world.ts';
import { deliberationChance, type Model } from '../model.ts';
import type { Streams } from '../rng.ts';
import type { WorldIndex } from '../world-index.ts';
import { legalRegime } from './legal.ts';
import { activeGoals, actorScope, partnerView, scoreExternal, scratch, type Scored } from './score.ts';

export interface Alternative {
  action: string;
  partner?: Id;
  issue?: Id;
  score: number;
}

export interface DecisionWhy {
  goals: Record<string, number>;
  score: number;
  threshold: number;
  alternatives: Alternative[];
}

export type Proposal =
  | { type: 'external'; actor: Id; partner: Id; instrument: InstrumentKind; scored: Scored; why: DecisionWhy }
  | { type: 'lobby'; actor: Id; issue: Id; why: DecisionWhy }
  | { type: 'local-law'; actor: Id; issue: Id; why: DecisionWhy };

const SHOWN_ALTERNATIVES = 5;

export function decide(model: Model, idx: WorldIndex, streams: Streams, date: string): Proposal[] {
  const proposals: Proposal[] = [];
  const threshold = model.parameters['actThreshold'] ?? 0.5;
  const k = Math.max(0, Math.floor(model.parameters['partnersPerTick'] ?? 4));
  const enabled = INSTRUMENTS.filter((kind) => model.instruments[kind].enabled);
  const deliberates = deliberationChance(model);
  const regimes = new Map<Id, string>();
  const regimeOf = (central: Id): string => {
    let r = regimes.get(central);
    if (r === undefined) regimes.set(central, (r = legalRegime(model, idx.central(central)!, date)));
    return r;
  };
  for (const actor of idx.world.subnationals) {
    // Decisions come at a rate per month, not one per tick, so day and month ticks decide alike.
    if (deliberates < 1 && streams.uniform('decide') >= deliberates) continue;
    const scope = actorScope(model, actor);
    const goals = activeGoals(idx, actor);
    const partners = streams.sample('decide', candidatePartners(idx, actor), k);
    const options: { score: number; alt: Alternative; make: () => Proposal }[] = [];
    for (const partner of partners) {
      const network = idx.isNetwork(partner);
      const view = partnerView(idx, actor, partner, goals);
      for (const kind of enabled) {
        if (network !== (kind === 'membership')) continue;
        if (knownForbidden(idx, actor, kind, partner, regimeOf)) continue;
        if (kind === 'office' && hasOffice(idx, actor, partner)) continue;
        const scored = scoreExternal(model, idx, actor, partner, kind, streams.normal('decide'), scope, view);
        options.push({
          score: scored.utility,
          alt: { action: kind, partner, score: round(scored.utility) },
          make: () => ({ type: 'external', actor: actor.id, partner, instrument: kind, scored, why: why(scored.goals, scored.utility) }),
        });
      }
    }
    for (const issue of issueGoals(idx, actor)) {
      for (const action of ['lobby', 'local-law'] as const) {
        if (action === 'local-law' && actor.laws.includes(issue)) continue;
        const score = domesticScore(model, idx, actor, issue, action, streams.normal('decide'));
        const goals = { [issue]: score };
        options.push({ score, alt: { action, issue, score: round(score) }, make: (): Proposal => ({ type: action, actor: actor.id, issue, why: why(goals, score) }) as Proposal });
      }
    }
    let best = -1;
    for (let i = 0; i < options.length; i++) if (best < 0 || options[i]!.score > options[best]!.score) best = i;
    if (best < 0 || options[best]!.score < threshold) continue;
    const chosen = options[best]!.make();
    const why_ = chosen.why;
    why_.alternatives = options
      .filter((_, i) => i !== best)
      .sort((a, b) => b.score - a.score)
      .slice(0, SHOWN_ALTERNATIVES)
      .map((o) => o.alt);
    proposals.push(chosen);

    function why(goals: Record<string, number>, score: number): DecisionWhy {
      // Stryker disable next-line ArrayDeclaration: equivalent, the chosen proposal's alternatives are always replaced below
      return { goals: roundAll(goals), score: round(score), threshold, alternatives: [] };
    }
  }
  return proposals;
}

/**
 * The legal situation a lesson about a tie is valid under: the actor's regime, then the partner's (role order,
 * never id order, so renaming either party cannot change whether the lesson applies).
 */
export function lessonKey(idx: WorldIndex, actor: Subnational, partner: Id, regimeOf: (central: Id) => string): string {
  const partnerUnit = idx.subnational(partner);
  return `${regimeOf(actor.central)}|${partnerUnit ? regimeOf(partnerUnit.central) : '-'}`;
}

/** Whether the actor learnt that this tie is forbidden under the regimes in force today. */
function knownForbidden(idx: WorldIndex, actor: Subnational, kind: InstrumentKind, partner: Id, regimeOf: (central: Id) => string): boolean {
  const lesson = actor.learned[`${kind}>${partner}`];
  return lesson !== undefined && lesson === lessonKey(idx, actor, partner, regimeOf);
}

/** A subnational keeps at most one office in a host place: one in force or awaiting approval there rules out another. */
function hasOffice(idx: WorldIndex, actor: Subnational, host: Id): boolean {
  return idx.activeOf(actor.id).some((i) => i.kind === 'office' && i.initiator === actor.id && i.parties.includes(host));
}

/** Issues the actor has a positive goal weight for, in id order. */
export function issueGoals(idx: WorldIndex, actor: Subnational): Id[] {
  return Object.keys(actor.goals)
    .filter((g) => idx.issueById.has(g) && (actor.goals[g] ?? 0) > 0)
    .sort();
}

/** Co-affected units beyond this many are sampled, so the pool (and the cost per agent) stays bounded. */
const CO_AFFECTED_POOL = 64;

/**
 * Candidate partners: neighbours, trade ties, kin, networks, and co-affected units of the actor's issues
 * (all of them up to CO_AFFECTED_POOL, else an evenly spaced selection rotating with the tick). Sorted, unique.
 */
export function candidatePartners(idx: WorldIndex, actor: Subnational): Id[] {
  const set = new Set<Id>([...actor.neighbours, ...Object.keys(actor.tradeTies), ...actor.kin, ...idx.networkIds]);
  for (const issue of issueGoals(idx, actor)) {
    // Stryker disable next-line ArrayDeclaration: equivalent, the index lists co-affected units for every issue and issueGoals keeps only issues
    const all = idx.coAffected.get(issue) ?? [];
    if (all.length <= CO_AFFECTED_POOL) for (const id of all) set.add(id);
    else {
      const step = all.length / CO_AFFECTED_POOL;
      const offset = (idx.world.tick * 7919) % all.length;
      for (let i = 0; i < CO_AFFECTED_POOL; i++) set.add(all[(offset + Math.floor(i * step)) % all.length]!);
    }
  }
  set.delete(actor.id);
  set.delete(actor.central);
  return [...set].filter((id) => idx.subById.has(id) || idx.centralById.has(id) || idx.networkIds.has(id)).sort();
}

function domesticScore(
  model: Model,
  idx: WorldIndex,
  actor: Subnational,
  issue: Id,
  action: 'lobby' | 'local-law',
  noise: number,
): number {
  // Stryker disable next-line OptionalChaining: equivalent, every issue has a state for every unit (initialWorld) and every unit a central
  const unit = idx.issueById.get(issue)?.units[actor.id];
  // Its own scope: these variables (weight, damage, ...) must never be read by the actor's candidate scoring.
  const scope = scratch(model, action);
  for (const a of model.attributes) scope[a] = actor.attributes[a] ?? 0;
  scope['weight'] = actor.goals[issue] ?? 0;
  // Stryker disable next-line OptionalChaining: equivalent, every issue has a state for every unit (initialWorld) and every unit a central
  scope['salience'] = unit?.salience ?? 0;
  // Stryker disable next-line OptionalChaining: equivalent, every issue has a state for every unit (initialWorld) and every unit a central
  scope['damage'] = unit?.damage ?? 0;
  scope['position'] = actor.position[issue] ?? 0;
  // Stryker disable next-line OptionalChaining: equivalent, every issue has a state for every unit (initialWorld) and every unit a central
  scope['centralPosition'] = idx.central(actor.central)?.executive.position[issue] ?? 0;
  scope['capacity'] = actor.capacity;
  scope['load'] = idx.activeOf(actor.id).length / actor.capacity;
  scope['noise'] = noise * (model.parameters['noise'] ?? 0);
  scope['emissionShare'] = emissionShare(model, issue, actor.id);
  scope['centralLaw'] = idx.centralHasLaw(issue, actor.central) ? 1 : 0;
  return model.formulas[action === 'lobby' ? 'lobby' : 'localLaw']!.evaluate(scope, actor.id);
}

/** A unit's base emission relative to the largest emitter of the issue (0..1). */
export function emissionShare(model: Model, issue: Id, unit: Id): number {
  const spec = model.scenario.issues.find((x) => x.id === issue);
  if (!spec) return 0;
  let max = maxEmission.get(spec);
  if (max === undefined) {
    max = 0;
    for (const u of Object.values(spec.units)) max = Math.max(max, u.emission);
    maxEmission.set(spec, max);
  }
  return max > 0 ? (spec.units[unit]?.emission ?? 0) / max : 0;
}
const maxEmission = new WeakMap<object, number>();

export const round = (x: number): number => Math.round(x * 1e4) / 1e4;
function roundAll(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]));
}
