/**
 * The world: plain, serialisable data. Nothing here carries behaviour, so a world can be hashed, diffed,
 * checkpointed, sent to a worker and resumed (DESIGN.md section 3). All records are keyed or sorted by id.
 */
import type {
  ApprovalStepKind,
  DuchacekType,
  CaseStage,
  InstrumentKind,
  InstrumentStatus,
  Relation,
} from './vocabulary.ts';
import type { OptionValue } from '../rules/rule-set.ts';

export type Id = string;

/** Positions on issues run from -1 (opposed) to +1 (for). */
export type Positions = Record<Id, number>;

export interface Gatekeeper {
  id: Id;
  name: string;
  role: string;
  /** Position on each issue; a gatekeeper keeps an issue's bill off the floor while it is below the gate. */
  position: Positions;
}

export interface Chamber {
  id: Id;
  name: string;
  /** Share of yes votes needed to pass. */
  threshold: number;
  /** Share of members supporting action on each issue, 0..1. */
  support: Positions;
  gatekeepers: Gatekeeper[];
}

export interface Central {
  id: Id;
  name: string;
  /** Country code of the rule set family this central applies (a swap gives it another country's rules). */
  ruleSet: string;
  ruleOptions: Record<string, OptionValue>;
  /** Countries sharing a land or water border. */
  neighbours: Id[];
  executive: {
    leader: string;
    /** The leader's stated stance on each issue (timeline input). */
    stance: Positions;
    /** The executive's current position: stance moved by pressure. */
    position: Positions;
  };
  legislature: { chambers: Chamber[] } | null;
  /** Goodwill toward other countries, -1..1 (affects consent to ties with them). */
  attitude: Record<Id, number>;
  /**
   * Kin state: this state's own support for a foreign subnational's identity and protodiplomatic goals, 0..1, by
   * subnational id (France for Quebec). A timeline may change it (a new government's line).
   */
  kinSupport: Record<Id, number>;
}

export interface Subnational {
  id: Id;
  name: string;
  /** state, province, land, canton, community, region, entity, city, municipality, ... */
  kind: string;
  central: Id;
  /** Bordering subnationals, domestic and foreign. */
  neighbours: Id[];
  competences: string[];
  /** Goal weights; economic, identity and protodiplomatic always present, plus scenario goals. */
  goals: Record<string, number>;
  /** Capacity for external action (staff, budget), > 0. */
  capacity: number;
  /** Economic ties to other subnationals or countries, 0..1. */
  tradeTies: Record<Id, number>;
  /** Kin units or states (shared language, diaspora), for identity ties. */
  kin: Id[];
  /** Free numeric attributes: identityStrength, autonomyAspiration, ... (formula variables). */
  attributes: Record<string, number>;
  /** Location (km on a plane) for distance-based issue transfer; optional. */
  location: [number, number] | null;
  relation: Relation;
  /** The score behind the relation mode, -1..1 (relation formula). */
  relationScore: number;
  /** Sanctions received from the central. */
  sanctions: number;
  /** Position on each issue, -1..1. */
  position: Positions;
  /** Laws the subnational has enacted, by issue. */
  laws: Id[];
  /**
   * Issues on which it is bound by a forum's resolution it voted for (issue 13; formula variable `resolution`);
   * absent until the first.
   */
  resolutions?: Id[];
  /**
   * What the subnational has learnt is forbidden: "instrument>partner" -> the rule sets (joined by "|") in
   * force for the parties when it was forbidden. A government does not propose the same forbidden tie again
   * while those rule sets stand; a new period of a constitution (or a swapped rule set) clears the lesson.
   */
  learned: Record<string, string>;
}

export interface Network {
  id: Id;
  name: string;
  scope: string;
  domain: string;
  /** Subnationals that belong to it (a forum's voters); absent for a network without listed members. */
  members?: Id[];
  /** Its conference as a forum (issue 13): meetings every `every` months from `from`, on `issues` (all when absent). */
  forum?: { from: string; every: number; issues?: Id[] };
  /** Issues on which its forum has adopted a resolution (each is adopted once); absent until the first. */
  resolved?: Id[];
}

/**
 * An international organisation as a partner (issue 12): liaison offices stand at its seat, and a unit may hold a
 * seat in it (membership) where its charter admits constituent units.
 */
export interface Organisation {
  id: Id;
  name: string;
  seat: string;
  /** Member states (central ids). */
  members: Id[];
  /** 0..1: how far its charter admits constituent units as members. */
  openToUnits: number;
}

