/**
 * Scoring a candidate external action: each goal's value from its formula, weighted by the actor's goal
 * weight; the utility formula turns the weighted total into a score. The same code (a Scorer) scores every
 * candidate in the decide loop, a proposal from the partner's side (acceptance) and a tie at its review, so
 * actor and partner reason alike.
 *
 * The decide loop scores about 27 candidates per agent and tick, so the Scorer works on numbers only: formulas
 * bound to slots of one Float64Array frame (slotTable), a partner's fields and per-goal values in typed
 * arrays, the goals' contributions in a buffer. Objects (Scored, PartnerView) are built only on request, for
 * the chosen action and for explanations.
 */
import { FORMULAS, GOAL_DOMAINS } from '../../rules/catalog.ts';
import { generateFunction, type CompiledFormula, type SlotFormula } from '../../rules/formula.ts';
import { INSTRUMENTS, isBinding, type InstrumentKind } from '../../model/vocabulary.ts';
import type { Id, Instrument, Subnational } from '../../model/world.ts';
import type { Model } from '../model.ts';
import type { Alea } from '../rng.ts';
import { activeGoalsOf, PARTY_CENTRAL, PARTY_NETWORK, PARTY_ORGANISATION, PARTY_SUBNATIONAL, type ActiveGoal, type GoalName, type StaticIndex } from '../static-index.ts';
import { budgetOf, spendingOf, usesBudgets } from '../budget.ts';
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

/** What an actor knows about one partner: the fields shared by every instrument scored, and per goal its values. */
export interface PartnerView {
  partner: Id;
  goals: ActiveGoal[];
  fields: Record<string, number>;
  /** Per goal: the goal-specific variables (salience, existing ties on the issue, positions). */
  perGoal: Record<string, number>[];
  existingAll: number;
}

/** Goals with a positive weight, sorted, with the issue each stands for (null for core goals). */
export function activeGoals(idx: WorldIndex, actor: Subnational): ActiveGoal[] {
  return activeGoalsOf(actor.goals, idx.statics.issueIds);
}

/** The partner fields, in the order the scope receives them. */
export const PARTNER_FIELDS = ['capacity', 'tradeTie', 'kin', 'partnerIsState', 'partnerIsNetwork', 'crossBorder', 'transregional', 'global', 'load', 'partnerIsOrganisation', 'ownState', 'partnerSupport'] as const;
/** The per-goal variables, in the order the scope receives them. */
export const GOAL_FIELDS = ['salience', 'damage', 'partnerSalience', 'existingTies', 'position', 'centralPosition', 'resolution', 'partnerResolution'] as const;
const NF = PARTNER_FIELDS.length;
const NG = GOAL_FIELDS.length;
/** The actor's own values per goal that setActor keeps: salience, damage, position, centralPosition, resolution. */
const OWN = 5;

/**
 * Every name any formula may read gets a slot of the model's frames; parameters and dt are filled in the
 * base frame once. Built once per model.
 */
export interface SlotTable {
  slots: ReadonlyMap<string, number>;
  base: Float64Array;
  formulas: Readonly<Record<string, SlotFormula>>;
}
const slotTables = new WeakMap<Model, SlotTable>();
const RESULT = '$result';

export function slotTable(model: Model): SlotTable {
  let t = slotTables.get(model);
  if (t) return t;
  const names = new Set<string>(['dt', 'total', 'noise', 'age', ...Object.keys(model.parameters), ...model.attributes]);
  for (const spec of Object.values(FORMULAS)) for (const v of Object.keys(spec.variables)) names.add(v);
  const slots = new Map([...names].sort().map((n, i) => [n, i] as const));
  // Where each formula leaves its value (a name no formula can read: "$" starts no catalog variable).
  const result = slots.size;
  slots.set(RESULT, result);
  const base = new Float64Array(slots.size);
  for (const [k, v] of Object.entries(model.parameters)) base[slots.get(k)!] = v;
  base[slots.get('dt')!] = model.dt;
  const formulas: Record<string, SlotFormula> = {};
  for (const [name, f] of Object.entries(model.formulas)) formulas[name] = f.bind(slots, result);
  slotTables.set(model, (t = { slots, base, formulas }));
  return t;
}

