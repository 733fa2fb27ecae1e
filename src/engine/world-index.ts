/**
 * Lookups over a world, rebuilt once per tick after the timeline and issue phases (cost linear in
 * instruments and issues; the parts that change only with the world's structure come from the StaticIndex,
 * kept between ticks). Phases read the world only through plain fields and this index, never through file order.
 */
import type { Geography } from '../model/geography.ts';
import type { Central, Id, Instrument, IssueState, Organisation, Subnational, World } from '../model/world.ts';
import { StaticIndex } from './static-index.ts';

/** Units whose salience of an issue is above this are candidate partners for issue-driven ties. */
const CO_AFFECTED_SALIENCE = 0.05;
/** Co-affected units beyond this many are sampled, so the pool (and the cost per agent) stays bounded. */
export const CO_AFFECTED_POOL = 64;
/** The instruments of a party without any: one shared empty list, not a new one per question. */
const NONE: readonly Instrument[] = Object.freeze([]);

export class WorldIndex implements Geography {
  readonly subById: ReadonlyMap<Id, Subnational>;
  readonly centralById: ReadonlyMap<Id, Central>;
  readonly networkIds: ReadonlySet<Id>;
  readonly unitsOf: ReadonlyMap<Id, Subnational[]>;
  readonly issueById = new Map<Id, IssueState>();
  /** Instruments in force or awaiting approval, by party. */
  readonly active = new Map<Id, Instrument[]>();
  /** The same for subnationals, by their place in world.subnationals (undefined: none); a list the static index keeps between ticks. */
  private readonly activeByPosition: (Instrument[] | undefined)[];
  /**
   * Per issue, the numbers (StaticIndex) of the units co-affected this tick: all of them up to
   * CO_AFFECTED_POOL, else an evenly spaced selection rotating with the tick; sorted.
   */
  readonly coAffected = new Map<Id, Int32Array>();
  /** Per issue, each subnational's salience and damage this tick, by its place in world.subnationals. */
  readonly salienceOf = new Map<Id, Float64Array>();
  readonly damageOf = new Map<Id, Float64Array>();
  /** Every instrument ever proposed, by id. */
  readonly instrumentById = new Map<Id, Instrument>();
  /** Instruments in force, by the central of each subnational party (each listed once per central). */
  readonly inForceByCentral = new Map<Id, Instrument[]>();
  /** boundBy's tables, by issue (null: no unit is bound), made on first use in the tick. */
  private readonly boundTables = new Map<Id, Float64Array | null>();
  /** meanSalienceByParty's tables, by issue, made on first use in the tick. */
  private readonly meanSalienceTables = new Map<Id, Float64Array>();
  /** In-force instruments on an issue with a foreign party, counted per central of a subnational party. */
  private readonly tiesCount = new Map<string, number>();

  constructor(
    readonly world: World,
    /**
     * The structure of the world; a fresh one unless the engine keeps one between ticks. A kept one lends this
     * index its per-tick arrays (tickArray), so only one WorldIndex per StaticIndex may be in use at a time.
     */
    readonly statics: StaticIndex = new StaticIndex(world),
  ) {
    this.subById = statics.subById;
    this.centralById = statics.centralById;
    this.networkIds = statics.networkIds;
    this.unitsOf = statics.unitsOf;
    const subs = world.subnationals;
    for (const x of world.issues) {
      this.issueById.set(x.id, x);
      // The co-affected units' numbers (exact in doubles) in a kept array: a list of up to every unit, grown
      // by push each tick, was large enough to be made in the old generation, garbage until a full collection.
      const all = statics.tickArray('co-affected', subs.length);
      let count = 0;
      // Every element is written below.
      const salience = statics.tickArray(`salience\u0000${x.id}`, subs.length);
      const damage = statics.tickArray(`damage\u0000${x.id}`, subs.length);
      const states = statics.issueStates.get(x.id);
      for (let i = 0; i < subs.length; i++) {
        const unit = states ? states[i] : x.units[subs[i]!.id];
        salience[i] = unit?.salience ?? 0;
        damage[i] = unit?.damage ?? 0;
        if (salience[i]! > CO_AFFECTED_SALIENCE) all[count++] = statics.subNumber[i]!;
      }
      this.salienceOf.set(x.id, salience);
      this.damageOf.set(x.id, damage);
      let chosen: Int32Array;
      if (count <= CO_AFFECTED_POOL) chosen = Int32Array.from(all.subarray(0, count));
      else {
        const step = count / CO_AFFECTED_POOL;
        const offset = (world.tick * 7919) % count;
        chosen = new Int32Array(CO_AFFECTED_POOL);
        for (let i = 0; i < CO_AFFECTED_POOL; i++) chosen[i] = all[(offset + Math.floor(i * step)) % count]!;
        chosen.sort();
      }
      this.coAffected.set(x.id, chosen);
    }
    for (const inst of world.instruments) {
      this.instrumentById.set(inst.id, inst);
      if (inst.status === 'in-force') {
        const centrals = new Set(inst.parties.map((p) => this.subById.get(p)?.central).filter((c): c is Id => c !== undefined));
        for (const c of centrals) {
          const list = this.inForceByCentral.get(c);
          if (list) list.push(inst);
          else this.inForceByCentral.set(c, [inst]);
          if (inst.issue !== null && inst.duchacek !== null) {
            const key = `${inst.issue}|${c}`;
            this.tiesCount.set(key, (this.tiesCount.get(key) ?? 0) + 1);
          }
        }
      }
      if (inst.status !== 'in-force' && inst.status !== 'awaiting-approval') continue;
      for (const p of inst.parties) {
        const list = this.active.get(p);
        if (list) list.push(inst);
        else this.active.set(p, [inst]);
      }
    }
    // Filled first, so writing the lists in any order keeps the array's elements dense (a first write far
    // past the end makes V8 keep them as a dictionary, and activeAt is asked for every actor and partner).
    this.activeByPosition = statics.tickList('active');
    if (this.activeByPosition.length !== subs.length) {
      this.activeByPosition.length = 0;
      for (let i = 0; i < subs.length; i++) this.activeByPosition.push(undefined);
    } else this.activeByPosition.fill(undefined);
    for (const [party, list] of this.active) {
      const position = statics.position.get(party);
      if (position !== undefined) this.activeByPosition[position] = list;
    }
  }

