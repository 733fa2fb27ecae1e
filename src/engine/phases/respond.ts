/**
 * Phase `respond`: partners accept or decline this tick's proposals (scoring them from their own side);
 * central organs act on pending approvals: an executive consents, refuses or stays silent (and silence
 * resolves at the deadline as the rule says: tacit consent or refusal); a legislature votes unless a
 * gatekeeper keeps the matter off the floor; a subnational's own legislature ratifies or not.
 */
import { isBinding, type InstrumentKind } from '../../model/vocabulary.ts';
import { findPower, selectRuleSet } from '../../rules/assess.ts';
import { optionsFor } from './legal.ts';
import type { ApprovalRecord, Central, Id, Instrument, Organisation, Subnational } from '../../model/world.ts';
import { chancePerTick, type Model } from '../model.ts';
import type { Streams } from '../rng.ts';
import { deadlineTick } from '../../model/calendar.ts';
import type { WorldIndex } from '../world-index.ts';
import { round, type Proposal } from './decide.ts';
import { actorScope, renewScore, scoreExternal, scratch } from './score.ts';

export interface PartnerResponse {
  accepted: boolean;
  why: Record<string, unknown>;
}

export interface ApprovalDecision {
  instrument: Id;
  approval: Id;
  outcome: 'granted' | 'refused' | 'tacit';
  why: Record<string, unknown>;
}

type External = Extract<Proposal, { type: 'external' }>;

export function respondToProposal(model: Model, idx: WorldIndex, streams: Streams, p: External): PartnerResponse {
  const noise = streams.normal('respond');
  const partnerUnit = idx.subnational(p.partner);
  const actor = idx.subnational(p.actor)!;
  if (partnerUnit) {
    // The partner judges from its own side, but does not hold the instrument: it pays no running cost (the host
    // of an office).
    const scored = scoreExternal(model, idx, partnerUnit, p.actor, p.instrument, noise, undefined, false);
    const threshold = model.parameters['acceptThreshold'] ?? 0;
    return { accepted: scored.utility >= threshold, why: { goals: roundAll(scored.goals), score: round(scored.utility), threshold } };
  }
  const state = idx.central(p.partner);
  if (state && state.id === actor.central) {
    // An office in the own capital (issue 12): the own central judges it as it consents to its unit's action.
    const score = consentScore(model, idx, state, actor, state.id, p.scored.issue, p.scored.lead === 'protodiplomatic', isBinding(p.instrument), noise);
    return { accepted: score >= 0, why: { consent: round(score), threshold: 0 } };
  }
  if (state) {
    const score = partnerStateScore(model, state, actor, p.scored.issue, p.scored.lead === 'protodiplomatic', isBinding(p.instrument), noise);
    return { accepted: score >= 0, why: { partnerState: round(score), threshold: 0 } };
  }
  const organisation = idx.organisation(p.partner);
  if (organisation) {
    const score = organisationScore(model, organisation, actor, p.instrument, p.scored.lead === 'protodiplomatic', noise);
    return { accepted: score >= 0, why: { organisation: round(score), threshold: 0 } };
  }
  return { accepted: true, why: { network: 'open to members' } };
}

/**
 * An international organisation judges a proposal made to it (issue 12): a liaison office at its seat, an MOU, a
 * seat (membership), by the `organisation` formula: whether the proposer's state is a member, how far its
 * charter admits constituent units, whether it is a seat, binding or protodiplomatic.
 */
export function organisationScore(model: Model, organisation: Organisation, actor: Subnational, instrument: InstrumentKind, protodiplomacy: boolean, noise: number): number {
  // Stryker disable next-line StringLiteral: equivalent, any name no other call site uses gives this site its own scope
  const scope = scratch(model, 'organisation');
  scope['centralMember'] = organisation.members.includes(actor.central) ? 1 : 0;
  scope['openToUnits'] = organisation.openToUnits;
  scope['membership'] = instrument === 'membership' ? 1 : 0;
  scope['protodiplomacy'] = protodiplomacy ? 1 : 0;
  scope['binding'] = isBinding(instrument) ? 1 : 0;
  scope['noise'] = noise * (model.parameters['noise'] ?? 0);
  return model.formulas['organisation']!.evaluate(scope, organisation.id);
}

