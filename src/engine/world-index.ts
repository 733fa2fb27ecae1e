/**
 * Lookups over a world, rebuilt once per tick after the timeline and issue phases (cost linear in agents and
 * instruments). Phases read the world only through plain fields and this index, never through file order.
 */
import type { Geography } from '../model/geography.ts';
import type { Central, Id, Instrument, IssueState, Subnational, World } from '../model/world.ts';

/** Units whose salience of an issue is above this are candidate partners for issue-driven ties. */
const CO_AFFECTED_SALIENCE = 0.05;

export class WorldIndex implements Geography {
  readonly subById = new Map<Id, Subnational>();
  readonly centralById = new Map<Id, Central>();
  readonly networkIds = new Set<Id>();
  readonly unitsOf = new Map<Id, Subnational[]>();
  readonly issueById = new Map<Id, IssueState>();
  /** Instruments in force or awaiting approval, by party. */
  readonly active = new Map<Id, Instrument[]>();
  readonly coAffected = new Map<Id, Id[]>();
  /** Every instrument ever proposed, by id. */
  readonly instrumentById = new Map<Id, Instrument>();
  /** Instruments in force, by the central of each subnational party (each listed once per central). */
  readonly inForceByCentral = new Map<Id, Instrument[]>();
  private readonly salienceCache = new Map<string, number>();
  /** In-force instruments on an issue with a foreign party, counted per central of a subnational party. */
  private readonly tiesCount = new Map<string, number>();

  constructor(readonly world: World) {
    for (const c of world.centrals) {
      this.centralById.set(c.id, c);
      this.unitsOf.set(c.id, []);
    }
    for (const u of world.subnationals) {
      this.subById.set(u.id, u);
      this.unitsOf.get(u.central)?.push(u);
    }
    for (const n of world.networks) this.networkIds.add(n.id);
    for (const x of world.issues) {
      this.issueById.set(x.id, x);
      this.coAffected.set(
        x.id,
        world.subnationals.filter((u) => (x.units[u.id]?.salience ?? 0) > CO_AFFECTED_SALIENCE).map((u) => u.id),
      );
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

  activeOf(id: Id): readonly Instrument[] {
    return this.active.get(id) ?? [];
  }

  salience(issue: Id, unit: Id): number {
    return this.issueById.get(issue)?.units[unit]?.salience ?? 0;
  }

  /** Mean salience of an issue among a central's units that feel it at all (damage > 0); 0 if none. */
  meanSalience(issue: Id, central: Id): number {
    const key = `${issue}|${central}`;
    let v = this.salienceCache.get(key);
    if (v === undefined) {
      const state = this.issueById.get(issue);
      const units = (this.unitsOf.get(central) ?? []).filter((u) => (state?.units[u.id]?.damage ?? 0) > 0);
      v = units.length === 0 ? 0 : units.reduce((s, u) => s + (state?.units[u.id]?.salience ?? 0), 0) / units.length;
      this.salienceCache.set(key, v);
    }
    return v;
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
    return (this.issueById.get(issue)?.laws ?? []).some((l) => l.by === central);
  }
}
