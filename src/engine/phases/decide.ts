/**
 * Phase `decide`: every subnational, reading the same frozen world, scores candidate actions (instrument x
 * sampled partner, plus lobbying and own laws on its issues) by its goals and proposes the best one if it
 * clears the threshold. Partners are sampled from neighbours, trade ties, kin, co-affected units and
 * networks, so the cost per agent stays constant. Nothing is changed here; `apply` acts on the proposals.
 */
import { DOMESTIC_ACTIONS, INSTRUMENTS, type InstrumentKind } from '../../model/vocabulary.ts';
import type { Id, Instrument, Subnational } from '../../model/world.ts';
import { deliberationChance, type Model } from '../model.ts';
import type { Alea, Streams } from '../rng.ts';
import type { WorldIndex } from '../world-index.ts';
import { legalRegime } from './legal.ts';
import { describeScore, scorerOf, siteFrame, slotTable, writeAttributes, type Scored, type Scorer, type SiteFrame } from './score.ts';
import type { SlotFormula } from '../../rules/formula.ts';
import { emissionSharesOf } from './issues.ts';
import { PARTY_NETWORK, PARTY_ORGANISATION } from '../static-index.ts';

export interface Alternative {
  action: string;
  partner?: Id;
  issue?: Id;
  score: number;
}

export interface DecisionWhy {
  goals: Record<string, number>;
  /**
   * For an external action, the rest of the score beside the goals (cost, load, noise, and any other term of
   * the utility formula), so that the goals and these add up to the score.
   */
  terms?: Record<string, number>;
  score: number;
  threshold: number;
  alternatives: Alternative[];
}

export type Proposal =
  | { type: 'external'; actor: Id; partner: Id; instrument: InstrumentKind; scored: Scored; why: DecisionWhy }
  | { type: 'lobby'; actor: Id; issue: Id; why: DecisionWhy }
  | { type: 'local-law'; actor: Id; issue: Id; why: DecisionWhy }
  | { type: 'litigate'; actor: Id; issue: Id; why: DecisionWhy };

const SHOWN_ALTERNATIVES = 5;
/**
 * Option codes below 0: the domestic actions, DOMESTIC_ACTIONS[i] coded -i - 1 (instrument kinds are their
 * index in INSTRUMENTS).
 */
const LOBBY = -1;
const LOCAL_LAW = -2;
const LITIGATE = -3;
const MEMBERSHIP = INSTRUMENTS.indexOf('membership');
const OFFICE = INSTRUMENTS.indexOf('office');
const TWINNING = INSTRUMENTS.indexOf('twinning');

/**
 * Whether an instrument fits a kind of partner: a network takes only members; an organisation (issue 12) takes
 * members (a seat), liaison offices at its seat and visits, MOUs, agreements, treaties, but no twinning (between
 * localities); any other partner everything but membership.
 */
function fitsPartner(kind: number, partyKind: number): boolean {
  if (partyKind === PARTY_NETWORK) return kind === MEMBERSHIP;
  if (partyKind === PARTY_ORGANISATION) return kind !== TWINNING;
  return kind !== MEMBERSHIP;
}

/**
 * The options one actor weighs, as numbers in buffers reused for every actor and tick: no object is made for
 * an option unless it is chosen or shown as an alternative.
 */
class Options {
  count = 0;
  score = new Float64Array(64);
  code = new Int32Array(64);
  /** The partner's number (external) or the issue's place in the actor's issue goals (domestic). */
  target = new Int32Array(64);
  /**
   * The scaled noise each option's score read: with the option, it is all `chosen` needs to score the chosen
   * option again (the goals' contributions, the lead goal and the terms), so no option keeps more.
   */
  noise = new Float64Array(64);

  reset(): void {
    this.count = 0;
  }