/** A call site's own frame (see `scratch`: sites never share one), with the slots of its variables. */
export interface SiteFrame<K extends string> {
  frame: Float64Array;
  /** Slot of each of its variables. */
  at: Readonly<Record<K, number>>;
  /** Slots of model.attributes, in order. */
  attrs: Int32Array;
}
const siteFrames = new WeakMap<Model, Map<string, SiteFrame<string>>>();

/** The frame of call site `site`, made once per model with the parameters filled in. */
export function siteFrame<K extends string>(model: Model, site: string, names: readonly K[]): SiteFrame<K> {
  let sites = siteFrames.get(model);
  if (!sites) siteFrames.set(model, (sites = new Map()));
  let s = sites.get(site);
  if (!s) {
    const table = slotTable(model);
    const slot = (k: string): number => table.slots.get(k)!;
    s = { frame: table.base.slice(), at: Object.fromEntries(names.map((k) => [k, slot(k)])), attrs: Int32Array.from(model.attributes.map(slot)) };
    sites.set(site, s);
  }
  return s as SiteFrame<K>;
}

/** Writes the attributes (0 where it lacks one) of the subnational at `position` in the world into a site's frame. */
export function writeAttributes(model: Model, site: SiteFrame<string>, statics: StaticIndex, position: number): void {
  const names = model.attributes;
  const values = statics.attributeValues(names);
  const A = names.length;
  for (let i = 0; i < A; i++) site.frame[site.attrs[i]!] = values[position * A + i]!;
}

/**
 * What an actor knows of a partner, in typed arrays: `setActor` once per actor (what does not depend on the
 * partner: its instruments, load, and per goal its salience, damage and positions), then `setPartner` per
 * partner (PARTNER_FIELDS in `fields`, GOAL_FIELDS per goal in `perGoal`). Partners are party numbers
 * (StaticIndex), so this reads arrays, not maps of ids.
 */
export class PartnerReader {
  readonly fields = new Float64Array(NF);
  /** GOAL_FIELDS per goal: perGoal[g * NG + f]. */
  perGoal = new Float64Array(0);
  existingAll = 0;
  goals: readonly GoalName[] = [];
  actor: Subnational | null = null;
  private active: readonly Instrument[] = [];
  /** Per goal (OWN apart): the actor's salience, damage, position, its central's position on the goal's issue, and whether a resolution binds it. */
  private own = new Float64Array(0);
  private position = -1;

  /** `position`: the actor's place in world.subnationals, if the caller knows it. */
  setActor(idx: WorldIndex, actor: Subnational, goals: readonly GoalName[], position = idx.statics.position.get(actor.id)!): void {
    this.actor = actor;
    this.goals = goals;
    this.position = position;
    this.active = idx.activeAt(position);
    const G = goals.length;
    if (this.own.length < G * OWN) {
      this.own = new Float64Array(G * OWN);
      this.perGoal = new Float64Array(G * NG);
    }
    // Stryker disable next-line OptionalChaining: equivalent, every unit's central is in the world
    const centralPosition = idx.statics.centralOf[position]?.executive.position;
    for (let g = 0; g < G; g++) {
      const issue = goals[g]!.issue;
      const o = g * OWN;
      if (!issue) {
        this.own[o] = 0;
        this.own[o + 1] = 0;
        this.own[o + 2] = 0;
        this.own[o + 3] = 0;
        this.own[o + 4] = 0;
        continue;
      }
      // Stryker disable next-line OptionalChaining: equivalent, an issue goal's issue is in the index and every issue has a state for every unit (initialWorld)
      this.own[o] = idx.salienceOf.get(issue)?.[this.position] ?? 0;
      // Stryker disable next-line OptionalChaining: equivalent, as above
      this.own[o + 1] = idx.damageOf.get(issue)?.[this.position] ?? 0;
      this.own[o + 2] = actor.position[issue] ?? 0;
      this.own[o + 3] = centralPosition?.[issue] ?? 0;
      this.own[o + 4] = idx.boundBy(issue)?.[this.position] ?? 0;
    }
    this.fields[0] = actor.capacity;
    this.fields[8] = this.active.length / actor.capacity;
  }

