/**
 * Phase `apply`: the one writer. Applies every outcome decided this tick in a fixed order (pressure decay,
 * proposals by actor id, approvals by instrument id, central decisions by central id, expiries, relations)
 * and emits the events, so results never depend on the order agents appear in the file.
 */
import { dateOf, deadlineTick, durationOf, parseDuration } from '../../model/calendar.ts';
import { sharePerTick } from '../model.ts';
import { duchacek } from '../../model/geography.ts';
import { RELATIONS } from '../../model/vocabulary.ts';
import type { ApprovalRecord, Case, Id, Instrument } from '../../model/world.ts';
import { findPower, selectRuleSet } from '../../rules/assess.ts';
import type { EventLog } from '../events.ts';
import type { Model } from '../model.ts';
import type { Streams } from '../rng.ts';
import type { WorldIndex } from '../world-index.ts';
import type { CentralDecisions } from './central.ts';
import { lessonKey, type Proposal } from './decide.ts';
import type { LegalVerdict } from './legal.ts';
import { legalRegime, optionsFor } from './legal.ts';
import type { ApprovalDecision, PartnerResponse, ReviewDecision } from './respond.ts';

export interface TickOutcomes {
  proposals: { proposal: Proposal; verdict: LegalVerdict | null; veto: { central: Id; citation: string; why: Record<string, unknown> } | null; response: PartnerResponse | null }[];
  approvals: ApprovalDecision[];
  central: CentralDecisions;
  /** Renewals and lapses of instruments at their review date (phase `respond`, reviewsDue). */
  reviews: ReviewDecision[];
}