  /** The scorer's last score, for instrument `kind` with the partner numbered `partner`. */
  pushScored(scorer: Scorer, kind: number, partner: number): void {
    const i = this.next();
    this.score[i] = scorer.utilityOut[0]!;
    this.code[i] = kind;
    this.target[i] = partner;
    this.noise[i] = scorer.noise;
  }

  /** A domestic action (LOBBY, LOCAL_LAW or LITIGATE) on the actor's x-th issue goal, its score in frame[slot]. */
  pushDomestic(frame: Float64Array, slot: number, code: number, x: number): void {
    const i = this.next();
    this.score[i] = frame[slot]!;
    this.code[i] = code;
    this.target[i] = x;
    this.noise[i] = 0;
  }

  private next(): number {
    const i = this.count++;
    if (i === this.score.length) this.grow();
    return i;
  }

  private grow(): void {
    const n = this.score.length * 2;
    this.score = grown(this.score, n);
    this.code = grown(this.code, n);
    this.target = grown(this.target, n);
    this.noise = grown(this.noise, n);
  }
}

function grown<T extends Float64Array | Int32Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** Buffers of the decide phase, one set per model. */
interface DecideBuffers {
  options: Options;
  pool: Int32Array;
  spare: Int32Array;
}
const buffers = new WeakMap<Model, DecideBuffers>();

export function decide(model: Model, idx: WorldIndex, streams: Streams, date: string): Proposal[] {
  const proposals: Proposal[] = [];
  const threshold = model.parameters['actThreshold'] ?? 0.5;
  const k = Math.max(0, Math.floor(model.parameters['partnersPerTick'] ?? 4));
  const enabled = INSTRUMENTS.map((_, i) => i).filter((i) => model.instruments[INSTRUMENTS[i]!].enabled);
  const deliberates = deliberationChance(model);
  const ownCapital = (model.parameters['ownCapitalOffices'] ?? 0) >= 1 && model.instruments.office.enabled;
  const regimes = new Map<Id, string>();
  const regimeOf = (central: Id): string => {
    let r = regimes.get(central);
    if (r === undefined) regimes.set(central, (r = legalRegime(model, idx.central(central)!, date)));
    return r;
  };
  const st = idx.statics;
  const scorer = scorerOf(model, 'decide');
  let buf = buffers.get(model);
  if (!buf) buffers.set(model, (buf = { options: new Options(), pool: new Int32Array(256), spare: new Int32Array(256) }));
  const options = buf.options;
  const subs = idx.world.subnationals;
  const rng = streams.generator('decide');
  const frame = scorer.frame;
  const noiseSlot = scorer.noiseSlot;
  const domestic = domesticSitesOf(model);
  const views = issueViews(model, idx);
  for (let a = 0; a < subs.length; a++) {
    const actor = subs[a]!;
    // A unit that became a state (a succession) acts no more as a unit.
    if (st.retired[a] === 1) continue;
    // Decisions come at a rate per month, not one per tick, so day and month ticks decide alike.
    if (deliberates < 1 && rng.double() >= deliberates) continue;
    scorer.setActorAt(idx, actor, a);
    options.reset();
    const n = candidatePool(idx, a, buf);
    const pool = buf.pool;
    const m = streams.sampleInPlace('decide', pool, n, k);
    const lessons = lessonsOf(idx, actor);
    for (let p = 0; p < m; p++) {
      const number = pool[p]!;
      const partner = st.ids[number]!;
      const partyKind = st.partyKind[number]!;
      let viewed = false;
      for (let e = 0; e < enabled.length; e++) {
        const kind = enabled[e]!;
        if (!fitsPartner(kind, partyKind)) continue;
        if (lessons !== null && knownForbidden(idx, actor, lessons, kind, number, regimeOf)) continue;
        if ((kind === OFFICE || (kind === MEMBERSHIP && partyKind === PARTY_ORGANISATION)) && holds(idx.activeAt(a), actor, kind, partner)) continue;
        if (!viewed) scorer.setPartner(idx, number), (viewed = true);
        // scorer.drawNoise(rng), one call less in the loop that draws most.
        rng.normalInto(frame, noiseSlot);
        scorer.scoreDrawn(kind);
        options.pushScored(scorer, kind, number);
      }
    }
    // An office in the own capital (issue 12), weighed every time when parameter ownCapitalOffices is on: the
    // own central is one host, never among the sampled partners (no other instrument is made with it).
    if (ownCapital) {
      const number = st.centralNumber[a]!;
      const host = st.ids[number]!;
      if (!(lessons !== null && knownForbidden(idx, actor, lessons, OFFICE, number, regimeOf)) && !holds(idx.activeAt(a), actor, OFFICE, host)) {
        scorer.setPartner(idx, number);
        scorer.drawNoise(rng);
        scorer.scoreDrawn(OFFICE);
        options.pushScored(scorer, OFFICE, number);
      }
    }
    const issues = st.issueGoals[a]!;
    for (let x = 0; x < issues.length; x++) {
      const issue = issues[x]!;
      const view = views.get(issue)!;
      domesticScore(model, idx, actor, issue, view, domestic.lobby, domestic.noise, rng, a, options, x);
      if (!actor.laws.includes(issue)) domesticScore(model, idx, actor, issue, view, domestic.law, domestic.noise, rng, a, options, x);
      // A court case against the own central (parameter litigation; none scored, nor any draw made, without it),
      // at most one per unit and issue.
      if (domestic.litigate !== null && !hasCase(idx.world.cases, actor.id, issue)) domesticScore(model, idx, actor, issue, view, domestic.litigate, domestic.noise, rng, a, options, x);
    }
    let best = -1;
    for (let i = 0; i < options.count; i++) if (best < 0 || options.score[i]! > options.score[best]!) best = i;
    if (best < 0 || options.score[best]! < threshold) continue;
    proposals.push(chosen(model, idx, actor, a, scorer, options, best, threshold, st.ids, issues));
  }
  return proposals;
}

