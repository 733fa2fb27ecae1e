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

/** An active goal's name and, for an issue goal, the issue: what every unit with the same goal names shares. */
export interface GoalName {
  goal: string;
  issue: Id | null;
}

/** One active goal of a subnational: its weight and, for an issue goal, the issue. */
export interface ActiveGoal extends GoalName {
  weight: number;
}

/** Goals with a positive weight, in name order, each with the issue it stands for (null for a core goal). */
export function activeGoalsOf(goals: Readonly<Record<string, number>>, issueIds: ReadonlySet<Id>): ActiveGoal[] {
  return Object.keys(goals)
    .sort()
    .filter((g) => (goals[g] ?? 0) > 0)
    .map((goal) => ({ goal, weight: goals[goal]!, issue: issueIds.has(goal) ? goal : null }));
}

/**
 * A read-only map over the subnationals, by id, answered through their party numbers: a subnational's id is a
 * key of `number` already, and two more maps of every subnational (place, record) would hold 7 MB at 100,000.
 * Iterates in world order, as the maps it replaces did.
 */
export class SubnationalMap<T> implements ReadonlyMap<Id, T> {
  constructor(
    private readonly subs: readonly Subnational[],
    private readonly placeOf: (id: Id) => number | undefined,
    private readonly valueAt: (place: number) => T,
  ) {}
  get(id: Id): T | undefined {
    const p = this.placeOf(id);
    return p === undefined ? undefined : this.valueAt(p);
  }
  has(id: Id): boolean {
    return this.placeOf(id) !== undefined;
  }
  get size(): number {
    return this.subs.length;
  }
  *entries(): MapIterator<[Id, T]> {
    for (let p = 0; p < this.subs.length; p++) yield [this.subs[p]!.id, this.valueAt(p)];
  }
  *keys(): MapIterator<Id> {
    for (const u of this.subs) yield u.id;
  }
  *values(): MapIterator<T> {
    for (let p = 0; p < this.subs.length; p++) yield this.valueAt(p);
  }
  [Symbol.iterator](): MapIterator<[Id, T]> {
    return this.entries();
  }
  forEach(f: (value: T, key: Id, map: ReadonlyMap<Id, T>) => void): void {
    for (let p = 0; p < this.subs.length; p++) f(this.valueAt(p), this.subs[p]!.id, this);
  }
}

export class StaticIndex {
  /** A subnational by id (answered through its number, not a map of its own). */
  readonly subById: SubnationalMap<Subnational>;
  readonly centralById = new Map<Id, Central>();
  readonly networkIds = new Set<Id>();
  readonly organisationIds = new Set<Id>();
  readonly organisationById = new Map<Id, Organisation>();
  /** A central's subnationals, in id order. */
  readonly unitsOf = new Map<Id, Subnational[]>();
  /** A subnational's place in world.subnationals. */
  readonly position: SubnationalMap<number>;
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
  /**
   * Goals with a positive weight, sorted by name: their names per goal signature (shared by every unit with
   * the same names), their weights per subnational as CSR (unit i's in goalWeight[goalStart[i] .. goalStart[i +
   * 1]), in the order of its names). A list of goal objects per unit held 33 MB at 100,000 units; these hold 4.
   */
  readonly goalNames: readonly (readonly GoalName[])[];
  readonly goalStart: Int32Array;
  readonly goalWeight: Float64Array;
  /** Per subnational: issues it has a positive goal weight for, sorted. */
  readonly issueGoals: readonly Id[][];
  /** Per subnational: 1 if it has been succeeded by a state (issue 12 part B) and no longer acts. */
  readonly retired: Uint8Array;
  /** Per subnational: a number for its list of goal names (equal lists, equal numbers), to share what depends on them. */
  readonly goalSignature: Int32Array;

  constructor(readonly world: World) {
    // Built with as little garbage as possible: at 100,000 subnationals every intermediate list per unit would
    // survive a few young collections and be promoted, and the old generation it fills is the run's peak memory.
    const subs = world.subnationals;
    const n = subs.length;
    for (const c of world.centrals) {
      this.centralById.set(c.id, c);
      this.unitsOf.set(c.id, []);
    }
    const successions = world.successions ?? {};
    this.retired = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const u = subs[i]!;
      this.unitsOf.get(u.central)?.push(u);
      if (Object.hasOwn(successions, u.id)) this.retired[i] = 1;
    }
    for (const x of world.networks) this.networkIds.add(x.id);
    for (const o of world.organisations) this.organisationIds.add(o.id), this.organisationById.set(o.id, o);
    const placeOf = (id: Id): number | undefined => {
      const k = this.number.get(id);
      const p = k === undefined ? -1 : this.partyPosition[k]!;
      return p < 0 ? undefined : p;
    };
    this.position = new SubnationalMap(subs, placeOf, (p) => p);
    this.subById = new SubnationalMap(subs, placeOf, (p) => subs[p]!);
    this.issueIds = new Set(world.issues.map((x) => x.id));
    this.centralOf = subs.map((u) => this.centralById.get(u.central)!);
    for (const x of world.issues) this.issueStates.set(x.id, subs.map((u) => x.units[u.id]!));