/**
 * A foreign state judges a proposal made to it from its own side: its goodwill to the proposer's country,
 * kinship (France and Quebec), trade, and its own position on the issue; never the proposer's own central's
 * consent formula (whose penalty on protodiplomacy is the home government's interest, not the partner's).
 */
export function partnerStateScore(model: Model, state: Central, actor: Subnational, issue: Id | null, protodiplomacy: boolean, binding: boolean, noise: number): number {
  // Stryker disable next-line StringLiteral: equivalent, any name no other call site uses gives this site its own scope
  const scope = scratch(model, 'partnerState');
  scope['attitude'] = state.attitude[actor.central] ?? 0;
  scope['kin'] = actor.kin.includes(state.id) ? 1 : 0;
  scope['support'] = state.kinSupport[actor.id] ?? 0;
  scope['tradeTie'] = actor.tradeTies[state.id] ?? 0;
  scope['alignment'] = issue ? 1 - Math.abs((state.executive.position[issue] ?? 0) - (actor.position[issue] ?? 0)) / 2 : 1;
  scope['protodiplomacy'] = protodiplomacy ? 1 : 0;
  scope['binding'] = binding ? 1 : 0;
  scope['noise'] = noise * (model.parameters['noise'] ?? 0);
  return model.formulas['partnerState']!.evaluate(scope, state.id);
}

export interface Veto {
  central: Id;
  citation: string;
  why: Record<string, unknown>;
}

/**
 * A central veto outside any approval step (a rule set's `veto` power, e.g. China's Ministry of Foreign Affairs
 * over local Foreign Affairs Offices). It reaches every subnational party of its country, so a proposal a
 * foreign unit makes to a Chinese unit is judged as one a Chinese unit makes. Parties are judged in role order
 * (actor, then partner), one noise draw for each central holding the power, whatever the outcome.
 */
export function vetoOf(model: Model, idx: WorldIndex, streams: Streams, date: string, p: External): Veto | null {
  const actor = idx.subnational(p.actor)!;
  const partnerUnit = idx.subnational(p.partner);
  const parties: [Subnational, Id][] = [[actor, p.partner]];
  if (partnerUnit && partnerUnit.central !== actor.central) parties.push([partnerUnit, actor.id]);
  let veto: Veto | null = null;
  for (const [unit, counterpart] of parties) {
    const c = idx.central(unit.central)!;
    const rs = selectRuleSet(model.ruleSets, c.ruleSet, date);
    const power = rs ? findPower(rs, optionsFor(rs, c), 'veto', p.instrument, null) : null;
    if (!power) continue;
    const noise = streams.normal('respond');
    if (veto) continue;
    // Stryker disable next-line StringLiteral: equivalent, any name no other call site uses gives this site its own scope
    const scope = scratch(model, 'veto');
    const other = idx.subnational(counterpart)?.central ?? counterpart;
    scope['attitude'] = other === c.id ? 0 : (c.attitude[other] ?? 0);
    scope['alignment'] = p.scored.issue ? 1 - Math.abs((c.executive.position[p.scored.issue] ?? 0) - (unit.position[p.scored.issue] ?? 0)) / 2 : 1;
    scope['protodiplomacy'] = p.scored.lead === 'protodiplomatic' ? 1 : 0;
    scope['binding'] = isBinding(p.instrument) ? 1 : 0;
    scope['noise'] = noise * (model.parameters['noise'] ?? 0);
    const score = model.formulas['veto']!.evaluate(scope, c.id);
    if (score < 0) veto = { central: c.id, citation: power.citation, why: { veto: round(score), threshold: 0, party: unit.id, attitude: scope['attitude'] } };
  }
  return veto;
}

/**
 * A central's consent score for an instrument of `actor` (its own unit, or a foreign unit dealing with it);
 * `counterpart` is the other party, whose country the central's attitude is about.
 */