  /** The partner with party number `partner`. */
  setPartner(idx: WorldIndex, partner: number): void {
    const st = idx.statics;
    const a = this.position;
    const id = st.ids[partner]!;
    const kind = st.partyKind[partner];
    const country = st.partyCountry[partner]!;
    const own = st.centralNumber[a]!;
    const active = this.active;
    let existing = 0;
    for (let k = 0; k < active.length; k++) if (active[k]!.parties.includes(id)) existing++;
    let tradeTie = 0;
    for (let k = st.tradeStart[a]!; k < st.tradeStart[a + 1]!; k++) {
      const t = st.tradeData[k]!;
      if (t === partner || t === country) tradeTie = Math.max(tradeTie, st.tradeWeight[k]!);
    }
    let kin = 0;
    for (let k = st.kinStart[a]!; k < st.kinStart[a + 1]!; k++) if (st.kinData[k] === partner || st.kinData[k] === country) kin = 1;
    // A kin state's own support for the actor's identity and protodiplomatic goals (only a state gives it).
    let support = 0;
    if (kind === PARTY_CENTRAL) for (let k = st.supportStart[a]!; k < st.supportStart[a + 1]!; k++) if (st.supportData[k] === partner) support = st.supportWeight[k]!;
    // Duchacek's type (geography.ts `duchacek`), on numbers.
    let type = 0; // 0 none, 1 cross-border, 2 transregional, 3 global
    if (kind !== PARTY_NETWORK && country >= 0 && country !== own) {
      let crossBorder = false;
      if (kind === PARTY_SUBNATIONAL) {
        const b = st.partyPosition[partner]!;
        crossBorder = contains(st.neighbourData, st.neighbourStart[a]!, st.neighbourStart[a + 1]!, partner) || contains(st.neighbourData, st.neighbourStart[b]!, st.neighbourStart[b + 1]!, st.subNumber[a]!);
      } else {
        for (let k = st.neighbourStart[a]!; k < st.neighbourStart[a + 1]!; k++) if (st.partyCountry[st.neighbourData[k]!] === partner) crossBorder = true;
      }
      type = crossBorder ? 1 : st.countriesBorder.has(own * st.ids.length + country) ? 2 : 3;
    }
    const x = this.fields;
    x[1] = tradeTie;
    x[2] = kin;
    // A state partner is a foreign one; the own central (an office in the own capital) is ownState instead.
    x[3] = kind === PARTY_CENTRAL && partner !== own ? 1 : 0;
    x[4] = kind === PARTY_NETWORK ? 1 : 0;
    x[9] = kind === PARTY_ORGANISATION ? 1 : 0;
    x[10] = partner === own ? 1 : 0;
    x[5] = type === 1 ? 1 : 0;
    x[6] = type === 2 ? 1 : 0;
    x[7] = type === 3 ? 1 : 0;
    x[11] = support;
    this.existingAll = existing;
    const pg = this.perGoal;
    const b = st.partyPosition[partner]!;
    for (let g = 0; g < this.goals.length; g++) {
      const issue = this.goals[g]!.issue;
      const o = g * NG;
      const w = g * OWN;
      pg[o] = this.own[w]!;
      pg[o + 1] = this.own[w + 1]!;
      pg[o + 4] = this.own[w + 2]!;
      pg[o + 5] = this.own[w + 3]!;
      pg[o + 6] = this.own[w + 4]!;
      if (!issue) {
        pg[o + 2] = 0;
        pg[o + 3] = existing;
        pg[o + 7] = 0;
        continue;
      }
      let onIssue = 0;
      for (let k = 0; k < active.length; k++) if (active[k]!.issue === issue && active[k]!.parties.includes(id)) onIssue++;
      // Stryker disable next-line OptionalChaining: equivalent, every issue of the index has a salience array
      pg[o + 2] = kind === PARTY_SUBNATIONAL ? (idx.salienceOf.get(issue)?.[b] ?? 0) : kind === PARTY_CENTRAL ? idx.meanSalienceByParty(issue)[partner]! : 0;
      pg[o + 3] = onIssue;
      const bound = kind === PARTY_SUBNATIONAL ? idx.boundBy(issue) : null;
      pg[o + 7] = bound === null ? 0 : bound[b]!;
    }
  }
}

/** Whether sorted data[from..to) contains x. */
function contains(data: Int32Array, from: number, to: number, x: number): boolean {
  for (let k = from; k < to; k++) if (data[k] === x) return true;
  return false;
}

