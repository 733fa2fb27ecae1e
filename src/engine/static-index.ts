/**
 * The parts of the world's index that change only when the world's structure does (who exists, borders, trade
 * ties, kin, goals), not from tick to tick: ids interned to dense integers, each subnational's static pool of
 * candidate partners as integer arrays (CSR), its active goals and issue goals. Built once per run and rebuilt
 * only when the timeline changes the world (step.ts), so the decide loop never builds a Set, sorts strings or
 * allocates per agent.
 *
 * Ids are interned in sorted order (subnationals, centrals and networks together), so comparing two integers
 * compares their ids as strings, and integer order is id order: outcomes cannot depend on the order of a file.
 */
import type { Central, Id, IssueUnitState, Organisation, Subnational, World } from '../model/world.ts';

export const PARTY_SUBNATIONAL = 0;
export const PARTY_CENTRAL = 1;
export const PARTY_NETWORK = 2;
/** An international organisation (issue 12): a partner of no country, in every subnational's pool. */
export const PARTY_ORGANISATION = 3;

/** One active goal of a subnational: its weight and, for an issue goal, the issue. */
export interface ActiveGoal {
  goal: string;
  weight: number;
  issue: Id | null;
}

/** Goals with a positive weight, in name order, each with the issue it stands for (null for a core goal). */
export function activeGoalsOf(goals: Readonly<Record<string, number>>, issueIds: ReadonlySet<Id>): ActiveGoal[] {
  return Object.keys(goals)
    .sort()
    .filter((g) => (goals[g] ?? 0) > 0)
    .map((goal) => ({ goal, weight: goals[goal]!, issue: issueIds.has(goal) ? goal : null }));
}

export class StaticIndex {
  readonly subById = new Map<Id, Subnational>();
  readonly centralById = new Map<Id, Central>();
  readonly networkIds = new Set<Id>();
  readonly organisationIds = new Set<Id>();
  readonly organisationById = new Map<Id, Organisation>();
  /** A central's subnationals, in id order. */
  readonly unitsOf = new Map<Id, Subnational[]>();
  /** A subnational's place in world.subnationals. */
  readonly position = new Map<Id, number>();
  readonly issueIds: ReadonlySet<Id>;
  /** Every party id (subnationals, centrals, networks), sorted: a party's number is its place here. */
  readonly ids: readonly Id[];
  readonly number = new Map<Id, number>();
  /** Per party number: PARTY_SUBNATIONAL, PARTY_CENTRAL, PARTY_NETWORK or PARTY_ORGANISATION. */
  readonly partyKind: Uint8Array;
  /** Per subnational (its place in world.subnationals): its number. */
  readonly subNumber: Int32Array;
  /** Per subnational: its central's number. */
  readonly centralNumber: Int32Array;
  /** Per subnational i: its static candidates (neighbours, trade ties, kin, networks) are poolData[poolStart[i]..poolStart[i+1]), sorted. */
  readonly poolStart: Int32Array;
  readonly poolData: Int32Array;
  /** Per issue: each subnational's state object, by its place in world.subnationals (read without a lookup by id). */
  readonly issueStates = new Map<Id, IssueUnitState[]>();
  /** Per subnational: its central. */
  readonly centralOf: readonly Central[];
  /** Per party number: its place in world.subnationals, or -1 for a central or a network. */
  readonly partyPosition: Int32Array;
  /** Per party number: its country's number (a central is its own country), or -1 for a network or an organisation. */
  readonly partyCountry: Int32Array;
  /** Pairs of countries that border (either lists the other): a * ids.length + b, both ways. */
  readonly countriesBorder = new Set<number>();
  /** Per subnational, as CSR over party numbers: its neighbours, trade ties (with weights) and kin. */
  readonly neighbourStart: Int32Array;
  readonly neighbourData: Int32Array;
  readonly tradeStart: Int32Array;
  readonly tradeData: Int32Array;
  readonly tradeWeight: Float64Array;
  readonly kinStart: Int32Array;
  readonly kinData: Int32Array;
  /** Per subnational, as CSR: the states supporting its identity and protodiplomatic goals (kin states), with their support. */
  readonly supportStart: Int32Array;
  readonly supportData: Int32Array;
  readonly supportWeight: Float64Array;
  /** Per subnational: goals with a positive weight, sorted by name. */
  readonly goals: readonly ActiveGoal[][];
  /** Per subnational: issues it has a positive goal weight for, sorted. */
  readonly issueGoals: readonly Id[][];
  /** Per subnational: 1 if it has been succeeded by a state (issue 12 part B) and no longer acts. */
  readonly retired: Uint8Array;
  /** Per subnational: a number for its list of goal names (equal lists, equal numbers), to share what depends on them. */
  readonly goalSignature: Int32Array;