export function apply(model: Model, idx: WorldIndex, streams: Streams, log: EventLog, o: TickOutcomes): void {
  const w = idx.world;
  const p = model.parameters;
  const date = dateOf(model.calendar, w.tick);
  const kept = sharePerTick(model, p['pressureDecay'] ?? 0.9);
  for (const c of Object.values(w.pressure)) for (const k of Object.keys(c)) c[k] = (c[k] ?? 0) * kept;
  // Cases already pending (a case filed below starts to weigh from the next tick).
  if (w.cases.length > 0) courts(model, idx, streams, log);

  for (const { proposal, verdict, veto, response } of o.proposals) {
    const actor = idx.subnational(proposal.actor)!;
    if (proposal.type === 'lobby') {
      const pressure = (w.pressure[actor.central] ??= {});
      // With lobbyAgainst, a unit behind its central (a source state under a President for cuts) lobbies
      // against action and its pressure counts negative: the counter-coalition.
      const central = idx.central(actor.central);
      const against = (p['lobbyAgainst'] ?? 0) > 0 && (actor.position[proposal.issue] ?? 0) < (central?.executive.position[proposal.issue] ?? 0);
      pressure[proposal.issue] = (pressure[proposal.issue] ?? 0) + (against ? -1 : 1) * (p['lobbyPressure'] ?? 0.1) * actor.capacity;
      log.emit('lobby.delivered', { by: actor.id, to: actor.central, issue: proposal.issue, ...(against ? { against: true } : {}), why: proposal.why });
      continue;
    }
    if (proposal.type === 'litigate') {
      const c: Case = { by: actor.id, to: actor.central, issue: proposal.issue, filedTick: w.tick, stage: 'trial', dueTick: dueAfter(model, w.tick, p['caseTermMonths'] ?? 12) };
      // Sorted by plaintiff then issue: the order courts() rules in, whatever order the cases were filed in.
      let at = w.cases.length;
      while (at > 0 && caseAfter(w.cases[at - 1]!, c)) at--;
      w.cases.splice(at, 0, c);
      log.emit('action.litigated', { by: actor.id, to: actor.central, issue: proposal.issue, due: dateOf(model.calendar, c.dueTick), why: proposal.why });
      continue;
    }
    if (proposal.type === 'local-law') {
      actor.laws.push(proposal.issue);
      w.issues.find((x) => x.id === proposal.issue)!.laws.push({ by: actor.id, tick: w.tick });
      log.emit('law.enacted', { by: actor.id, level: 'subnational', issue: proposal.issue, why: proposal.why });
      continue;
    }
    const s = proposal.scored;
    const inst: Instrument = {
      id: `i${String(++w.counters.instrument).padStart(6, '0')}`,
      kind: proposal.instrument,
      initiator: actor.id,
      parties: [actor.id, proposal.partner],
      domain: s.domain,
      issue: s.issue,
      // Stryker disable next-line StringLiteral: equivalent, the status is set (awaiting-approval, in-force) before the instrument is stored or read
      status: 'proposed',
      proposedTick: w.tick,
      signedTick: null,
      endedTick: null,
      reviewedTick: null,
      duchacek: duchacek(idx, actor, proposal.partner),
      protodiplomacy: s.lead === 'protodiplomatic',
      // Stryker disable next-line ArrayDeclaration: equivalent, without a verdict the instrument is forbidden and dropped unread
      citations: verdict?.citations ?? [],
      // Stryker disable next-line ArrayDeclaration: equivalent, as above
      legal: (verdict?.parts ?? []).map((part) => ({ party: part.party, ruleSet: part.ruleSet, rule: part.rule })),
      // Stryker disable next-line ArrayDeclaration: equivalent, replaced by the verdict's steps before the instrument is stored
      approvals: [],
      denunciationDemandedTick: null,
      denunciationDemandedBy: null,
    };
    const subject = { id: inst.id, instrument: inst.kind, actor: actor.id, parties: inst.parties, domain: inst.domain, issue: inst.issue };
    log.emit('action.proposed', { ...subject, duchacek: inst.duchacek, protodiplomacy: inst.protodiplomacy, why: proposal.why });
    if (!verdict || verdict.verdict === 'forbidden') {
      if (verdict) actor.learned[`${inst.kind}>${proposal.partner}`] = lessonKey(idx, actor, proposal.partner, (c) => legalRegime(model, idx.central(c)!, date));
      log.emit('action.forbidden', { ...subject, citations: verdict?.citations ?? [], why: { assessments: verdict?.parts ?? [] } });
      continue;
    }
    if (veto) {
      log.emit('action.vetoed', { ...subject, by: veto.central, citations: [veto.citation], why: veto.why });
      continue;
    }
    if (!response?.accepted) {
      log.emit('action.declined', { ...subject, by: proposal.partner, why: response?.why ?? {} });
      continue;
    }
    w.instruments.push(inst);
    inst.approvals = verdict.parts.flatMap((part) =>
      part.steps.map((step, i): ApprovalRecord => {
        const partyUnit = idx.subnational(part.party)!;
        return {
          id: `${inst.id}-${part.party}-${i + 1}`,
          step: step.step,
          approver: step.by === 'own-legislature' ? part.party : partyUnit.central,
          organ: step.by,
          chambers: step.chambers ?? null,
          threshold: step.threshold ?? null,
          party: part.party,
          citation: step.citation,
          openedTick: null,
          deadlineTick: null,
          within: step.within ?? null,
          onSilence: step.onSilence ?? null,
          status: 'pending',
          resolvedTick: null,
        };
      }),
    );
    inst.status = 'awaiting-approval';
    advance(inst);
  }

  for (const d of o.approvals) {
    const inst = idx.instrumentById.get(d.instrument)!;
    const step = inst.approvals.find((a) => a.id === d.approval)!;
    step.status = d.outcome;
    step.resolvedTick = w.tick;
    const kind = d.outcome === 'granted' ? 'approval.granted' : d.outcome === 'tacit' ? 'approval.tacit' : 'approval.refused';
    log.emit(kind, { id: inst.id, instrument: inst.kind, approval: step.id, step: step.step, approver: step.approver, organ: step.organ, party: step.party, citation: step.citation, why: d.why });
    if (d.outcome === 'refused') end(inst, 'refused');
    else advance(inst);
  }

  applyCentral(o.central);

  for (const inst of w.instruments) {
    const term = model.instruments[inst.kind].term;
    if (inst.status !== 'in-force' || term <= 0 || inst.signedTick === null || inst.signedTick === w.tick) continue;
    if (w.tick >= deadlineTick(model.calendar, inst.signedTick, { amount: term, unit: 'month' })) {
      end(inst, 'expired');
      log.emit('instrument.expired', { id: inst.id, instrument: inst.kind, parties: inst.parties, issue: inst.issue });
    }
  }

  for (const r of o.reviews) {
    const inst = idx.instrumentById.get(r.instrument)!;
    if (inst.status !== 'in-force') continue;
    if (r.renewed) {
      inst.reviewedTick = w.tick;
      log.emit('instrument.renewed', { id: inst.id, instrument: inst.kind, parties: inst.parties, by: r.by, issue: inst.issue, why: r.why });
    } else {
      end(inst, 'lapsed');
      log.emit('instrument.lapsed', { id: inst.id, instrument: inst.kind, parties: inst.parties, by: r.by, issue: inst.issue, why: r.why });
    }
  }

  // Relations by place in world.subnationals (world order, as the central phase scored them).
  const rel = o.central.relations;
  for (let i = 0; i < w.subnationals.length; i++) {
    const score = rel.score[i]!;
    if (Number.isNaN(score)) continue;
    const u = w.subnationals[i]!;
    const from = u.relation;
    const mode = RELATIONS[rel.mode[i]!]!;
    u.relationScore = score;
    if (mode !== from) {
      u.relation = mode;
      // The central phase's why (inputs, thresholds) copied field by field: spread into a literal, it made a
      // larger object per change, and a first tick can change every unit's mode.
      const scored = rel.why.get(i);
      const rounded = Math.round(score * 1e4) / 1e4;
      const why = scored === undefined ? { score: rounded } : { score: rounded, inputs: scored.inputs, thresholds: scored.thresholds };
      log.emit('relation.changed', { subnational: u.id, central: u.central, from, to: mode, why });
    }
  }

  /** Opens the next pending step (notifications resolve at once); signs when none is left. */
  function advance(inst: Instrument): void {
    for (;;) {
      const next = inst.approvals.find((a) => a.status === 'pending');
      if (!next) return sign(inst, inst.citations);
      if (next.openedTick !== null) return;
      next.openedTick = w.tick;
      const formality = next.step === 'notify' || next.step === 'sign';
      const within = formality ? null : next.within !== null ? parseDuration(next.within) : durationOf(p['approvalTimeout'] ?? 12, 'month');
      // Durations were checked at load; a step that opens without a deadline would never resolve.
      if (!formality && within === null) throw new Error(`approval ${next.id}: duration "${next.within}" does not parse`);
      next.deadlineTick = within ? deadlineTick(model.calendar, w.tick, within) : null;
      log.emit('approval.requested', {
        id: inst.id, instrument: inst.kind, approval: next.id, step: next.step, approver: next.approver, organ: next.organ, party: next.party,
        citation: next.citation, deadline: next.deadlineTick === null ? null : dateOf(model.calendar, next.deadlineTick), onSilence: next.onSilence,
      });
      if (!formality) return;
      // A notification is given, and a central signature is a formality the rule set states (Switzerland,
      // Fed. Const. art. 56: treaties are signed by the central authorities), not a consent that may be refused.
      next.status = 'granted';
      next.resolvedTick = w.tick;
      const why = next.step === 'notify' ? { notified: true } : { signedBy: next.approver, formality: true };
      log.emit('approval.granted', { id: inst.id, instrument: inst.kind, approval: next.id, step: next.step, approver: next.approver, organ: next.organ, party: next.party, citation: next.citation, why });
    }
  }

  function sign(inst: Instrument, citations: string[]): void {
    inst.status = 'in-force';
    inst.signedTick = w.tick;
    log.emit('instrument.signed', {
      id: inst.id, instrument: inst.kind, parties: inst.parties, initiator: inst.initiator, domain: inst.domain, issue: inst.issue,
      duchacek: inst.duchacek, protodiplomacy: inst.protodiplomacy, citations, legal: inst.legal,
      approvals: inst.approvals.map((a) => ({ step: a.step, approver: a.approver, organ: a.organ, outcome: a.status, citation: a.citation })),
    });
    const actor = idx.subnational(inst.initiator);
    if (!actor || !inst.protodiplomacy) return;
    const c = idx.central(actor.central)!;
    const rs = selectRuleSet(model.ruleSets, c.ruleSet, date);
    const power = rs ? findPower(rs, optionsFor(rs, c), 'sanction', inst.kind, date) : null;
    if (power) {
      actor.sanctions++;
      log.emit('central.sanctioned', { central: c.id, subnational: actor.id, id: inst.id, citation: power.citation });
    }
  }

  function end(inst: Instrument, status: Instrument['status']): void {
    inst.status = status;
    inst.endedTick = w.tick;
  }

  function applyCentral(c: CentralDecisions): void {
    const step = p['positionStep'] ?? 0.1;
    for (const d of c.positions) {
      const central = idx.central(d.central)!;
      const from = central.executive.position[d.issue] ?? 0;
      central.executive.position[d.issue] = d.value;
      if (Math.floor(from / step + 1e-9) !== Math.floor(d.value / step + 1e-9)) {
        log.emit('position.changed', { by: d.central, issue: d.issue, from: round(from), to: round(d.value), leader: central.executive.leader, why: d.why });
      }
    }
    for (const d of c.support) chamber(d.central, d.chamber).support[d.issue] = d.value;
    for (const d of c.gatekeepers) chamber(d.central, d.chamber).gatekeepers.find((g) => g.id === d.gatekeeper)!.position[d.issue] = d.value;
    for (const d of c.lawStatus) {
      (w.lawStatus[d.central] ??= {})[d.issue] = d.status;
      if (d.status !== 'ready') log.emit('law.blocked', { by: d.central, issue: d.issue, reason: d.status, why: d.why });
    }
    for (const d of c.laws) {
      w.issues.find((x) => x.id === d.issue)!.laws.push({ by: d.central, tick: w.tick });
      (w.lawStatus[d.central] ??= {})[d.issue] = 'enacted';
      log.emit('law.enacted', { by: d.central, level: 'central', issue: d.issue, why: d.why });
    }
    for (const a of c.agreements) {
      const inst: Instrument = {
        id: `i${String(++w.counters.instrument).padStart(6, '0')}`, kind: a.instrument, initiator: a.between[0], parties: [...a.between],
        // Stryker disable next-line StringLiteral: equivalent, the agreement is signed (in-force) on the next statement
        domain: model.scenario.issues.find((x) => x.id === a.issue)?.domain ?? a.issue, issue: a.issue, status: 'proposed', proposedTick: w.tick,
        signedTick: null, endedTick: null, reviewedTick: null, duchacek: null, protodiplomacy: false,
        citations: ['Agreement between central governments (their own treaty power)'], legal: [], approvals: [], denunciationDemandedTick: null, denunciationDemandedBy: null,
      };
      w.instruments.push(inst);
      sign(inst, inst.citations);
    }
    for (const d of c.consultations) {
      (w.consultations[d.central] ??= {})[d.issue] = w.tick;
      log.emit('central.consulted', { central: d.central, subnationals: d.subnationals, issue: d.issue, instrument: d.instrument, citation: d.citation, why: d.why });
    }
    for (const d of c.demands) {
      const inst = idx.instrumentById.get(d.instrument)!;
      inst.denunciationDemandedTick = w.tick;
      inst.denunciationDemandedBy = d.central;
      log.emit('denunciation.demanded', { id: inst.id, instrument: inst.kind, by: d.central, parties: inst.parties, citation: d.citation, why: d.why });
    }
    for (const d of c.endings) {
      const inst = idx.instrumentById.get(d.instrument)!;
      inst.denunciationDemandedTick = null;
      inst.denunciationDemandedBy = null;
      if (d.outcome === 'kept') continue;
      end(inst, d.outcome === 'denounced' ? 'denounced' : 'taken-over');
      log.emit(d.outcome === 'denounced' ? 'instrument.denounced' : 'instrument.takenOver', { id: inst.id, instrument: inst.kind, by: d.by, parties: inst.parties, issue: inst.issue, citations: d.citations, why: d.why });
    }
  }

  function chamber(central: Id, id: Id) {
    return idx.central(central)!.legislature!.chambers.find((ch) => ch.id === id)!;
  }
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Whether case a comes after case b in the world's order (plaintiff, then issue). */
function caseAfter(a: Case, b: Case): boolean {
  return a.by > b.by || (a.by === b.by && a.issue > b.issue);
}

/** The tick a court stage opened at `tick` rules on: `months` calendar months later, so the date is the same under any tick length. */
function dueAfter(model: Model, tick: number, months: number): number {
  const term = durationOf(Math.max(0, months), 'month');
  if (term === null) throw new Error(`a court term of ${months} months is out of range`);
  return deadlineTick(model.calendar, tick, term);
}

/**
 * The courts, once per tick, in the world's case order (plaintiff, then issue): a pending case adds pressure on
 * the central at casePressure per month, times the plaintiff's capacity; at its due tick the court rules, one
 * draw against rulingForRate (first instance) or reversalRate (appeal). The central appeals a first ruling for
 * the plaintiff when the plaintiff's position exceeds its own by appealGap; a ruling for the plaintiff that
 * stands adds rulingPressure times its capacity. Draws come from stream `central` and only at a ruling, so a run
 * without cases draws nothing here.
 */
function courts(model: Model, idx: WorldIndex, streams: Streams, log: EventLog): void {
  const w = idx.world;
  const p = model.parameters;
  for (const c of w.cases) {
    if (c.stage !== 'trial' && c.stage !== 'appeal') continue;
    const plaintiff = idx.subnational(c.by)!;
    const pressure = (w.pressure[c.to] ??= {});
    if (w.tick < c.dueTick) {
      pressure[c.issue] = (pressure[c.issue] ?? 0) + (p['casePressure'] ?? 0.05) * plaintiff.capacity * model.dt;
      continue;
    }
    const draw = streams.uniform('central');
    const subject = { plaintiff: c.by, central: c.to, issue: c.issue, court: c.stage === 'trial' ? 'first instance' : 'appeal' };
    let won: boolean;
    if (c.stage === 'trial') {
      const rate = p['rulingForRate'] ?? 0.5;
      won = draw < rate;
      log.emit('action.ruled', { ...subject, outcome: won ? 'for' : 'against', why: { rate, draw: round(draw) } });
      if (won) {
        const gap = (plaintiff.position[c.issue] ?? 0) - (idx.central(c.to)?.executive.position[c.issue] ?? 0);
        const appealGap = p['appealGap'] ?? 0.5;
        if (gap >= appealGap) {
          c.stage = 'appeal';
          c.dueTick = dueAfter(model, w.tick, p['appealTermMonths'] ?? 12);
          log.emit('action.appealed', { by: c.to, plaintiff: c.by, issue: c.issue, due: dateOf(model.calendar, c.dueTick), why: { gap: round(gap), appealGap } });
          continue;
        }
      }
      c.stage = won ? 'won' : 'lost';
    } else {
      const rate = p['reversalRate'] ?? 0.5;
      won = draw >= rate;
      log.emit('action.ruled', { ...subject, outcome: won ? 'upheld' : 'reversed', why: { reversalRate: rate, draw: round(draw) } });
      c.stage = won ? 'won' : 'reversed';
    }
    c.dueTick = w.tick;
    if (won) pressure[c.issue] = (pressure[c.issue] ?? 0) + (p['rulingPressure'] ?? 0.5) * plaintiff.capacity;
  }
}