/**
 * Scores an actor's candidate actions. Use: `setActor` once per actor, `setPartner` once per partner (or
 * adjust `reader` after it), then `score` per instrument kind. One Scorer per model and call site keeps sites
 * from reading each other's values; every variable a formula may read is written before it is evaluated.
 */
export class Scorer {
  readonly frame: Float64Array;
  readonly reader = new PartnerReader();
  /** Weighted contribution of each goal in the last `score`. */
  contrib = new Float64Array(0);
  /** The last score: utility, total, lead goal, and the formula that was not finite (-1: none). */
  readonly utilityOut = new Float64Array(4);
  /** The current actor's goal weights. */
  private weights = new Float64Array(0);
  /** The goal contributing most in the last `score` (the first of equals), or -1 without goals. */
  lead = -1;
  /**
   * Whether the scored unit would hold the instrument and so pay its running cost (issue 12). A partner judging
   * a proposal made to it, the host of an office, does not: its scores read runningCost 0.
   */
  holds = true;
  private goals: readonly GoalName[] = [];
  private plan: GoalPlan = { kernel: () => undefined, fitsByKind: [], formulas: [] };
  private readonly plansByNames = new Map<string, GoalPlan>();
  private readonly fitCache = new Map<string, Float64Array>();
  private readonly attrSlots: Int32Array;
  private readonly fieldSlots: Int32Array;
  private readonly goalSlots: Int32Array;
  private readonly at: Readonly<Record<'fit' | 'cost' | 'binding' | 'noise' | 'total' | 'existingTies' | 'runningCost' | 'budget' | 'spending', number>>;
  private readonly costs: Float64Array;
  private readonly runningCosts: Float64Array;
  private readonly bindings: Float64Array;
  private readonly noiseScale: number;
  /** Whether the model has budgets (issue 12), found once. */
  private readonly budgets: boolean;
  private readonly utility: SlotFormula;

  constructor(
    private readonly model: Model,
    private readonly table: SlotTable = slotTable(model),
  ) {
    this.frame = table.base.slice();
    const slot = (n: string): number => table.slots.get(n)!;
    this.attrSlots = Int32Array.from(model.attributes.map(slot));
    this.fieldSlots = Int32Array.from(PARTNER_FIELDS.map(slot));
    this.goalSlots = Int32Array.from(GOAL_FIELDS.map(slot));
    this.at = {
      fit: slot('fit'), cost: slot('cost'), binding: slot('binding'), noise: slot('noise'), total: slot('total'), existingTies: slot('existingTies'),
      runningCost: slot('runningCost'), budget: slot('budget'), spending: slot('spending'),
    };
    this.costs = Float64Array.from(INSTRUMENTS.map((k) => model.instruments[k].cost));
    this.runningCosts = Float64Array.from(INSTRUMENTS.map((k) => model.instruments[k].runningCost));
    this.bindings = Float64Array.from(INSTRUMENTS.map((k) => (isBinding(k) ? 1 : 0)));
    this.noiseScale = model.parameters['noise'] ?? 0;
    this.budgets = usesBudgets(model);
    this.utility = table.formulas['utility']!;
  }

  /** The actor with its own list of goals (explanations, tests); the loops use setActorAt. */
  setActor(idx: WorldIndex, actor: Subnational, goals: readonly ActiveGoal[], position?: number): this {
    this.reader.setActor(idx, actor, goals, position);
    this.setBudget(idx, actor, position);
    const f = this.frame;
    const attrs = this.model.attributes;
    for (let i = 0; i < attrs.length; i++) f[this.attrSlots[i]!] = actor.attributes[attrs[i]!] ?? 0;
    if (this.goals !== goals) {
      this.goals = goals;
      this.plan = this.planByNames(goals);
    }
    this.sizeWeights(goals.length);
    for (let g = 0; g < goals.length; g++) this.weights[g] = goals[g]!.weight;
    return this;
  }

  /** The subnational at `position` in world order, its goals, weights and attributes read from the static index's tables. */
  setActorAt(idx: WorldIndex, actor: Subnational, position: number): this {
    const st = idx.statics;
    const goals = st.goalsOf(position);
    this.reader.setActor(idx, actor, goals, position);
    this.setBudget(idx, actor, position);
    const f = this.frame;
    const t = this.actorTable(st);
    const values = st.attributeValues(this.model.attributes);
    const A = this.attrSlots.length;
    for (let i = 0; i < A; i++) f[this.attrSlots[i]!] = values[position * A + i]!;
    const signature = st.goalSignature[position]!;
    this.plan = t.plans[signature] ??= this.planByNames(goals);
    this.goals = goals;
    this.sizeWeights(goals.length);
    const from = st.goalStart[position]!;
    for (let g = 0; g < goals.length; g++) this.weights[g] = st.goalWeight[from + g]!;
    return this;
  }

