/** The world at tick 0, built from a validated scenario: plain data, sorted by id. */
import type { Central, IssueState, Subnational, World } from '../model/world.ts';
import type { Model } from './model.ts';
import { Streams } from './rng.ts';

/** Starting score of each declared relation mode (the middle of its band under default parameters). */
const RELATION_SCORE = { support: 0.8, complementarity: 0.4, competition: 0, conflict: -0.6 } as const;

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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
  const subnationals: Subnational[] = s.subnationals
    .map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      central: u.central,
      neighbours: [...u.neighbours].sort(),
      competences: [...u.competences].sort(),
      goals: { ...u.goals },
      capacity: u.capacity,
      tradeTies: { ...u.tradeTies },
      kin: [...u.kin].sort(),
      attributes: { ...u.attributes },
      location: u.location ? ([u.location[0], u.location[1]] as [number, number]) : null,
      relation: u.relation,
      relationScore: RELATION_SCORE[u.relation],
      sanctions: 0,
      position: { ...u.position },
      laws: [],
      learned: {},
    }))
    .sort(byId);
  const issues: IssueState[] = s.issues
    .map((x) => {
      const units: IssueState['units'] = {};
      for (const u of subnationals) {
        const spec = x.units[u.id];
        units[u.id] = { emission: spec?.emission ?? 0, deposition: 0, damage: 0, salience: 0 };
      }
      return { id: x.id, units, laws: [] };
    })
    .sort(byId);
  return {
    tick: 0,
    centrals,
    subnationals,
    networks: s.networks.map((n) => ({ ...n })).sort(byId),
    issues,
    instruments: [],
    counters: { instrument: 0, event: 0 },
    pressure: Object.fromEntries(centrals.map((c) => [c.id, {}])),
    lawStatus: Object.fromEntries(centrals.map((c) => [c.id, {}])),
    consultations: {},
    rng: Streams.fromSeed(seed).state(),
  };
}
