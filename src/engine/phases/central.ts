/**
 * Phase `central`: centrals move under pressure (lobbying, salience, transborder ties, state laws), pursue
 * national law through their legislature's gates, conclude agreements with each other when positions
 * overlap, and use the powers their rule set gives them over subnationals' instruments. Subnationals'
 * relation modes are re-scored. Decisions only; `apply` writes them.
 */
import { dateOf, deadlineTick, durationOf } from '../../model/calendar.ts';
import { findPower, selectRuleSet } from '../../rules/assess.ts';
import { RELATIONS, type InstrumentKind, type Relation } from '../../model/vocabulary.ts';
import type { Central, Id } from '../../model/world.ts';
import { chancePerTick, type Model } from '../model.ts';
import type { Streams } from '../rng.ts';
import type { WorldIndex } from '../world-index.ts';
import { round } from './decide.ts';
import { optionsFor } from './legal.ts';
import { consentScore } from './respond.ts';
import { scratch, siteFrame, slotTable, writeAttributes } from './score.ts';

export interface CentralDecisions {
  positions: { central: Id; issue: Id; value: number; why: Record<string, number> }[];
  support: { central: Id; chamber: Id; issue: Id; value: number }[];
  gatekeepers: { central: Id; chamber: Id; gatekeeper: Id; issue: Id; value: number }[];
  lawStatus: { central: Id; issue: Id; status: string; why: Record<string, unknown> }[];
  laws: { central: Id; issue: Id; why: Record<string, unknown> }[];
  agreements: { between: [Id, Id]; issue: Id; instrument: InstrumentKind; why: Record<string, unknown> }[];
  /** Duties to consult discharged this tick, before an agreement is concluded. */
  consultations: { central: Id; issue: Id; instrument: InstrumentKind; subnationals: Id[]; citation: string; why: Record<string, unknown> }[];
  demands: { central: Id; instrument: Id; citation: string; why: Record<string, unknown> }[];
  endings: { instrument: Id; outcome: 'denounced' | 'takenOver' | 'kept'; by: Id; citations: string[]; why: Record<string, unknown> }[];
  relations: RelationScores;
}

/**
 * Every subnational's relation score and mode this tick, by its place in world.subnationals: numbers in typed
 * arrays, not an object per unit and tick (100,000 of them at the bench's largest size). NaN: not scored (the
 * unit keeps its score and mode).
 */
export interface RelationScores {
  score: Float64Array;
  /** The mode's index in RELATIONS. */
  mode: Uint8Array;
  /** By place, only where the mode changes (the event explains it): the relation formula's inputs and the thresholds. */
  why: Map<number, { inputs: Record<string, number>; thresholds: Record<string, number> }>;
}

/** Relation scores for n subnationals, none scored yet, in `score` if given (a kept array of length n). */
export function relationScores(n: number, score: Float64Array = new Float64Array(n)): RelationScores {
  return { score: score.fill(Number.NaN), mode: new Uint8Array(n), why: new Map() };
}