  private setBudget(idx: WorldIndex, actor: Subnational, position: number | undefined): void {
    if (!this.budgets) return;
    const f = this.frame;
    f[this.at.budget] = budgetOf(this.model, actor);
    f[this.at.spending] = spendingOf(this.model, actor, position === undefined ? idx.activeOf(actor.id) : idx.activeAt(position));
  }

  private sizeWeights(G: number): void {
    if (this.contrib.length < G) {
      this.contrib = new Float64Array(G);
      this.weights = new Float64Array(G);
    }
  }

  /** The goal plans by signature, per static index. */
  private actors: { statics: StaticIndex; plans: GoalPlan[] } | null = null;
  private actorTable(st: StaticIndex): { plans: GoalPlan[] } {
    if (this.actors?.statics !== st) this.actors = { statics: st, plans: [] };
    return this.actors;
  }

  /** Plans depend on the goals' names only: one per list of names, however many arrays carry it. */
  private planByNames(goals: readonly GoalName[]): GoalPlan {
    const key = goals.map((g) => `${g.issue === null ? 'g' : 'i'}:${g.goal}`).join('\u0000');
    let plan = this.plansByNames.get(key);
    if (!plan) this.plansByNames.set(key, (plan = this.planFor(goals)));
    return plan;
  }

  /** Per goal of a goal list: its formula, its fit per instrument kind and the GOAL_FIELDS the formula reads. */
  private planFor(goals: readonly GoalName[]): GoalPlan {
    const names = goals.map(({ goal, issue }) => (issue ? `goal.${issue}` : `goal.${goal}`));
    const fits = goals.map((g) => this.fitsOf(g));
    return {
      kernel: this.kernelFor(names.map((n) => this.model.formulas[n] ?? null)),
      fitsByKind: INSTRUMENTS.map((_, kind) => Float64Array.from(fits, (f) => f[kind]!)),
      formulas: names.map((n) => this.table.formulas[n] ?? null),
    };
  }

  /**
   * One generated function scoring a candidate for a list of goal formulas: each goal's value with its
   * variables read where they are (fit[g], the goal's values in p, the rest in the frame), weighted, summed,
   * the lead goal found, then the utility on the lead goal's values; exactly the arithmetic of the formulas
   * one by one, without a call or a frame write per formula. A value that is not finite stops it (out[3] says
   * which formula) and the caller evaluates formula by formula to report it.
   */
  private kernelFor(goalFormulas: (CompiledFormula | null)[]): Kernel {
    const slots = this.table.slots;
    const frameVar = (k: string): string => `s[${slots.get(k)!}]`;
    const constants: number[] = [];
    const fieldIndex = new Map<string, number>(GOAL_FIELDS.map((k, i) => [k, i]));
    const lines = ['let t = 0, lead = -1, best = -Infinity, v = 0, x = 0;'];
    goalFormulas.forEach((f, g) => {
      const access = (k: string): string => (k === 'fit' ? `fit[${g}]` : fieldIndex.has(k) ? `p[${g * NG + fieldIndex.get(k)!}]` : frameVar(k));
      lines.push(f ? `x = ${f.emit(access, constants)};` : 'x = 0;');
      lines.push(`if (!(x - x === 0)) { out[3] = ${g}; return; }`);
      lines.push(`v = w[${g}] * x; c[${g}] = v; t += v; if (v > best) { best = v; lead = ${g}; }`);
    });
    const utility = this.model.formulas['utility']!;
    const leadAccess = (k: string): string => {
      if (k === 'total') return 't';
      if (k === 'fit') return '(lead < 0 ? 0 : fit[lead])';
      if (k !== 'existingTies' && fieldIndex.has(k)) return `(lead < 0 ? 0 : p[lead * ${NG} + ${fieldIndex.get(k)!}])`;
      return frameVar(k);
    };
    lines.push(`x = ${utility.emit(leadAccess, constants)};`);
    lines.push(`if (!(x - x === 0)) { out[3] = ${goalFormulas.length}; return; }`);
    lines.push('out[0] = x; out[1] = t; out[2] = lead; out[3] = -1;');
    return generateFunction<Kernel>(['s', 'p', 'fit', 'w', 'c', 'out'], ['t', 'lead', 'best', 'v', 'x'], lines.join('\n'), constants);
  }