/** The proposal for option `best`, with the best of the other options as its alternatives. */
function chosen(model: Model, idx: WorldIndex, actor: Subnational, a: number, scorer: Scorer, o: Options, best: number, threshold: number, ids: readonly Id[], issues: readonly Id[]): Proposal {
  const alternative = (i: number): Alternative => {
    const code = o.code[i]!;
    const score = round(o.score[i]!);
    if (code >= 0) return { action: INSTRUMENTS[code]!, partner: ids[o.target[i]!]!, score };
    return { action: DOMESTIC_ACTIONS[-code - 1]!, issue: issues[o.target[i]!]!, score };
  };
  // The best SHOWN_ALTERNATIVES of the others, highest score first; equal scores keep the order the options
  // were weighed in (as a stable sort would), found by insertion into a short list instead of sorting them all.
  const top: number[] = [];
  for (let i = 0; i < o.count; i++) {
    if (i === best) continue;
    let at = top.length;
    while (at > 0 && o.score[top[at - 1]!]! < o.score[i]!) at--;
    if (at >= SHOWN_ALTERNATIVES) continue;
    top.splice(at, 0, i);
    if (top.length > SHOWN_ALTERNATIVES) top.pop();
  }
  const alternatives = top.map(alternative);
  const score = o.score[best]!;
  const code = o.code[best]!;
  if (code >= 0) {
    const goals = idx.statics.goalsOf(a);
    // `terms` scores the option again (the same partner, actor, kind and noise: the same numbers), which leaves
    // its goals' contributions, total and lead goal in the scorer.
    const t = scorer.terms(idx, o.target[best]!, code, o.noise[best]!);
    if (scorer.utilityOut[0] !== score) throw new Error(`the chosen option of ${actor.id} scores ${scorer.utilityOut[0]} again, not ${score}`);
    const scored = describeScore(model, idx, goals, scorer.contrib, scorer.total, score, scorer.lead);
    const goalValues = roundAll(scored.goals);
    const terms: Record<string, number> = { cost: round(t.cost), load: round(t.load), noise: round(t.noise) };
    if (round(t.other) !== 0) terms['other'] = round(t.other);
    const why: DecisionWhy = { goals: goalValues, terms, score: round(score), threshold, alternatives };
    return { type: 'external', actor: actor.id, partner: ids[o.target[best]!]!, instrument: INSTRUMENTS[code]!, scored, why };
  }
  const issue = issues[o.target[best]!]!;
  const why: DecisionWhy = { goals: roundAll({ [issue]: score }), score: round(score), threshold, alternatives };
  return { type: DOMESTIC_ACTIONS[-code - 1]!, actor: actor.id, issue, why };
}