export function central(model: Model, idx: WorldIndex, streams: Streams, date: string): CentralDecisions {
  const n = idx.world.subnationals.length;
  // The scores in the array the static index keeps between ticks (tickArray).
  const out: CentralDecisions = { positions: [], support: [], gatekeepers: [], lawStatus: [], laws: [], agreements: [], consultations: [], demands: [], endings: [], relations: relationScores(n, idx.statics.tickArray('relation score', n)) };
  const w = idx.world;
  const p = model.parameters;
  const topTwo = new Map<Id, [[number, Id], [number, Id]]>();
  for (const c of w.centrals) {
    for (const issue of model.scenario.issues) {
      const x = issue.id;
      // Stryker disable next-line StringLiteral: equivalent, a scratch site's name only keys its cached scope
      const scope = scratch(model, 'centralPosition');
      scope['stance'] = c.executive.stance[x] ?? 0;
      scope['position'] = c.executive.position[x] ?? 0;
      scope['pressure'] = w.pressure[c.id]?.[x] ?? 0;
      scope['salience'] = idx.meanSalience(x, c.id);
      scope['ties'] = idx.ties(x, c.id);
      scope['laws'] = idx.unitLaws(x, c.id);
      scope['foreign'] = foreignPosition(x, c.id);
      scope['law'] = idx.centralHasLaw(x, c.id) ? 1 : 0;
      const position = model.formulas['centralPosition']!.evaluate(scope, c.id);
      const inputs = { stance: scope['stance']!, pressure: scope['pressure']!, salience: scope['salience']!, ties: scope['ties']!, laws: scope['laws']!, foreign: scope['foreign']! };
      out.positions.push({ central: c.id, issue: x, value: position, why: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, round(v)])) });
      for (const ch of c.legislature?.chambers ?? []) {
        // Stryker disable next-line StringLiteral: equivalent, a scratch site's name only keys its cached scope
        const chamber = scratch(model, 'chamberSupport');
        for (const k of ['pressure', 'salience', 'ties', 'laws', 'foreign'] as const) chamber[k] = scope[k]!;
        chamber['position'] = position;
        chamber['support'] = ch.support[x] ?? 0;
        out.support.push({ central: c.id, chamber: ch.id, issue: x, value: model.formulas['chamberSupport']!.evaluate(chamber, c.id) });
        for (const g of ch.gatekeepers) {
          // Stryker disable next-line StringLiteral: equivalent, a scratch site's name only keys its cached scope
          const gk = scratch(model, 'gatekeeperPosition');
          for (const k of ['pressure', 'salience', 'ties', 'laws'] as const) gk[k] = scope[k]!;
          gk['executive'] = position;
          gk['support'] = ch.support[x] ?? 0;
          gk['position'] = g.position[x] ?? 0;
          out.gatekeepers.push({ central: c.id, chamber: ch.id, gatekeeper: g.id, issue: x, value: model.formulas['gatekeeperPosition']!.evaluate(gk, c.id) });
        }
      }
      if (issue.law?.centrals.includes(c.id) && !idx.centralHasLaw(x, c.id)) lawStep(c, x, position);
    }
    powers(c);
  }
  for (const issue of model.scenario.issues) {
    const a = issue.agreement;
    if (!a) continue;
    const draw = streams.uniform('central');
    const done = w.instruments.some((i) => i.issue === issue.id && i.kind === a.instrument && a.between.every((b) => i.parties.includes(b)) && i.status === 'in-force');
    if (done) continue;
    const [ca, cb] = a.between.map((id) => idx.central(id)!);
    const positions = { [ca!.id]: round(ca!.executive.position[issue.id] ?? 0), [cb!.id]: round(cb!.executive.position[issue.id] ?? 0) };
    const lawsInPlace = a.requiresLaw.every((id) => idx.centralHasLaw(issue.id, id));
    const min = p['agreementMin'] ?? 0.3;
    const overlap = Object.values(positions).every((v) => v >= min);
    if (!lawsInPlace || !overlap) continue;
    // With a span, the chance grows with the overlap: the bargain comes sooner the further both are for action.
    const span = p['agreementSpan'] ?? 0;
    const share = span > 0 ? Math.min(1, (Math.min(...Object.values(positions)) - min) / span) : 1;
    // A duty to consult (Germany) comes "in sufficient time, before concluding": the central consults its
    // affected units when an agreement is within reach and concludes no earlier than consultMonths later.
    let waiting = false;
    for (const c of [ca!, cb!]) {
      const rs = selectRuleSet(model.ruleSets, c.ruleSet, date);
      const power = rs ? findPower(rs, optionsFor(rs, c), 'consult', a.instrument, null) : null;
      if (!power) continue;
      const consulted = w.consultations[c.id]?.[issue.id];
      if (consulted === undefined) {
        // Stryker disable next-line ArrayDeclaration: equivalent, the index has an entry (maybe empty) for every central
        const units = (idx.unitsOf.get(c.id) ?? []).filter((u) => u.competences.includes(issue.domain));
        const views = Object.fromEntries(units.map((u) => [u.id, round(u.position[issue.id] ?? 0)]));
        out.consultations.push({ central: c.id, issue: issue.id, instrument: a.instrument, subnationals: units.map((u) => u.id), citation: power.citation, why: { positions: views, concludeAfterMonths: p['consultMonths'] ?? 3 } });
        waiting = true;
      } else if (w.tick < deadlineTick(model.calendar, consulted, durationOf(p['consultMonths'] ?? 3, 'month') ?? { amount: 3, unit: 'month' })) waiting = true;
    }
    if (!waiting && draw < chancePerTick(model, (p['agreementChance'] ?? 0.15) * share)) {
      out.agreements.push({ between: [ca!.id, cb!.id], issue: issue.id, instrument: a.instrument, why: { positions, agreementMin: p['agreementMin'], lawsInPlace: a.requiresLaw } });
    }
  }
  relations();
  return out;

  /** The highest position on an issue among the other centrals (the top two are kept, so this is O(1)). */
  function foreignPosition(issue: Id, self: Id): number {
    let top = topTwo.get(issue);
    if (!top) {
      // Stryker disable StringLiteral: equivalent, a sentinel's id only matters for a value below 0, which the clamp to 0 hides
      top = [[0, ''], [0, '']];
      for (const o of w.centrals) {
        const v = o.executive.position[issue] ?? 0;
        if (v > top[0][0] || top[0][1] === '') top = [[v, o.id], top[0]];
        else if (v > top[1][0] || top[1][1] === '') top = [top[0], [v, o.id]];
      }
      // Stryker restore StringLiteral
      topTwo.set(issue, top);
    }
    return Math.max(0, top[0][1] === self ? top[1][0] : top[0][0]);
  }

  function lawStep(c: Central, x: Id, position: number): void {
    const draw = streams.uniform('central');
    const gate = p['gate'] ?? 0;
    const chambers = c.legislature?.chambers ?? [];
    const blockers = chambers.flatMap((ch) => ch.gatekeepers.filter((g) => (g.position[x] ?? 0) < gate).map((g) => `${g.name} (${g.role})`));
    const short = chambers.filter((ch) => (ch.support[x] ?? 0) < ch.threshold).map((ch) => ch.name);
    const why = {
      gatekeepers: chambers.flatMap((ch) => ch.gatekeepers.map((g) => ({ name: g.name, role: g.role, position: round(g.position[x] ?? 0) }))),
      support: Object.fromEntries(chambers.map((ch) => [ch.name, round(ch.support[x] ?? 0)])),
      thresholds: Object.fromEntries(chambers.map((ch) => [ch.name, ch.threshold])),
      executive: round(position),
      gate,
    };
    const status = blockers.length > 0 ? 'gatekeeper' : short.length > 0 ? 'votes' : position < (p['lawExecutiveMin'] ?? 0) ? 'executive' : 'ready';
    // Stryker disable next-line StringLiteral: equivalent, any text that is no status reads as "no status yet"
    if (status !== (w.lawStatus[c.id]?.[x] ?? '')) {
      out.lawStatus.push({ central: c.id, issue: x, status, why: { ...why, blockers, short } });
    }
    if (status === 'ready' && draw < chancePerTick(model, p['lawChance'] ?? 0.2)) out.laws.push({ central: c.id, issue: x, why });
  }

  function powers(c: Central): void {
    const ruleSet = selectRuleSet(model.ruleSets, c.ruleSet, date);
    if (!ruleSet) return;
    const options = optionsFor(ruleSet, c);
    for (const inst of idx.inForceByCentral.get(c.id) ?? []) {
      if (inst.duchacek === null) continue;
      const unitId = inst.parties.find((id) => idx.subnational(id)?.central === c.id);
      if (!unitId) continue;
      const unit = idx.subnational(unitId)!;
      const signed = inst.signedTick === null ? null : dateOfTick(inst.signedTick);
      // Fixed draws per instrument: whether the central reviewed it since the last tick (a chance per month,
      // parameter oversight) and the noise of the decision.
      const reviews = streams.uniform('central') < chancePerTick(model, p['oversight'] ?? 0.5);
      const noise = streams.normal('central');
      // A demand is answered by the unit of the central that made it, never through the partner's central.
      if (inst.denunciationDemandedTick !== null && inst.denunciationDemandedBy !== null && inst.denunciationDemandedBy !== c.id) continue;
      if (inst.denunciationDemandedTick !== null && inst.denunciationDemandedTick < w.tick) {
        // Stryker disable next-line StringLiteral: equivalent, a scratch site's name only keys its cached scope
        const scope = scratch(model, 'comply');
        for (const a of model.attributes) scope[a] = unit.attributes[a] ?? 0;
        scope['relationScore'] = unit.relationScore;
        scope['autonomyAspiration'] = unit.attributes['autonomyAspiration'] ?? 0;
        scope['noise'] = noise * (p['noise'] ?? 0);
        const comply = model.formulas['comply']!.evaluate(scope, unit.id);
        const takeOver = findPower(ruleSet, options, 'take-over', inst.kind, signed);
        const outcome = comply >= 0 ? 'denounced' : takeOver ? 'takenOver' : 'kept';
        out.endings.push({ instrument: inst.id, outcome, by: outcome === 'takenOver' ? c.id : unitId, citations: takeOver && outcome === 'takenOver' ? [takeOver.citation] : [], why: { comply: round(comply), threshold: 0 } });
        continue;
      }
      if (inst.denunciationDemandedTick !== null || !reviews) continue;
      const consent = consentScore(model, idx, c, unit, inst.parties.find((x) => x !== unitId) ?? unitId, inst.issue, inst.protodiplomacy, inst.kind === 'treaty' || inst.kind === 'agreement', noise);
      if (consent >= (p['denounceBelow'] ?? -0.5)) continue;
      const demand = findPower(ruleSet, options, 'demand-denunciation', inst.kind, signed);
      const denounce = findPower(ruleSet, options, 'denounce', inst.kind, signed);
      const why = { consent: round(consent), denounceBelow: p['denounceBelow'] };
      if (demand) out.demands.push({ central: c.id, instrument: inst.id, citation: demand.citation, why });
      else if (denounce) out.endings.push({ instrument: inst.id, outcome: 'denounced', by: c.id, citations: [denounce.citation], why });
    }
  }

  function relations(): void {
    const refusals = new Map<Id, number>();
    const proto = new Map<Id, number>();
    for (const inst of w.instruments) {
      for (const a of inst.approvals) if (a.status === 'refused' && a.organ !== 'own-legislature') refusals.set(a.party, (refusals.get(a.party) ?? 0) + 1);
      if (inst.status === 'in-force' && inst.protodiplomacy) proto.set(inst.initiator, (proto.get(inst.initiator) ?? 0) + 1);
    }
    const table = slotTable(model);
    const site = siteFrame(model, 'relation', ['alignment', 'autonomyAspiration', 'protodiplomaticTies', 'sanctions', 'refusals'] as const);
    const { frame: f, at } = site;
    const formula = table.formulas['relation']!;
    const result = table.slots.get('$result')!;
    const rel = out.relations;
    const subs = w.subnationals;
    const centralOf = idx.statics.centralOf;
    const issueGoals = idx.statics.issueGoals;
    // autonomyAspiration from the attribute table (the same value, read without the unit's attributes object) when the model lists it.
    const attributes = idx.statics.attributeValues(model.attributes);
    const A = model.attributes.length;
    const autonomyAt = model.attributes.indexOf('autonomyAspiration');
    const thresholds = { support: p['relationSupport'] ?? 0.6, complementarity: p['relationComplementarity'] ?? 0.2, competition: p['relationCompetition'] ?? -0.2 };
    // One copy of the thresholds for every change this tick (read-only: events are immutable), not one per unit:
    // a first tick where every unit changes mode would otherwise keep 100,000 copies until it ends.
    const shownThresholds = { ...thresholds };
    for (let i = 0; i < subs.length; i++) {
      const u = subs[i]!;
      const c = centralOf[i]!;
      const issues = issueGoals[i]!;
      let alignment = 1;
      if (issues.length > 0) {
        alignment = 0;
        // Issues in id order (never the file's order of goals), summed as s + 1 - |gap| / 2.
        for (let x = 0; x < issues.length; x++) alignment = alignment + 1 - Math.abs((u.position[issues[x]!] ?? 0) - (c.executive.position[issues[x]!] ?? 0)) / 2;
        alignment /= issues.length;
      }
      writeAttributes(model, site, idx.statics, i);
      f[at.alignment] = alignment;
      f[at.autonomyAspiration] = autonomyAt >= 0 ? attributes[i * A + autonomyAt]! : (u.attributes['autonomyAspiration'] ?? 0);
      f[at.protodiplomaticTies] = proto.size === 0 ? 0 : (proto.get(u.id) ?? 0);
      f[at.sanctions] = u.sanctions;
      f[at.refusals] = refusals.size === 0 ? 0 : (refusals.get(u.id) ?? 0);
      formula.evaluateInto(f, u.id);
      const score = f[result]!;
      const mode = relationIndex(score, thresholds);
      rel.score[i] = score;
      rel.mode[i] = mode;
      if (RELATIONS[mode] !== u.relation) {
        // A change is explained: what the formula read, and the thresholds that map a score to a mode.
        const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;
        const inputs = { alignment: r4(alignment), autonomyAspiration: r4(f[at.autonomyAspiration]!), protodiplomaticTies: f[at.protodiplomaticTies]!, sanctions: f[at.sanctions]!, refusals: f[at.refusals]! };
        rel.why.set(i, { inputs, thresholds: shownThresholds });
      }
    }
  }

  function dateOfTick(tick: number): string {
    return dateOf(model.calendar, tick);
  }
}


export function relationMode(score: number, p: Readonly<Record<string, number>>): Relation {
  return RELATIONS[relationIndex(score, { support: p['relationSupport'] ?? 0.6, complementarity: p['relationComplementarity'] ?? 0.2, competition: p['relationCompetition'] ?? -0.2 })]!;
}

/** relationMode as the mode's index in RELATIONS, the thresholds read once. */
function relationIndex(score: number, t: { support: number; complementarity: number; competition: number }): number {
  return score >= t.support ? 0 : score >= t.complementarity ? 1 : score >= t.competition ? 2 : 3;
}