  /** Per instrument kind, its fit to a goal: the kind's fit to "issue" for an issue goal, else to the goal. */
  private fitsOf({ goal, issue }: GoalName): Float64Array {
    const key = `${issue ? 'issue' : 'goal'}:${goal}`;
    let fits = this.fitCache.get(key);
    if (!fits) {
      fits = Float64Array.from(INSTRUMENTS.map((k) => {
        const fit = this.model.instruments[k].fit;
        return fit[issue ? 'issue' : goal] ?? fit[goal] ?? 0;
      }));
      this.fitCache.set(key, fits);
    }
    return fits;
  }

  /** The partner with party number `partner` (StaticIndex), or an id. */
  setPartner(idx: WorldIndex, partner: number | Id): this {
    this.reader.setPartner(idx, typeof partner === 'number' ? partner : idx.statics.number.get(partner)!);
    this.writeFields();
    return this;
  }

  /** Loads a view (e.g. one adjusted by the caller) instead of reading the partner. */
  setView(view: PartnerView): this {
    PARTNER_FIELDS.forEach((k, i) => (this.reader.fields[i] = view.fields[k] ?? 0));
    view.perGoal.forEach((g, j) => GOAL_FIELDS.forEach((k, i) => (this.reader.perGoal[j * NG + i] = g[k] ?? 0)));
    this.reader.existingAll = view.existingAll;
    this.writeFields();
    return this;
  }

  /** The partner's fields are the same for every instrument kind: written once per partner. */
  private writeFields(): void {
    const f = this.frame;
    const fields = this.reader.fields;
    for (let i = 0; i < NF; i++) f[this.fieldSlots[i]!] = fields[i]!;
  }

  /**
   * The utility of proposing an instrument of `kind` to the current partner, with a standard normal `noise`
   * (scaled by parameter noise). Leaves each goal's contribution, the total and the lead goal behind. The
   * utility formula reads the per-goal variables (fit, salience, ...) of the lead goal (0 without goals) and
   * existingTies counting every tie with the partner.
   */
  score(kind: number, noise: number): number {
    this.frame[this.at.noise] = noise;
    this.scoreDrawn(kind);
    return this.utilityOut[0]!;
  }

  /** The frame slot `scoreDrawn` reads the standard normal noise from (drawNoise writes it). */
  get noiseSlot(): number {
    return this.at.noise;
  }

  /** Draws the noise of the next `scoreDrawn` from a stream's generator (a standard normal, as `score` takes). */
  drawNoise(rng: Alea): void {
    rng.normalInto(this.frame, this.at.noise);
  }

  /**
   * `score` with the noise already in the frame (drawNoise), the utility left in `utilityOut[0]`: no double
   * crosses a call, so the decide loop allocates nothing per candidate.
   */
  scoreDrawn(kind: number): void {
    const f = this.frame;
    f[this.at.noise] = f[this.at.noise]! * this.noiseScale;
    this.runKernel(kind);
    if (this.utilityOut[3]! >= 0) this.scoreFormulaByFormula(kind);
  }

  /** The fused score of instrument `kind` with the noise (scaled) already in the frame. */
  private runKernel(kind: number): void {
    const f = this.frame;
    const at = this.at;
    f[at.cost] = this.costs[kind]!;
    f[at.runningCost] = this.holds ? this.runningCosts[kind]! : 0;
    f[at.binding] = this.bindings[kind]!;
    f[at.existingTies] = this.reader.existingAll;
    const out = this.utilityOut;
    this.plan.kernel(f, this.reader.perGoal, this.plan.fitsByKind[kind]!, this.weights, this.contrib, out);
    this.lead = out[2]!;
  }