  constructor(readonly world: World) {
    for (const c of world.centrals) {
      this.centralById.set(c.id, c);
      this.unitsOf.set(c.id, []);
    }
    world.subnationals.forEach((u, i) => this.position.set(u.id, i));
    for (const u of world.subnationals) {
      this.subById.set(u.id, u);
      this.unitsOf.get(u.central)?.push(u);
    }
    for (const n of world.networks) this.networkIds.add(n.id);
    for (const o of world.organisations) this.organisationIds.add(o.id), this.organisationById.set(o.id, o);
    this.issueIds = new Set(world.issues.map((x) => x.id));
    this.centralOf = world.subnationals.map((u) => this.centralById.get(u.central)!);
    this.retired = Uint8Array.from(world.subnationals.map((u) => (Object.hasOwn(world.successions ?? {}, u.id) ? 1 : 0)));
    for (const x of world.issues) this.issueStates.set(x.id, world.subnationals.map((u) => x.units[u.id]!));

    const all: [Id, number][] = [
      ...world.subnationals.map((u) => [u.id, PARTY_SUBNATIONAL] as [Id, number]),
      ...world.centrals.map((c) => [c.id, PARTY_CENTRAL] as [Id, number]),
      ...world.networks.map((n) => [n.id, PARTY_NETWORK] as [Id, number]),
      ...world.organisations.map((o) => [o.id, PARTY_ORGANISATION] as [Id, number]),
    ].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.ids = all.map(([id]) => id);
    this.partyKind = Uint8Array.from(all.map(([, k]) => k));
    all.forEach(([id], i) => this.number.set(id, i));

    const n = world.subnationals.length;
    this.subNumber = new Int32Array(n);
    this.centralNumber = new Int32Array(n);
    this.poolStart = new Int32Array(n + 1);
    // Networks and organisations are open to every unit: in every pool.
    const networks = [...this.networkIds, ...this.organisationIds].map((id) => this.number.get(id)!);
    const pools: number[] = [];
    const goals: ActiveGoal[][] = [];
    const issueGoals: Id[][] = [];
    world.subnationals.forEach((u, i) => {
      const self = this.number.get(u.id)!;
      const own = this.number.get(u.central) ?? -1;
      this.subNumber[i] = self;
      this.centralNumber[i] = own;
      const pool = new Set<number>(networks);
      const add = (id: Id): void => {
        const k = this.number.get(id);
        if (k !== undefined && k !== self && k !== own) pool.add(k);
      };
      for (const id of u.neighbours) add(id);
      for (const id in u.tradeTies) add(id);
      for (const id of u.kin) add(id);
      pool.delete(self);
      pool.delete(own);
      this.poolStart[i] = pools.length;
      pools.push(...[...pool].sort((a, b) => a - b));
      const active = activeGoalsOf(u.goals, this.issueIds);
      goals.push(active);
      issueGoals.push(active.filter((g) => g.issue !== null).map((g) => g.goal));
    });
    this.poolStart[n] = pools.length;
    this.poolData = Int32Array.from(pools);

    const P = this.ids.length;
    this.partyPosition = new Int32Array(P).fill(-1);
    this.partyCountry = new Int32Array(P).fill(-1);
    world.subnationals.forEach((_, i) => {
      this.partyPosition[this.subNumber[i]!] = i;
      this.partyCountry[this.subNumber[i]!] = this.centralNumber[i]!;
    });
    for (const c of world.centrals) {
      const a = this.number.get(c.id)!;
      this.partyCountry[a] = a;
      for (const o of c.neighbours) {
        const b = this.number.get(o);
        if (b === undefined || b === a || this.partyKind[b] !== PARTY_CENTRAL) continue;
        this.countriesBorder.add(a * P + b).add(b * P + a);
      }
    }
    const csr = (lists: number[][]): [Int32Array, Int32Array] => {
      const start = new Int32Array(lists.length + 1);
      let k = 0;
      lists.forEach((l, i) => ((start[i] = k), (k += l.length)));
      start[lists.length] = k;
      return [start, Int32Array.from(lists.flat())];
    };
    // Known parties only (a trade tie may name a country or an id that is not in the world); order does not matter.
    const known = (ids: Iterable<Id>): number[] => [...ids].map((id) => this.number.get(id)).filter((x): x is number => x !== undefined);
    [this.neighbourStart, this.neighbourData] = csr(world.subnationals.map((u) => known(u.neighbours)));
    [this.kinStart, this.kinData] = csr(world.subnationals.map((u) => known(u.kin)));
    const trade = world.subnationals.map((u) => known(Object.keys(u.tradeTies)));
    [this.tradeStart, this.tradeData] = csr(trade);
    this.tradeWeight = Float64Array.from(world.subnationals.flatMap((u, i) => trade[i]!.map((k) => u.tradeTies[this.ids[k]!]!)));
    // Kin states' support, read by unit: centrals in id order, so each unit's list is in party-number order.
    const support: [number, number][][] = world.subnationals.map(() => []);
    for (const c of [...world.centrals].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      for (const [unit, value] of Object.entries(c.kinSupport ?? {})) {
        const i = this.position.get(unit);
        if (i !== undefined && value > 0) support[i]!.push([this.number.get(c.id)!, value]);
      }
    }
    [this.supportStart, this.supportData] = csr(support.map((l) => l.map(([k]) => k)));
    this.supportWeight = Float64Array.from(support.flatMap((l) => l.map(([, v]) => v)));
    this.goals = goals;
    this.issueGoals = issueGoals;
    const signatures = new Map<string, number>();
    this.goalSignature = Int32Array.from(goals.map((g) => {
      const key = g.map((x) => x.goal).join('\u0000');
      let k = signatures.get(key);
      if (k === undefined) signatures.set(key, (k = signatures.size));
      return k;
    }));
  }

  private attributeTable: { names: readonly string[]; values: Float64Array } | null = null;

  /**
   * Every subnational's values of `names` (a model's attributes; 0 where it lacks one), row by row in world
   * order: a site reads a row instead of looking each attribute up by name. Attributes change only through
   * the timeline, after which the index is rebuilt.
   */
  attributeValues(names: readonly string[]): Float64Array {
    if (this.attributeTable?.names !== names) {
      const subs = this.world.subnationals;
      const values = new Float64Array(subs.length * names.length);
      subs.forEach((u, p) => names.forEach((k, i) => (values[p * names.length + i] = u.attributes[k] ?? 0)));
      this.attributeTable = { names, values };
    }
    return this.attributeTable.values;
  }
}

/**
 * The static index of a world, kept between ticks. `invalidateStaticIndex` drops it when the structure may
 * have changed (a timeline entry applied), so the next tick rebuilds it.
 */
const cache = new WeakMap<World, StaticIndex>();

export function staticIndexOf(world: World): StaticIndex {
  let s = cache.get(world);
  if (!s) cache.set(world, (s = new StaticIndex(world)));
  return s;
}

export function invalidateStaticIndex(world: World): void {
  cache.delete(world);
}