/**
 * The legal situation a lesson about a tie is valid under: the actor's regime, then the partner's (role order,
 * never id order, so renaming either party cannot change whether the lesson applies).
 */
export function lessonKey(idx: WorldIndex, actor: Subnational, partner: Id, regimeOf: (central: Id) => string): string {
  const partnerUnit = idx.subnational(partner);
  return `${regimeOf(actor.central)}|${partnerUnit ? regimeOf(partnerUnit.central) : '-'}`;
}

/** A lesson's key ("instrument>partner") read as numbers: the instrument's index and the partner's party number. */
interface Lesson {
  key: string;
  kind: number;
  partner: number;
}
/** Parsed lessons per `learned` record, with how many keys it had (apply only ever adds keys). */
const parsedLessons = new WeakMap<Record<string, string>, { count: number; statics: object; lessons: Lesson[] }>();

/** The actor's lessons as numbers, or null if it has none: parsed once, again only when a lesson is added. */
function lessonsOf(idx: WorldIndex, actor: Subnational): Lesson[] | null {
  let count = 0;
  for (const _ in actor.learned) count++;
  if (count === 0) return null;
  let cached = parsedLessons.get(actor.learned);
  if (!cached || cached.count !== count || cached.statics !== idx.statics) {
    const lessons: Lesson[] = [];
    for (const key of Object.keys(actor.learned)) {
      const cut = key.indexOf('>');
      const kind = INSTRUMENTS.indexOf(key.slice(0, cut) as InstrumentKind);
      const partner = idx.statics.number.get(key.slice(cut + 1));
      if (kind >= 0 && partner !== undefined) lessons.push({ key, kind, partner });
    }
    parsedLessons.set(actor.learned, (cached = { count, statics: idx.statics, lessons }));
  }
  return cached.lessons;
}

/** Whether the actor learnt that this tie is forbidden under the regimes in force today. */
function knownForbidden(idx: WorldIndex, actor: Subnational, lessons: readonly Lesson[], kind: number, partner: number, regimeOf: (central: Id) => string): boolean {
  for (let i = 0; i < lessons.length; i++) {
    const l = lessons[i]!;
    if (l.kind === kind && l.partner === partner) return actor.learned[l.key] === lessonKey(idx, actor, idx.statics.ids[partner]!, regimeOf);
  }
  return false;
}

/**
 * A subnational keeps at most one office in a host place, and at most one seat in an organisation: one in force
 * or awaiting approval there rules out another (instrument `kind`, its index in INSTRUMENTS).
 */
function holds(active: readonly Instrument[], actor: Subnational, kind: number, host: Id): boolean {
  const name = INSTRUMENTS[kind]!;
  for (let i = 0; i < active.length; i++) {
    const inst = active[i]!;
    if (inst.kind === name && inst.initiator === actor.id && inst.parties.includes(host)) return true;
  }
  return false;
}

/** Issues the actor has a positive goal weight for, in id order. */
export function issueGoals(idx: WorldIndex, actor: Subnational): Id[] {
  return [...idx.statics.issueGoals[idx.statics.position.get(actor.id)!]!];
}

/**
 * Candidate partners: neighbours, trade ties, kin, networks, and co-affected units of the actor's issues
 * (all of them up to CO_AFFECTED_POOL, else an evenly spaced selection rotating with the tick). Sorted, unique.
 */