  /**
   * The same score formula by formula (slower, every per-goal variable written): only after the fused score
   * met a value that is not finite, to throw the NonFiniteFormulaError with the formula's inputs.
   */
  private scoreFormulaByFormula(kind: number): void {
    const f = this.frame;
    const at = this.at;
    const perGoal = this.reader.perGoal;
    const gs = this.goalSlots;
    const fits = this.plan.fitsByKind[kind]!;
    const who = this.reader.actor!.id;
    let total = 0;
    let lead = -1;
    let best = -Infinity;
    for (let g = 0; g < this.goals.length; g++) {
      const formula = this.plan.formulas[g];
      let value = 0;
      if (formula) {
        f[at.fit] = fits[g]!;
        for (let i = 0; i < NG; i++) f[gs[i]!] = perGoal[g * NG + i]!;
        value = formula.evaluate(f, who);
      }
      const contribution = this.weights[g]! * value;
      total += contribution;
      if (contribution > best) {
        best = contribution;
        lead = g;
      }
    }
    this.lead = lead;
    this.writeLead(kind);
    f[at.total] = total;
    this.utility.evaluate(f, who);
    // Every formula gave a finite value this time: the kernel and the formulas disagree, a bug here.
    throw new Error(`the fused score of ${who} is not finite where its formulas are`);
  }

  /** The noise of the last score, scaled by parameter noise (as the utility formula read it). */
  get noise(): number {
    return this.frame[this.at.noise]!;
  }

  /**
   * The utility of one option (the current actor, `partner`, instrument `kind`, its scaled `noise`) split into
   * terms that add up to it: what setting noise, then load, then cost to 0 takes off the utility formula, and
   * the rest beyond the goals' total. Exact for any formula, each term being a difference of evaluations. Only
   * for a chosen option (decide's `chosen`): the candidate loop never pays for it.
   */
  terms(idx: WorldIndex, partner: number, kind: number, noise: number): UtilityTerms {
    this.setPartner(idx, partner);
    const f = this.frame;
    const at = this.at;
    f[at.noise] = noise;
    this.runKernel(kind);
    const total = this.utilityOut[1]!;
    this.writeLead(kind);
    f[at.total] = total;
    const who = this.reader.actor!.id;
    const loadSlot = this.fieldSlots[PARTNER_FIELDS.indexOf('load')]!;
    const load = f[loadSlot]!;
    const u0 = this.utility.evaluate(f, who);
    f[at.noise] = 0;
    const u1 = this.utility.evaluate(f, who);
    f[loadSlot] = 0;
    const u2 = this.utility.evaluate(f, who);
    f[at.cost] = 0;
    const u3 = this.utility.evaluate(f, who);
    f[loadSlot] = load;
    return { noise: u0 - u1, load: u1 - u2, cost: u2 - u3, other: u3 - total };
  }

  /** The total of the last score (sum of weighted goal values). */
  get total(): number {
    return this.utilityOut[1]!;
  }

  /**
   * After `score(kind, ...)`: every per-goal variable and fit of the lead goal in the frame (0 without goals),
   * for another formula evaluated on the same frame (renew), whatever the goal formulas happened to read.
   */
  writeLead(kind: number): void {
    const f = this.frame;
    const lead = this.lead;
    f[this.at.fit] = lead < 0 ? 0 : this.plan.fitsByKind[kind]![lead]!;
    for (let i = 0; i < NG; i++) f[this.goalSlots[i]!] = lead < 0 ? 0 : this.reader.perGoal[lead * NG + i]!;
    f[this.at.existingTies] = this.reader.existingAll;
  }

  /** The last `score` as a Scored (contributions by goal name, lead goal, domain and issue). */
  scored(idx: WorldIndex, utility: number): Scored {
    return describeScore(this.model, idx, this.goals, this.contrib, this.total, utility, this.lead);
  }
}

/** The terms of a utility beside the goals' total: utility = total + cost + load + noise + other. */
export interface UtilityTerms {
  cost: number;
  load: number;
  noise: number;
  /** Whatever else the utility formula adds (0 for the default formula). */
  other: number;
}

interface GoalPlan {
  /** All goal formulas and the utility fused into one generated function (see Scorer.kernelFor). */
  kernel: Kernel;
  /** Per instrument kind: the fit of each goal. */
  fitsByKind: Float64Array[];
  /** Each goal's formula (null: the goal has none), for the formula-by-formula path. */
  formulas: (SlotFormula | null)[];
}

/** (frame, perGoal, fits of the kind, weights, contributions out, out: utility, total, lead, failed goal or -1). */
type Kernel = (s: Float64Array, p: Float64Array, fit: Float64Array, w: Float64Array, c: Float64Array, out: Float64Array) => void;


