/** The world at tick 0, built from a validated scenario: plain data, sorted by id. */
import { duchacek } from '../model/geography.ts';
import type { Central, Instrument, IssueState, IssueUnitState, Subnational, World } from '../model/world.ts';
import { GOAL_DOMAINS } from '../rules/catalog.ts';
import type { Model } from './model.ts';
import { Streams } from './rng.ts';

/** Starting score of each declared relation mode (the middle of its band under default parameters). */
const RELATION_SCORE = { support: 0.8, complementarity: 0.4, competition: 0, conflict: -0.6 } as const;

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A list of ids in sorted order: the scenario's own list when it is sorted already (sorting copies allocate). */
function sortedIds(ids: string[]): string[] {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! > ids[i]!) return [...ids].sort();
  return ids;
}

export function initialWorld(model: Model, seed: number | string): World {
  // The world copies what it may change (the timeline writes into it) and nothing else: cloning the whole
  // scenario would also copy every issue's per-unit data, which the world never holds (a third of the
  // memory of a 100,000-unit world).
  const s = model.scenario;
  const copy = <T>(x: T): T => structuredClone(x);
  const centrals: Central[] = s.centrals
    .map((c) => ({
      id: c.id,
      name: c.name,
      ruleSet: c.ruleSet,
      ruleOptions: copy(c.ruleOptions),
      neighbours: [...c.neighbours].sort(),
      executive: { leader: c.executive.leader, stance: { ...c.executive.stance }, position: { ...c.executive.stance } },
      legislature: c.legislature
        ? { chambers: [...c.legislature.chambers].sort(byId).map((ch) => ({ ...copy(ch), gatekeepers: copy(ch.gatekeepers).sort(byId) })) }
        : null,
      attitude: { ...c.attitude },
      kinSupport: { ...c.kinSupport },
    }))
    .sort(byId);
  // What the engine only reads (borders, competences, goals, trade ties, kin, attributes, location) is shared
  // with the scenario, not copied: a copy is 0.5 KB per subnational. The engine never writes into these
  // records; a timeline input replaces the record it writes into (setPath copies it first) and a succession
  // replaces the lists and ties it changes, so the scenario stays as loaded.
  const subnationals: Subnational[] = s.subnationals
    .map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      central: u.central,
      neighbours: sortedIds(u.neighbours),
      competences: sortedIds(u.competences),
      goals: u.goals,
      capacity: u.capacity,
      tradeTies: u.tradeTies,
      kin: sortedIds(u.kin),
      attributes: u.attributes,
      location: u.location,
      relation: u.relation,
      relationScore: RELATION_SCORE[u.relation],
      sanctions: 0,
      position: unitPositions(u.position),
      laws: [],
      learned: {},
    }))
    .sort(byId);
  const issues: IssueState[] = s.issues
    .map((x) => {
      const units: IssueState['units'] = {};
      for (const u of subnationals) {
        const spec = x.units[u.id];
        units[u.id] = new UnitIssueState(spec?.emission ?? 0);
      }
      return { id: x.id, units, laws: [] };
    })
    .sort(byId);
  const world: World = {
    tick: 0,
    centrals,
    subnationals,
    // Members sorted, so the file's order cannot matter; a network without members or forum keeps neither field.
    networks: s.networks
      .map((n) => ({ ...n, ...(n.members ? { members: [...n.members].sort() } : {}), ...(n.forum ? { forum: { ...n.forum, ...(n.forum.issues ? { issues: [...n.forum.issues].sort() } : {}) } } : {}) }))
      .sort(byId),
    organisations: s.organisations.map((o) => ({ ...o, members: [...o.members].sort() })).sort(byId),
    successions: {},
    thirdParties: s.thirdParties
      .map((t) => ({
        id: t.id,
        name: t.name,
        central: t.central,
        watches: [...t.watches].sort(),
        stance: t.stance,
        frames: Object.fromEntries([...t.watches].sort().map((u) => [u, 0])),
        relation: Object.fromEntries([...t.watches].sort().map((u) => [u, t.relation])),
        relationScore: Object.fromEntries([...t.watches].sort().map((u) => [u, RELATION_SCORE[t.relation]])),
      }))
      .sort(byId),
    issues,
    instruments: [],
    counters: { instrument: 0, event: 0 },
    pressure: Object.fromEntries(centrals.map((c) => [c.id, {}])),
    lawStatus: Object.fromEntries(centrals.map((c) => [c.id, {}])),
    consultations: {},
    cases: [],
    rng: Streams.fromSeed(seed).state(),
  };
  world.instruments = holdings(model, world);
  world.counters.instrument = world.instruments.length;
  return world;
}