export function consentScore(
  model: Model,
  idx: WorldIndex,
  central: Central,
  actor: Subnational,
  counterpart: Id,
  issue: Id | null,
  protodiplomacy: boolean,
  binding: boolean,
  noise: number,
): number {
  // Stryker disable next-line StringLiteral: equivalent, any name no other call site uses gives this site its own scope
  const scope = scratch(model, 'consent');
  const other = actor.central === central.id ? (idx.subnational(counterpart)?.central ?? counterpart) : actor.central;
  scope['attitude'] = other === central.id ? 0 : (central.attitude[other] ?? 0);
  scope['alignment'] = issue ? 1 - Math.abs((central.executive.position[issue] ?? 0) - (actor.position[issue] ?? 0)) / 2 : 1;
  scope['protodiplomacy'] = protodiplomacy ? 1 : 0;
  scope['binding'] = binding ? 1 : 0;
  scope['relationScore'] = actor.central === central.id ? actor.relationScore : 0;
  scope['noise'] = noise * (model.parameters['noise'] ?? 0);
  return model.formulas['consent']!.evaluate(scope, central.id);
}

/** Decisions on every instrument's active approval step (the first unresolved one), in instrument order. */
export function respondToApprovals(model: Model, idx: WorldIndex, streams: Streams): ApprovalDecision[] {
  const out: ApprovalDecision[] = [];
  const tick = idx.world.tick;
  for (const inst of idx.world.instruments) {
    if (inst.status !== 'awaiting-approval') continue;
    const step = inst.approvals.find((a) => a.status === 'pending');
    if (!step || step.openedTick === null || step.openedTick === tick) continue;
    // Fixed draws per pending step, whatever the branch, so one approval's path does not shift another's.
    // `responsiveness` is a chance per month: over a tick, the chance the organ acted since the last one.
    const acts = streams.uniform('respond') < chancePerTick(model, model.parameters['responsiveness'] ?? 0.5);
    const noise = streams.normal('respond');
    const decision = decideStep(model, idx, inst, step, acts, noise, tick);
    if (decision) out.push(decision);
  }
  return out;
}

function decideStep(model: Model, idx: WorldIndex, inst: Instrument, step: ApprovalRecord, acts: boolean, noise: number, tick: number): ApprovalDecision | null {
  const base = { instrument: inst.id, approval: step.id };
  const due = step.deadlineTick !== null && tick >= step.deadlineTick;
  const actor = idx.subnational(inst.initiator)!;
  // The party whose rule requires the step is the unit the approver answers for.
  const party = idx.subnational(step.party) ?? actor;
  if (step.organ === 'own-legislature') {
    // The legislature weighs what the instrument is worth to its own unit: the unit's goal values of the tie.
    const counterpart = inst.parties.find((x) => x !== party.id) ?? party.id;
    const total = scoreExternal(model, idx, party, counterpart, inst.kind, 0, undefined, party.id === inst.initiator).total;
    const scope = actorScope(model, party);
    scope['position'] = inst.issue ? (party.position[inst.issue] ?? 0) : 0;
    scope['salience'] = inst.issue ? idx.salience(inst.issue, party.id) : 0;
    // Stryker disable next-line StringLiteral: equivalent, scoreExternal has just set scope.total to the same value on this same (actor) scope
    scope['total'] = total;
    scope['noise'] = noise * (model.parameters['noise'] ?? 0);
    const score = model.formulas['ratify']!.evaluate(scope, party.id);
    return { ...base, outcome: score >= 0 ? 'granted' : 'refused', why: { ratify: round(score), total: round(total), threshold: 0 } };
  }
  const central = idx.central(step.approver)!;
  const protodiplomacy = inst.protodiplomacy;
  const consent = consentScore(model, idx, central, party, inst.parties.find((x) => x !== party.id) ?? party.id, inst.issue, protodiplomacy, isBinding(inst.kind), noise);
  // The draw `acts` says whether the organ acted in the time since the last tick; at the deadline tick that
  // time ends at the deadline, so an organ that acted then decides, and only one that stayed silent is silent.
  if (step.organ === 'executive') {
    if (acts) return { ...base, outcome: consent >= 0 ? 'granted' : 'refused', why: { consent: round(consent), threshold: 0 } };
    if (due) return silence(base, step);
    return null;
  }
  // A legislature: gatekeepers first, then a vote in every chamber named by the step.
  const chambers = (central.legislature?.chambers ?? []).filter((c) => step.chambers === null || step.chambers.includes(c.id));
  const gate = model.parameters['gate'] ?? 0;
  const issueKey = inst.issue;
  const blockers = chambers.flatMap((c) => c.gatekeepers.filter((g) => (issueKey ? (g.position[issueKey] ?? 0) : 0) < gate).map((g) => g.name));
  if (blockers.length > 0 || !acts) {
    if (due) return silence(base, step, blockers.length > 0 ? { keptOffTheFloorBy: blockers } : {});
    return null;
  }
  const votes: Record<string, number> = {};
  let passed = chambers.length > 0;
  for (const c of chambers) {
    // Stryker disable next-line StringLiteral: equivalent, any name no other call site uses gives this site its own scope
    const scope = scratch(model, 'vote');
    scope['support'] = issueKey ? (c.support[issueKey] ?? 0.5) : 0.5;
    scope['consent'] = consent;
    scope['binding'] = isBinding(inst.kind) ? 1 : 0;
    scope['noise'] = noise * (model.parameters['noise'] ?? 0);
    const share = model.formulas['vote']!.evaluate(scope, central.id);
    votes[c.id] = round(share);
    if (share < (step.threshold ?? c.threshold)) passed = false;
  }
  return { ...base, outcome: passed ? 'granted' : 'refused', why: { votes, threshold: step.threshold ?? 'chamber threshold' } };
}