/** A Scored from numbers: contributions in goal order, the lead goal (index, -1 for none). */
export function describeScore(model: Model, idx: WorldIndex, goals: readonly GoalName[], contrib: ArrayLike<number>, total: number, utility: number, lead: number): Scored {
  const byGoal: Record<string, number> = {};
  for (let g = 0; g < goals.length; g++) byGoal[goals[g]!.goal] = contrib[g]!;
  const leadGoal = lead < 0 ? '' : goals[lead]!.goal;
  const issue = idx.issueById.has(leadGoal) ? leadGoal : null;
  // Stryker disable next-line OptionalChaining: equivalent, an issue in the world index is an issue of the scenario
  const domain = issue ? (model.scenario.issues.find((x) => x.id === issue)?.domain ?? issue) : (GOAL_DOMAINS[leadGoal] ?? 'general');
  return { goals: byGoal, total, utility, lead: leadGoal, domain, issue };
}

const scorers = new WeakMap<Model, Map<string, Scorer>>();

/** The Scorer of a call site for a model (see `scratch`: sites never share one). */
export function scorerOf(model: Model, site: string): Scorer {
  let sites = scorers.get(model);
  if (!sites) scorers.set(model, (sites = new Map()));
  let s = sites.get(site);
  if (!s) sites.set(site, (s = new Scorer(model)));
  return s;
}

/** What an actor knows about one partner, as an object (for explanations and tests). */
export function partnerView(idx: WorldIndex, actor: Subnational, partner: Id, goals: ActiveGoal[]): PartnerView {
  const r = new PartnerReader();
  r.setActor(idx, actor, goals);
  r.setPartner(idx, idx.statics.number.get(partner)!);
  return {
    partner,
    goals: [...goals],
    fields: Object.fromEntries(PARTNER_FIELDS.map((k, i) => [k, r.fields[i]!])),
    perGoal: goals.map((_, j) => Object.fromEntries(GOAL_FIELDS.map((k, i) => [k, r.perGoal[j * NG + i]!]))),
    existingAll: r.existingAll,
  };
}

/**
 * Scores one candidate external action (an explanation-grade call: respond's acceptance, the own
 * legislature's weighing). `view`, when given, replaces what the actor knows of the partner.
 */
export function scoreExternal(model: Model, idx: WorldIndex, actor: Subnational, partner: Id, kind: InstrumentKind, noise: number, view?: PartnerView, holds = true): Scored {
  const position = idx.statics.position.get(actor.id)!;
  const scorer = scorerOf(model, 'external').setActorAt(idx, actor, position);
  scorer.holds = holds;
  if (view) scorer.setView(view);
  else scorer.setPartner(idx, partner);
  const utility = scorer.score(INSTRUMENTS.indexOf(kind), noise);
  return scorer.scored(idx, utility);
}

/**
 * What keeping `inst` is worth to `unit` today: its goal values as if proposed anew, the tie itself not
 * counted among existing ties, then the renew formula (reading total, age and noise) on the same frame.
 */
export function renewScore(model: Model, idx: WorldIndex, unit: Subnational, counterpart: Id, inst: Instrument, noise: number): number {
  const position = idx.statics.position.get(unit.id)!;
  const goals = idx.statics.goalsOf(position);
  const scorer = scorerOf(model, 'renew').setActorAt(idx, unit, position).setPartner(idx, counterpart);
  const r = scorer.reader;
  r.existingAll = Math.max(0, r.existingAll - 1);
  goals.forEach(({ issue }, g) => {
    const o = g * NG + 3;
    if (issue === null || issue === inst.issue) r.perGoal[o] = Math.max(0, r.perGoal[o]! - 1);
  });
  const kind = INSTRUMENTS.indexOf(inst.kind);
  scorer.score(kind, 0);
  scorer.writeLead(kind);
  const table = slotTable(model);
  const f = scorer.frame;
  f[table.slots.get('total')!] = scorer.total;
  f[table.slots.get('age')!] = (idx.world.tick - (inst.signedTick ?? idx.world.tick)) * model.dt;
  f[table.slots.get('noise')!] = noise * (model.parameters['noise'] ?? 0);
  return table.formulas['renew']!.evaluate(f, unit.id);
}