/** A third-party domestic actor: it frames the external action of the units it watches and holds a relation with each. */
export interface ThirdParty {
  id: Id;
  name: string;
  central: Id;
  watches: Id[];
  stance: number;
  /** Per watched unit: how many of its ties it framed as a threat. */
  frames: Record<Id, number>;
  relation: Record<Id, Relation>;
  relationScore: Record<Id, number>;
}

/** Per-unit state of an issue. */
export interface IssueUnitState {
  emission: number;
  deposition: number;
  damage: number;
  salience: number;
}

export interface IssueState {
  id: Id;
  units: Record<Id, IssueUnitState>;
  /** Laws enacted on this issue, by central or subnational id, with the tick. */
  laws: { by: Id; tick: number }[];
}

export interface ApprovalRecord {
  id: Id;
  step: ApprovalStepKind;
  /** The central whose organ must act, or the subnational whose legislature ratifies. */
  approver: Id;
  organ: 'executive' | 'legislature' | 'own-legislature';
  chambers: string[] | null;
  threshold: number | null;
  /** The party whose rule set requires the step. */
  party: Id;
  citation: string;
  /** Null until the steps before it are resolved: steps open one after another. */
  openedTick: number | null;
  deadlineTick: number | null;
  /** The stated time limit ("8 weeks"), or null (then parameter approvalTimeout applies). */
  within: string | null;
  onSilence: 'consent' | 'refuse' | null;
  status: 'pending' | 'granted' | 'refused' | 'tacit';
  resolvedTick: number | null;
}

export interface Instrument {
  id: Id;
  kind: InstrumentKind;
  initiator: Id;
  parties: Id[];
  domain: string;
  issue: Id | null;
  status: InstrumentStatus;
  proposedTick: number;
  signedTick: number | null;
  endedTick: number | null;
  /** The tick of its last renewal at a review date (null: never reviewed yet); the next review counts from it. */
  reviewedTick: number | null;
  /** Duchacek type; null for ties between centrals and for network membership. */
  duchacek: DuchacekType | null;
  protodiplomacy: boolean;
  citations: string[];
  /** Which rule set, and which of its rules, decided for each subnational party (empty between centrals). */
  legal: { party: Id; ruleSet: string; rule: string }[];
  approvals: ApprovalRecord[];
  /** Set while the central demands denunciation (Austria). */
  denunciationDemandedTick: number | null;
  /** The central that demands it (only its unit answers, even when the partner's central holds powers too). */
  denunciationDemandedBy: Id | null;
}

/**
 * A court case a subnational brought against its central on an issue (the domestic action `litigate`: New York
 * v. Thomas under the Clean Air Act's section 115). A unit brings at most one case per issue.
 */
export interface Case {
  /** The plaintiff, a subnational. */
  by: Id;
  /** The defendant: the plaintiff's central. */
  to: Id;
  issue: Id;
  filedTick: number;
  stage: CaseStage;
  /** While pending (trial, appeal): the tick the court rules, its term in calendar months after the stage opened; after: the tick it was decided. */
  dueTick: number;
}

export interface World {
  tick: number;
  centrals: Central[];
  subnationals: Subnational[];
  networks: Network[];
  organisations: Organisation[];
  /** Successions applied so far: predecessor id -> successor id (issue 12 part B). A predecessor unit no longer acts. */
  successions: Record<Id, Id>;
  /** Third-party domestic actors and the relation each holds with the units it watches (issue 12 part B). */
  thirdParties: ThirdParty[];
  issues: IssueState[];
  /** Every instrument ever proposed, sorted by id (ids are sequential). */
  instruments: Instrument[];
  /** Next sequence numbers for ids of instruments and events. */
  counters: { instrument: number; event: number };
  /** Lobbying received this year, by central and issue (decays), a pressure input. */
  pressure: Record<Id, Positions>;
  /** Why each central's law on each issue has not passed yet ('gatekeeper', 'votes', 'executive', 'ready'), or 'enacted'. */
  lawStatus: Record<Id, Record<Id, string>>;
  /** Court cases brought by subnationals (parameter litigation), pending and decided, sorted by plaintiff then issue. */
  cases: Case[];
  /** When each central last consulted its units before an agreement on an issue (duty to consult), by central and issue. */
  consultations: Record<Id, Record<Id, number>>;
  /** seedrandom alea state of each named stream. */
  rng: Record<string, unknown>;
}