export interface ReviewDecision {
  instrument: Id;
  renewed: boolean;
  /** The party that let it lapse, or the initiator when renewed. */
  by: Id;
  why: Record<string, unknown>;
}

/**
 * Instruments at their review date (behaviour.instruments.<kind>.review months after signing or the last
 * renewal): each subnational party, in role order (initiator first), scores keeping it with the renew formula;
 * it lapses if one of them scores below 0 (an office closes). One noise draw per subnational party, always.
 */
export function reviewsDue(model: Model, idx: WorldIndex, streams: Streams): ReviewDecision[] {
  const out: ReviewDecision[] = [];
  const w = idx.world;
  for (const inst of w.instruments) {
    const review = model.instruments[inst.kind].review;
    if (inst.status !== 'in-force' || review <= 0 || inst.signedTick === null) continue;
    const from = inst.reviewedTick ?? inst.signedTick;
    if (from === w.tick || w.tick < deadlineTick(model.calendar, from, { amount: review, unit: 'month' })) continue;
    const parties = [inst.initiator, ...inst.parties.filter((x) => x !== inst.initiator)].map((id) => idx.subnational(id)).filter((u): u is Subnational => u !== undefined);
    const scores: Record<string, number> = {};
    let lapsedBy: Id | null = null;
    for (const unit of parties) {
      const noise = streams.normal('respond');
      const counterpart = inst.parties.find((x) => x !== unit.id) ?? unit.id;
      const score = renewScore(model, idx, unit, counterpart, inst, noise);
      scores[unit.id] = round(score);
      if (score < 0 && lapsedBy === null) lapsedBy = unit.id;
    }
    if (parties.length === 0) continue;
    out.push({ instrument: inst.id, renewed: lapsedBy === null, by: lapsedBy ?? inst.initiator, why: { renew: scores, threshold: 0, reviewMonths: review } });
  }
  return out;
}

function silence(base: { instrument: Id; approval: Id }, step: ApprovalRecord, extra: Record<string, unknown> = {}): ApprovalDecision {
  const tacit = step.onSilence === 'consent';
  return { ...base, outcome: tacit ? 'tacit' : 'refused', why: { silentUntilDeadline: true, onSilence: step.onSilence ?? 'refuse', ...extra } };
}

function roundAll(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]));
}