export function candidatePartners(idx: WorldIndex, actor: Subnational): Id[] {
  const buf = { pool: new Int32Array(16), spare: new Int32Array(16) };
  const n = candidatePool(idx, idx.statics.position.get(actor.id)!, buf);
  return [...buf.pool.subarray(0, n)].map((k) => idx.statics.ids[k]!);
}

/**
 * Writes the candidate partners of subnational `a` (its place in the world) into buf.pool as party numbers,
 * sorted and unique, and returns how many: its static pool merged with the co-affected units of each of its
 * issue goals, itself left out. Numbers follow id order, so this is the id order of candidatePartners.
 */
function candidatePool(idx: WorldIndex, a: number, buf: { pool: Int32Array; spare: Int32Array }): number {
  const st = idx.statics;
  const from = st.poolStart[a]!;
  const to = st.poolStart[a + 1]!;
  const self = st.subNumber[a]!;
  let n = to - from;
  if (buf.pool.length < n) buf.pool = new Int32Array(n * 2);
  for (let k = 0; k < n; k++) buf.pool[k] = st.poolData[from + k]!;
  const issues = st.issueGoals[a]!;
  for (let x = 0; x < issues.length; x++) {
    const co = idx.coAffected.get(issues[x]!)!;
    if (buf.spare.length < n + co.length) buf.spare = new Int32Array((n + co.length) * 2);
    n = mergeUnique(buf.pool, n, co, self, buf.spare);
    const merged = buf.spare;
    buf.spare = buf.pool;
    buf.pool = merged;
  }
  return n;
}

