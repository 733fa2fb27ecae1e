/**
 * Phase `respond`: partners accept or decline this tick's proposals (scoring them from their own side);
 * central organs act on pending approvals: an executive consents, refuses or stays silent (and silence
 * resolves at the deadline as the rule says: tacit consent or refusal); a legislature votes unless a
 * gatekeeper keeps the matter off the floor; a subnational's own legislature ratifies or not.
 */
import { isBinding } from '../../model/vocabulary.ts';
import { findPower, selectRuleSet } from '../../rules/assess.ts';
import { optionsFor } from './legal.ts';
import type { ApprovalRecord, Central, Id, Instrument, Subnational } from '../../model/world.ts';
import type { Model } from '../model.ts';
import type { Streams } from '../rng.ts';
import type { WorldIndex } from '../world-index.ts';
import { round, type Proposal } from './decide.ts';
import { actorScope, scoreExternal, scratch } from './score.ts';

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
    const scored = scoreExternal(model, idx, partnerUnit, p.actor, p.instrument, noise, actorScope(model, partnerUnit));
    const threshold = model.parameters['acceptThreshold'] ?? 0;
    return { accepted: scored.utility >= threshold, why: { goals: roundAll(scored.goals), score: round(scored.utility), threshold } };
  }
  const central = idx.central(p.partner);
  if (central) {
    const score = consentScore(model, idx, central, actor, p.partner, p.scored.issue, p.scored.lead === 'protodiplomatic', isBinding(p.instrument), noise);
    return { accepted: score >= 0, why: { consent: round(score), threshold: 0 } };
  }
  return { accepted: true, why: { network: 'open to members' } };
}

/**
 * A central veto outside any approval step (a rule set's `veto` power, e.g. China's MFA over local Foreign
 * Affairs Offices): the actor's central scores the proposal and blocks it below zero.
 */
export function vetoOf(model: Model, idx: WorldIndex, streams: Streams, date: string, p: External): { central: Id; citation: string; why: Record<string, unknown> } | null {
  const actor = idx.subnational(p.actor)!;
  const c = idx.central(actor.central)!;
  const rs = selectRuleSet(model.ruleSets, c.ruleSet, date);
  const power = rs ? findPower(rs, optionsFor(rs, c), 'veto', p.instrument, null) : null;
  if (!power) return null;
  const score = consentScore(model, idx, c, actor, p.partner, p.scored.issue, p.scored.lead === 'protodiplomatic', isBinding(p.instrument), streams.normal('respond'));
  return score >= 0 ? null : { central: c.id, citation: power.citation, why: { consent: round(score), threshold: 0 } };
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
  const scope = scratch(model, 'consent');
  const other = actor.central === central.id ? (idx.subnational(counterpart)?.central ?? counterpart) : actor.central;
  scope['attitude'] = other === central.id ? 0 : (central.attitude[other] ?? 0);
  scope['alignment'] = issue ? 1 - Math.abs((central.executive.position[issue] ?? 0) - (actor.position[issue] ?? 0)) / 2 : 1;
  scope['protodiplomacy'] = protodiplomacy ? 1 : 0;
  scope['binding'] = binding ? 1 : 0;
  scope['relationScore'] = actor.central === central.id ? actor.relationScore : 0;
  scope['noise'] = noise * (model.parameters['noise'] ?? 0);
  return model.formulas['consent']!.evaluate(scope);
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
    const acts = streams.uniform('respond') < (model.parameters['responsiveness'] ?? 0.5);
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
    const scope: Record<string, number> = { ...model.parameters, position: inst.issue ? (party.position[inst.issue] ?? 0) : 0 };
    scope['salience'] = inst.issue ? idx.salience(inst.issue, party.id) : 0;
    scope['total'] = 0;
    scope['noise'] = noise * (model.parameters['noise'] ?? 0);
    const score = model.formulas['ratify']!.evaluate(scope);
    return { ...base, outcome: score >= 0 ? 'granted' : 'refused', why: { ratify: round(score), threshold: 0 } };
  }
  const central = idx.central(step.approver)!;
  const protodiplomacy = inst.protodiplomacy;
  const consent = consentScore(model, idx, central, party, inst.parties.find((x) => x !== party.id) ?? party.id, inst.issue, protodiplomacy, isBinding(inst.kind), noise);
  if (step.organ === 'executive') {
    if (acts && !due) return { ...base, outcome: consent >= 0 ? 'granted' : 'refused', why: { consent: round(consent), threshold: 0 } };
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
    const scope: Record<string, number> = { ...model.parameters, support: issueKey ? (c.support[issueKey] ?? 0.5) : 0.5, consent, binding: isBinding(inst.kind) ? 1 : 0 };
    scope['noise'] = noise * (model.parameters['noise'] ?? 0);
    const share = model.formulas['vote']!.evaluate(scope);
    votes[c.id] = round(share);
    if (share < (step.threshold ?? c.threshold)) passed = false;
  }
  return { ...base, outcome: passed ? 'granted' : 'refused', why: { votes, threshold: step.threshold ?? 'chamber threshold' } };
}

function silence(base: { instrument: Id; approval: Id }, step: ApprovalRecord, extra: Record<string, unknown> = {}): ApprovalDecision {
  const tacit = step.onSilence === 'consent';
  return { ...base, outcome: tacit ? 'tacit' : 'refused', why: { silentUntilDeadline: true, onSilence: step.onSilence ?? 'refuse', ...extra } };
}

function roundAll(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]));
}