/**
 * The instruments in force at the start (scenario `holdings`): inputs, as an office a province already keeps.
 * Numbered in the file's order after sorting by holder, partner and kind, so the file's order cannot matter.
 */
function holdings(model: Model, world: World): Instrument[] {
  if (model.scenario.holdings.length === 0) return [];
  const subs = new Map(world.subnationals.map((u) => [u.id, u]));
  const cs = new Map(world.centrals.map((c) => [c.id, c]));
  const nets = new Set(world.networks.map((n) => n.id));
  const orgs = new Set(world.organisations.map((o) => o.id));
  const geo = { subnational: (id: string) => subs.get(id), central: (id: string) => cs.get(id), isNetwork: (id: string) => nets.has(id), isOrganisation: (id: string) => orgs.has(id) };
  const key = (h: { kind: string; parties: [string, string] }): string => `${h.parties[0]}\u0000${h.parties[1]}\u0000${h.kind}`;
  const sorted = [...model.scenario.holdings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return sorted.map((h, i): Instrument => {
    const holder = subs.get(h.parties[0])!;
    return {
      id: `i${String(i + 1).padStart(6, '0')}`,
      kind: h.kind,
      initiator: holder.id,
      parties: [holder.id, h.parties[1]],
      domain: h.domain || GOAL_DOMAINS['economic']!,
      issue: h.issue,
      status: 'in-force',
      proposedTick: 0,
      signedTick: 0,
      endedTick: null,
      reviewedTick: null,
      duchacek: duchacek(geo, holder, h.parties[1]),
      protodiplomacy: false,
      citations: [`In force when the scenario starts (an input)${h.note ? `: ${h.note}` : ''}`],
      legal: [],
      approvals: [],
      denunciationDemandedTick: null,
      denunciationDemandedBy: null,
    };
  });
}

/**
 * One unit's state of an issue, { emission, deposition, damage, salience }: a plain object (prototype
 * Object.prototype, these keys in this order, as a literal would be) made by a constructor of its own, so that
 * V8 gives it a hidden class of its own. A literal with these four keys shares its hidden-class chain with
 * zod's enum of the same names (the indicator field in schema.ts), whose string values turn every field into
 * "any value": each of the issue phase's writes per unit and tick then made a new heap number, kept alive by
 * the world and so promoted to the old generation (measured: 5 per unit and tick). Here the fields keep their
 * doubles in place.
 */
const UnitIssueState = function (this: IssueUnitState, emission: number) {
  // Each field made a double field first (0.5 is no small integer), then given its value: a field first given
  // a small integer (0) is changed to a double field by the first fraction written to it, and every object of
  // the old class then has to move to the new one, which throws the optimised issue loop back to the
  // interpreter once per object met (measured: 127 times in a 6-tick run at 100,000 units).
  this.emission = 0.5;
  this.deposition = 0.5;
  this.damage = 0.5;
  this.salience = 0.5;
  this.emission = emission;
  this.deposition = 0;
  this.damage = 0;
  this.salience = 0;
} as unknown as new (emission: number) => IssueUnitState;
(UnitIssueState as unknown as { prototype: object }).prototype = Object.prototype;

/**
 * A unit's positions by issue, copied into a plain object of a hidden class of its own, for the same reason:
 * the issue phase writes every unit's position every tick, and an issue's id as the first key of other
 * objects (the scenario's lookups by issue) would make a literal's field "any value" there too.
 */
const UnitPositions = function () {} as unknown as new () => Record<string, number>;
(UnitPositions as unknown as { prototype: object }).prototype = Object.prototype;

/** A copy of `from` (the same keys in the same order, the same values) as a UnitPositions, its fields double fields from the start (see UnitIssueState). */
function unitPositions(from: Readonly<Record<string, number>>): Record<string, number> {
  const p = new UnitPositions();
  const keys = Object.keys(from);
  for (const k of keys) p[k] = 0.5;
  for (const k of keys) p[k] = from[k]!;
  return p;
}