/** Merges sorted a[0..n) and sorted b into out, each number once and `skip` left out; returns the length. */
function mergeUnique(a: Int32Array, n: number, b: Int32Array, skip: number, out: Int32Array): number {
  let i = 0;
  let j = 0;
  let m = 0;
  while (i < n || j < b.length) {
    const x = j >= b.length || (i < n && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (x !== skip && (m === 0 || out[m - 1] !== x)) out[m++] = x;
  }
  return m;
}

/** The variables of the domestic actions' formulas (lobby, localLaw, litigate), and where their value is left. */
const DOMESTIC = ['weight', 'salience', 'damage', 'position', 'centralPosition', 'capacity', 'load', 'noise', 'emissionShare', 'centralLaw', 'resolution', 'casesBrought', '$result'] as const;

/** A domestic action's frame (its own, so neither action reads the other's values) and formula. */
interface DomesticSite {
  site: SiteFrame<(typeof DOMESTIC)[number]>;
  formula: SlotFormula;
  code: number;
}
/** Both domestic actions of a model and the noise scale, found once per model. */
interface DomesticSites {
  lobby: DomesticSite;
  law: DomesticSite;
  /** Null unless parameter litigation is on. */
  litigate: DomesticSite | null;
  noise: number;
}
const domesticSites = new WeakMap<Model, DomesticSites>();
function domesticSitesOf(model: Model): DomesticSites {
  let d = domesticSites.get(model);
  if (!d) {
    const formulas = slotTable(model).formulas;
    d = {
      lobby: { site: siteFrame(model, 'lobby', DOMESTIC), formula: formulas['lobby']!, code: LOBBY },
      law: { site: siteFrame(model, 'local-law', DOMESTIC), formula: formulas['localLaw']!, code: LOCAL_LAW },
      litigate: (model.parameters['litigation'] ?? 0) > 0 ? { site: siteFrame(model, 'litigate', DOMESTIC), formula: formulas['litigate']!, code: LITIGATE } : null,
      noise: model.parameters['noise'] ?? 0,
    };
    domesticSites.set(model, d);
  }
  return d;
}

/** Whether the unit has brought a case on the issue (pending or decided); cases are few, a scan is enough. */
function hasCase(cases: readonly { by: Id; issue: Id }[], by: Id, issue: Id): boolean {
  for (let i = 0; i < cases.length; i++) if (cases[i]!.by === by && cases[i]!.issue === issue) return true;
  return false;
}

/** Cases brought against a central on an issue by any of its units, pending or decided. */
function casesBrought(cases: readonly { to: Id; issue: Id }[], central: Id, issue: Id): number {
  let n = 0;
  for (let i = 0; i < cases.length; i++) if (cases[i]!.to === central && cases[i]!.issue === issue) n++;
  return n;
}

/** What the domestic actions read of one issue this tick, by unit place: found once per tick, not per option. */
/** An issue this tick, by place in world.subnationals: salience, damage and emission share. */
export interface IssueView {
  salience: Float64Array | undefined;
  damage: Float64Array | undefined;
  emissionShare: Float64Array;
}
export function issueView(idx: WorldIndex, spec: Model['scenario']['issues'][number]): IssueView {
  return { salience: idx.salienceOf.get(spec.id), damage: idx.damageOf.get(spec.id), emissionShare: emissionSharesOf(spec, idx.world) };
}
function issueViews(model: Model, idx: WorldIndex): Map<Id, IssueView> {
  const views = new Map<Id, IssueView>();
  for (const spec of model.scenario.issues) views.set(spec.id, issueView(idx, spec));
  return views;
}

/** Slots of what a unit's formula on an issue reads of the unit itself (the domestic actions, a forum's vote). */
type OnIssue = Readonly<Record<'weight' | 'salience' | 'damage' | 'position' | 'centralPosition' | 'capacity' | 'emissionShare' | 'centralLaw', number>>;

/** Writes the unit's own values on `issue` into frame f: the unit is the a-th subnational of the world. */
export function writeOnIssue(f: Float64Array, at: OnIssue, idx: WorldIndex, unit: Subnational, a: number, issue: Id, view: IssueView): void {
  f[at.weight] = unit.goals[issue] ?? 0;
  // Stryker disable next-line OptionalChaining: equivalent, every issue has a state for every unit (initialWorld)
  f[at.salience] = view.salience?.[a] ?? 0;
  // Stryker disable next-line OptionalChaining: equivalent, as above
  f[at.damage] = view.damage?.[a] ?? 0;
  f[at.position] = unit.position[issue] ?? 0;
  // Stryker disable next-line OptionalChaining: equivalent, every unit's central is in the world
  f[at.centralPosition] = idx.statics.centralOf[a]?.executive.position[issue] ?? 0;
  f[at.capacity] = unit.capacity;
  f[at.emissionShare] = view.emissionShare[a]!;
  f[at.centralLaw] = idx.centralHasLaw(issue, unit.central) ? 1 : 0;
}

/**
 * Scores a domestic action (lobbying the own central, or an own law) on `issue`, with a noise draw, and adds it
 * to the options; the actor is the a-th subnational of the world.
 */
function domesticScore(model: Model, idx: WorldIndex, actor: Subnational, issue: Id, view: IssueView, d: DomesticSite, noiseScale: number, rng: Alea, a: number, options: Options, x: number): void {
  const site = d.site;
  const { frame: f, at } = site;
  writeAttributes(model, site, idx.statics, a);
  writeOnIssue(f, at, idx, actor, a, issue, view);
  f[at.load] = idx.activeAt(a).length / actor.capacity;
  rng.normalInto(f, at.noise);
  f[at.noise] = f[at.noise]! * noiseScale;
  f[at.resolution] = idx.boundBy(issue)?.[a] ?? 0;
  if (d.code === LITIGATE) f[at.casesBrought] = casesBrought(idx.world.cases, actor.central, issue);
  d.formula.evaluateInto(f, actor.id);
  options.pushDomestic(f, at.$result, d.code, x);
}


export const round = (x: number): number => Math.round(x * 1e4) / 1e4;
function roundAll(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]));
}