    // Every party's id and kind, numbered in id order.
    const names: Id[] = [];
    const kinds: number[] = [];
    const party = (id: Id, kind: number): void => void (names.push(id), kinds.push(kind));
    for (const u of subs) party(u.id, PARTY_SUBNATIONAL);
    for (const c of world.centrals) party(c.id, PARTY_CENTRAL);
    for (const x of world.networks) party(x.id, PARTY_NETWORK);
    for (const o of world.organisations) party(o.id, PARTY_ORGANISATION);
    const order = names.map((_, k) => k).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
    this.ids = order.map((k) => names[k]!);
    this.partyKind = new Uint8Array(order.length);
    order.forEach((k, i) => ((this.partyKind[i] = kinds[k]!), this.number.set(names[k]!, i)));

    this.subNumber = new Int32Array(n);
    this.centralNumber = new Int32Array(n);
    // Networks and organisations are open to every unit: in every pool. A network that lists its members (a
    // forum's, issue 13) is closed: who belongs is the scenario's input, not a membership tie to propose.
    const open = world.networks.filter((x) => x.members === undefined).map((x) => x.id);
    const networks = [...open, ...this.organisationIds].map((id) => this.number.get(id)!);
    // Per unit, its candidates (networks, neighbours, trade ties, kin) written straight into one buffer sized
    // for all of them, then sorted and made distinct in place, without the unit and its central.
    let room = 0;
    for (const u of subs) {
      room += networks.length + u.neighbours.length + u.kin.length;
      for (const _ in u.tradeTies) room++;
    }
    const pools = new Int32Array(room);
    this.poolStart = new Int32Array(n + 1);
    let end = 0;
    const goalNames: GoalName[][] = [];
    const goalStart = new Int32Array(n + 1);
    const weights: number[] = [];
    const issueGoals: Id[][] = [];
    const sharedIssueGoals = new Map<string, Id[]>();
    const signatures = new Map<string, number>();
    this.goalSignature = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const u = subs[i]!;
      const self = this.number.get(u.id)!;
      const own = this.number.get(u.central) ?? -1;
      this.subNumber[i] = self;
      this.centralNumber[i] = own;
      const from = end;
      const add = (k: number | undefined): void => {
        if (k !== undefined && k !== self && k !== own) pools[end++] = k;
      };
      for (const k of networks) add(k);
      for (const id of u.neighbours) add(this.number.get(id));
      for (const id in u.tradeTies) add(this.number.get(id));
      for (const id of u.kin) add(this.number.get(id));
      pools.subarray(from, end).sort();
      let distinct = from;
      for (let j = from; j < end; j++) if (j === from || pools[j] !== pools[distinct - 1]) pools[distinct++] = pools[j]!;
      end = distinct;
      this.poolStart[i] = from;
      const active = activeGoalsOf(u.goals, this.issueIds);
      goalStart[i] = weights.length;
      for (const g of active) weights.push(g.weight);
      // Units with the same issue goals share one list, and equal lists of goal names share a number (and one
      // list of names).
      let names = '';
      let issues = '';
      for (const g of active) {
        names = names === '' ? g.goal : `${names}\u0000${g.goal}`;
        if (g.issue !== null) issues = issues === '' ? g.goal : `${issues}\u0000${g.goal}`;
      }
      let list = sharedIssueGoals.get(issues);
      if (list === undefined) sharedIssueGoals.set(issues, (list = active.filter((g) => g.issue !== null).map((g) => g.goal)));
      issueGoals.push(list);
      let signature = signatures.get(names);
      if (signature === undefined) {
        signatures.set(names, (signature = signatures.size));
        goalNames.push(active.map(({ goal, issue }) => ({ goal, issue })));
      }
      this.goalSignature[i] = signature;
    }
    goalStart[n] = weights.length;
    this.goalStart = goalStart;
    this.goalWeight = Float64Array.from(weights);
    this.goalNames = goalNames;
    this.poolStart[n] = end;
    this.poolData = end === room ? pools : pools.slice(0, end);

    const P = this.ids.length;
    this.partyPosition = new Int32Array(P).fill(-1);
    this.partyCountry = new Int32Array(P).fill(-1);
    for (let i = 0; i < n; i++) {
      this.partyPosition[this.subNumber[i]!] = i;
      this.partyCountry[this.subNumber[i]!] = this.centralNumber[i]!;
    }
    for (const c of world.centrals) {
      const a = this.number.get(c.id)!;
      this.partyCountry[a] = a;
      for (const o of c.neighbours) {
        const b = this.number.get(o);
        if (b === undefined || b === a || this.partyKind[b] !== PARTY_CENTRAL) continue;
        this.countriesBorder.add(a * P + b).add(b * P + a);
      }
    }
    // Known parties only (a trade tie may name a country or an id that is not in the world), in the unit's order.
    const csr = (lengthOf: (u: Subnational) => number, each: (u: Subnational, put: (id: Id) => void) => void): [Int32Array, Int32Array] => {
      const start = new Int32Array(n + 1);
      let total = 0;
      for (const u of subs) total += lengthOf(u);
      const data = new Int32Array(total);
      let k = 0;
      const put = (id: Id): void => {
        const x = this.number.get(id);
        if (x !== undefined) data[k++] = x;
      };
      subs.forEach((u, i) => ((start[i] = k), each(u, put)));
      start[n] = k;
      return [start, k === total ? data : data.slice(0, k)];
    };
    const ties = (u: Subnational): number => {
      let c = 0;
      for (const _ in u.tradeTies) c++;
      return c;
    };
    [this.neighbourStart, this.neighbourData] = csr((u) => u.neighbours.length, (u, put) => u.neighbours.forEach(put));
    [this.kinStart, this.kinData] = csr((u) => u.kin.length, (u, put) => u.kin.forEach(put));
    [this.tradeStart, this.tradeData] = csr(ties, (u, put) => {
      for (const id in u.tradeTies) put(id);
    });
    this.tradeWeight = new Float64Array(this.tradeData.length);
    for (let i = 0; i < n; i++) {
      const u = subs[i]!;
      for (let j = this.tradeStart[i]!; j < this.tradeStart[i + 1]!; j++) this.tradeWeight[j] = u.tradeTies[this.ids[this.tradeData[j]!]!]!;
    }
    // Kin states' support, read by unit: centrals in id order, so each unit's list is in party-number order.
    const support: { unit: number; state: number; value: number }[] = [];
    for (const c of [...world.centrals].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      for (const [unit, value] of Object.entries(c.kinSupport ?? {})) {
        const i = this.position.get(unit);
        if (i !== undefined && value > 0) support.push({ unit: i, state: this.number.get(c.id)!, value });
      }
    }
    // Counting sort by unit: stable, so each unit's states stay in id order.
    this.supportStart = new Int32Array(n + 1);
    for (const x of support) this.supportStart[x.unit + 1]!++;
    for (let i = 0; i < n; i++) this.supportStart[i + 1]! += this.supportStart[i]!;
    this.supportData = new Int32Array(support.length);
    this.supportWeight = new Float64Array(support.length);
    const next = this.supportStart.slice(0, n);
    for (const x of support) {
      const at = next[x.unit]!++;
      this.supportData[at] = x.state;
      this.supportWeight[at] = x.value;
    }
    this.issueGoals = issueGoals;
  }

  /** Unit i's goals with a positive weight, sorted by name (its names, shared). */
  goalsOf(i: number): readonly GoalName[] {
    return this.goalNames[this.goalSignature[i]!]!;
  }

  /**
   * Arrays a tick fills anew (WorldIndex's salience and damage, the mean-salience tables, the relation scores),
   * kept here between ticks: made afresh, each tick's lived to its end, were promoted, and their memory was held
   * outside the heap until a full collection (some 4 MB a tick at 100,000 units). Only the engine's WorldIndex,
   * one per tick, asks for them.
   */
  private readonly tickArrays = new Map<string, Float64Array>();

  /** The Float64Array of length n kept for `key`; its contents are the last tick's, for the caller to overwrite. */
  tickArray(key: string, n: number): Float64Array {
    let a = this.tickArrays.get(key);
    if (a === undefined || a.length !== n) this.tickArrays.set(key, (a = new Float64Array(n)));
    return a;
  }

  /** A list kept for `key` in the same way (tickArray): its elements are the last tick's, for the caller to overwrite. */
  tickList<T>(key: string): T[] {
    let a = this.tickLists.get(key);
    if (a === undefined) this.tickLists.set(key, (a = []));
    return a as T[];
  }
  private readonly tickLists = new Map<string, unknown[]>();

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