  subnational(id: Id): Subnational | undefined {
    return this.subById.get(id);
  }
  central(id: Id): Central | undefined {
    return this.centralById.get(id);
  }
  isNetwork(id: Id): boolean {
    return this.networkIds.has(id);
  }
  isOrganisation(id: Id): boolean {
    return this.statics.organisationIds.has(id);
  }
  organisation(id: Id): Organisation | undefined {
    return this.statics.organisationById.get(id);
  }

  activeOf(id: Id): readonly Instrument[] {
    return this.active.get(id) ?? NONE;
  }

  /** activeOf the subnational at `position` in world.subnationals. */
  activeAt(position: number): readonly Instrument[] {
    return this.activeByPosition[position] ?? NONE;
  }

  salience(issue: Id, unit: Id): number {
    return this.issueById.get(issue)?.units[unit]?.salience ?? 0;
  }

  /** Mean salience of an issue among a central's units that feel it at all (damage > 0); 0 if none. */
  meanSalience(issue: Id, central: Id): number {
    const n = this.statics.number.get(central);
    return n === undefined ? 0 : this.meanSalienceByParty(issue)[n]!;
  }

  /**
   * meanSalience of every central at once, by party number (0 for any other party): one pass over the units in
   * world order, which is the order of each central's units in `unitsOf`, so every sum adds the same numbers in
   * the same order. Made once per tick and issue: the decide loop asks for every state partner.
   */
  meanSalienceByParty(issue: Id): Float64Array {
    return this.meanSalienceTables.get(issue) ?? this.meanSalienceMade(issue);
  }

  /** meanSalienceByParty the first time in a tick (apart, so the lookup above stays small and optimised). */
  private meanSalienceMade(issue: Id): Float64Array {
    const st = this.statics;
    const means = st.tickArray(`means\u0000${issue}`, st.ids.length).fill(0);
    const count = st.tickArray(`count\u0000${issue}`, st.ids.length).fill(0);
    const salience = this.salienceOf.get(issue);
    const damage = this.damageOf.get(issue);
    if (salience && damage) {
      for (let i = 0; i < salience.length; i++) {
        if (!(damage[i]! > 0)) continue;
        const c = st.centralNumber[i]!;
        if (c < 0) continue;
        means[c] = means[c]! + salience[i]!;
        count[c]!++;
      }
      for (let c = 0; c < means.length; c++) if (count[c]! > 0) means[c] = means[c]! / count[c]!;
    }
    this.meanSalienceTables.set(issue, means);
    return means;
  }

  /**
   * Per place in world.subnationals, 1 where a forum's resolution on `issue` binds the unit, else 0; null when
   * none does. Made on first use in the tick, so after the forums have met: the decide loop reads a partner's
   * binding for every candidate and goal, and a table spares it a visit to each partner's record.
   */
  boundBy(issue: Id): Float64Array | null {
    const known = this.boundTables.get(issue);
    return known !== undefined ? known : this.boundMade(issue);
  }

  private boundMade(issue: Id): Float64Array | null {
    let table: Float64Array | null = null;
    const subs = this.world.subnationals;
    for (let i = 0; i < subs.length; i++) {
      if (subs[i]!.resolutions?.includes(issue) !== true) continue;
      table ??= this.statics.tickArray(`bound\u0000${issue}`, subs.length).fill(0);
      table[i] = 1;
    }
    this.boundTables.set(issue, table);
    return table;
  }

  /** Instruments in force on an issue between a central's units and foreign parties. */
  ties(issue: Id, central: Id): number {
    return this.tiesCount.get(`${issue}|${central}`) ?? 0;
  }

  /** Laws on an issue enacted by a central's units. */
  unitLaws(issue: Id, central: Id): number {
    return (this.issueById.get(issue)?.laws ?? []).filter((l) => this.subById.get(l.by)?.central === central).length;
  }

  centralHasLaw(issue: Id, central: Id): boolean {
    const laws = this.issueById.get(issue)?.laws;
    if (laws) for (let i = 0; i < laws.length; i++) if (laws[i]!.by === central) return true;
    return false;
  }
}
