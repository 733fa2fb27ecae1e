/**
 * The behaviour catalog: every formula the engine evaluates, the variables each may read (with their meaning),
 * and the default formula and parameters a scenario gets when it says nothing. Scenario formulas are checked
 * against these variable lists at load time (unknown variables are errors with a position), and this file is
 * the source of docs/formulas.md.
 */
import type { InstrumentKind } from '../model/vocabulary.ts';

export interface FormulaSpec {
  doc: string;
  variables: Record<string, string>;
  default: string;
}

/**
 * Every formula may read `dt`, the tick's length in months, so that a formula with a rate (a share per month)
 * gives the same dynamics under day, week and month ticks: a share r per month is 1 - (1 - r) ^ dt per tick.
 */
const TICK_DOC = "the tick's length in months (day 0.0329, week 0.23, month 1, quarter 3, year 12)";

/** Variables shared by the goal formulas and the partner's acceptance (the same formulas, seen from the partner). */
const candidate: Record<string, string> = {
  dt: TICK_DOC,
  fit: "the instrument's fit to this goal (behaviour.instruments.<kind>.fit.<goal>; 'issue' for issue goals)",
  cost: "the instrument's cost (behaviour.instruments.<kind>.cost)",
  binding: '1 for agreement and treaty, else 0',
  capacity: "the actor's capacity for external action",
  tradeTie: "the actor's trade tie to the partner or the partner's country, 0..1",
  kin: '1 if the partner is kin (shared identity), else 0',
  partnerSupport: "a partner state's own support for the actor's identity and protodiplomatic goals (centrals.<id>.kinSupport.<actor>), 0..1; 0 for other partners",
  partnerIsState: '1 if the partner is a foreign central government',
  partnerIsNetwork: '1 if the partner is a network',
  crossBorder: '1 if the tie is cross-border (Duchacek), else 0',
  transregional: '1 if the tie is transregional (Duchacek), else 0',
  global: '1 if the tie is global (Duchacek), else 0',
  salience: "the actor's salience of the goal's issue, 0..1 (0 for core goals)",
  damage: "the actor's damage from the goal's issue (0 for core goals)",
  partnerSalience: "the partner's salience of the issue (for a state: mean over its units)",
  existingTies: 'instruments in force or pending between actor and partner (on this issue, for issue goals)',
  load: "the actor's instruments in force or pending, divided by its capacity",
  position: "the actor's position on the issue, -1..1 (0 for core goals)",
  centralPosition: "the actor's central's position on the issue, -1..1 (0 for core goals)",
  identityStrength: 'attribute: strength of a distinct identity, 0..1',
  autonomyAspiration: 'attribute: aspiration to autonomy or independence, 0..1',
  partnerIsOrganisation: '1 if the partner is an international organisation (a liaison office at its seat, a seat in it)',
  ownState: "1 if the partner is the actor's own central (an office in the own capital)",
  runningCost: "the instrument's running cost per year (behaviour.instruments.<kind>.runningCost; 0 when absent)",
  budget: "the actor's budget for external action per year (formula budget)",
  spending: "the actor's spending per year: the running costs of the instruments in force it holds (initiated)",
  resolution: "1 if the actor is bound on the goal's issue by a forum's resolution it voted for (networks[].forum), else 0 (0 for core goals)",
  partnerResolution: "1 if the partner (a subnational) is bound on the goal's issue by a forum's resolution it voted for, else 0: with resolution, whether both took the issue to a forum",
};

/** What a domestic action on an issue (lobby, localLaw, litigate) reads first of the actor: its goal and where it stands. */
const onIssue = {
  weight: "the actor's goal weight for the issue",
  salience: 'as above',
  damage: 'as above',
  position: 'as above',
};
const BOUND = "1 if the actor is bound on the issue by a forum's resolution it voted for, else 0";

export const FORMULAS = {
  'goal.economic': {
    doc: 'Value of a candidate external action for the economic goal.',
    variables: candidate,
    default: 'fit * (0.3 + tradeTie)',
  },
  'goal.identity': {
    doc: 'Value of a candidate external action for the identity goal.',
    variables: candidate,
    default: 'fit * identityStrength * (0.3 + kin + partnerSupport)',
  },
  'goal.protodiplomatic': {
    doc: 'Value of a candidate external action for the protodiplomatic goal (international support for autonomy).',
    variables: candidate,
    default: 'fit * autonomyAspiration * (0.5 + partnerIsState + partnerSupport)',
  },
  'goal.issue': {
    doc: 'Value of a candidate external action for an issue goal (e.g. acid rain): joint pressure with co-affected partners.',
    variables: candidate,
    default: 'fit * salience * partnerSalience / (1 + existingTies)',
  },
  utility: {
    doc: "Score of a candidate external action: weighted goal values (total) less costs; proposed if >= actThreshold, accepted by a partner if >= acceptThreshold. The per-goal variables (fit, salience, damage, partnerSalience, position, centralPosition) are those of the lead goal, the one contributing most (0 without goals); existingTies counts every tie with the partner.",
    variables: { ...candidate, total: 'sum over goals of weight * goal value', noise: 'a standard normal draw times parameter noise' },
    default: 'total - cost / capacity - loadCost * load + noise',
  },
  lobby: {
    doc: "Score of lobbying the own central on an issue; its effect adds to the central's pressure.",
    variables: {
      ...onIssue,
      centralPosition: 'as above',
      capacity: 'as above',
      load: 'as above',
      noise: 'as above',
      emissionShare: "the actor's own emission relative to the largest emitter, 0..1 (what action would cost it)",
      resolution: BOUND,
    },
    default: 'weight * salience * max(position - centralPosition, 0) - lobbyCost / capacity + noise',
  },
  localLaw: {
    doc: 'Score of enacting an own law on an issue (a domestic action); only units without such a law consider it.',
    variables: {
      ...onIssue,
      emissionShare: "the actor's own emission relative to the largest emitter, 0..1",
      centralPosition: 'as above (a law can answer the central\'s inaction)',
      centralLaw: '1 if the central has enacted a law on the issue',
      capacity: 'as above',
      noise: 'as above',
      resolution: `${BOUND} (a regional commitment may do a law's work)`,
    },
    default: 'weight * salience * position * (1 - centralLaw) - lawCost * (0.2 + emissionShare) / capacity + noise',
  },
  resolve: {
    doc: "A forum member's vote on a resolution on an issue at a meeting of its network (networks[].forum): above 0 it votes for. The forum adopts the resolution when the share of members for it reaches parameter forumQuorum; it binds those who voted for it (variable resolution of the unit formulas) and adds parameter resolutionPressure to each one's central. The default never votes for, so a forum resolves nothing unless the scenario says why its members would.",
    variables: {
      weight: "the member's goal weight for the issue",
      salience: "the member's salience of the issue, 0..1",
      damage: "the member's damage from the issue",
      position: "the member's position on the issue, -1..1",
      centralPosition: "the member's central's position on the issue, -1..1",
      capacity: "the member's capacity for external action",
      emissionShare: "the member's own emission relative to the largest emitter, 0..1 (what a regional cap would cost it)",
      centralLaw: '1 if the member\'s central has enacted a law on the issue',
      memberCount: 'how many members the forum has (those that still act)',
    },
    default: '0',
  },
  litigate: {
    doc: "Score of bringing a court case against the own central on an issue (a domestic action: a suit to compel it to act, New York v. Thomas under the Clean Air Act's section 115). Weighed only when parameter litigation is on (above 0), and only by a unit that has brought no case on the issue yet; a pending case adds pressure on the central every month (casePressure), and its ruling comes caseTermMonths later (rulingForRate; a central far from the plaintiff appeals a ruling for it, appealGap).",
    variables: {
      ...onIssue,
      centralPosition: 'as above',
      centralLaw: '1 if the central has enacted a law on the issue (nothing left to compel)',
      casesBrought: "cases brought against the actor's central on the issue so far by any of its units, pending or decided (a second state would join the first suit rather than bring its own)",
      capacity: 'as above',
      load: 'as above',
      noise: 'as above',
      emissionShare: "the actor's own emission relative to the largest emitter, 0..1",
      resolution: BOUND,
    },
    default: 'weight * damage * max(position - centralPosition, 0) * (1 - centralLaw) - litigateCost / capacity + noise',
  },
  consent: {
    doc: "A central executive's score for consenting to an instrument (or accepting it as a partner): >= 0 consents.",
    variables: {
      attitude: "the central's attitude to the partner's country, -1..1",
      alignment: "1 - |the instrument's issue position of the central - the actor's position| / 2 (1 for core goals)",
      protodiplomacy: '1 if the instrument is protodiplomatic',
      binding: 'as above',
      relationScore: "the actor's relation score with its central, -1..1",
      noise: 'as above',
    },
    default: '0.2 + 0.5 * attitude + 0.5 * (alignment - 0.5) - protodiplomacy - 0.2 * binding + 0.3 * relationScore + noise',
  },
  partnerState: {
    doc: "A foreign central government's score for accepting a subnational's proposal made to it, from its own side (its goodwill to the proposer's country, kinship, trade, its own position on the issue): >= 0 accepts.",
    variables: {
      attitude: "the partner state's attitude to the proposer's country, -1..1",
      kin: "1 if the proposer counts the partner state as kin (shared language, diaspora: France and Quebec)",
      support: "the partner state's own support for the proposer's identity and protodiplomatic goals (centrals.<id>.kinSupport.<proposer>), 0..1: a kin state's interest, not the proposer's",
      tradeTie: "the proposer's trade tie to the partner state, 0..1",
      alignment: "1 - |the partner state's position on the instrument's issue - the proposer's position| / 2 (1 for core goals)",
      protodiplomacy: 'as above',
      binding: 'as above',
      noise: 'as above',
    },
    // A state weighs protodiplomacy by its own support for the proposer's cause, not by the proposer's sense of kinship.
    default: '0.2 + 0.5 * attitude + 0.5 * kin + 0.3 * tradeTie + 0.5 * (alignment - 0.5) - 0.2 * binding - 0.5 * protodiplomacy * (1 - support) + support + noise',
  },
  veto: {
    doc: "A central's score for letting a proposal go ahead where its rule set gives it a veto outside any approval step (China's Ministry of Foreign Affairs over local Foreign Affairs Offices): below 0 it vetoes. It judges proposals its own units make and those made to them.",
    variables: {
      attitude: "the central's attitude to the other party's country, -1..1",
      alignment: "1 - |the central's position on the instrument's issue - its unit's position| / 2 (1 for core goals)",
      protodiplomacy: 'as above',
      binding: 'as above',
      noise: 'as above',
    },
    default: '0.2 + attitude + 0.5 * (alignment - 1) - protodiplomacy - 0.2 * binding + noise',
  },
  renew: {
    doc: "A party's score for keeping an instrument at its review date (behaviour.instruments.<kind>.review months after signing, then every as many months): >= 0 renews it, below 0 it lapses (an office closes). Per-goal variables as in utility (the lead goal's).",
    variables: { ...candidate, total: 'sum over goals of weight * goal value of the tie today (not counting the tie itself among existing ties)', age: 'months since the instrument was signed', noise: 'as above' },
    // Would the party sign it again today: the value of the tie against its full cost and the load it keeps.
    default: 'total - cost / capacity - loadCost * load + noise',
  },
  budget: {
    doc: "A subnational's budget for external action per year, in the money of the instruments' running costs, from its economy and goals (issue 12). The default 0 leaves budgets out: no default formula reads budget or spending.",
    variables: {
      capacity: "the actor's capacity for external action",
      economic: "the actor's economic goal weight",
      identity: "the actor's identity goal weight",
      protodiplomatic: "the actor's protodiplomatic goal weight",
    },
    default: '0',
  },
  organisation: {
    doc: "An international organisation's score for accepting a subnational's proposal (a liaison office at its seat, a seat, an MOU): >= 0 accepts. A seat (membership) needs a charter open to constituent units.",
    variables: {
      centralMember: "1 if the proposer's central is a member state of the organisation",
      openToUnits: "the organisation's openness to constituent units as members, 0..1",
      membership: '1 if the proposal is membership (a seat)',
      protodiplomacy: 'as above',
      binding: 'as above',
      noise: 'as above',
    },
    default: '0.3 + 0.4 * centralMember - membership * (1 - openToUnits) - 0.2 * binding - 0.5 * protodiplomacy * (1 - openToUnits) + noise',
  },
  vote: {
    doc: "A chamber's yes share on consenting to a subnational's instrument; passes if >= the chamber's (or step's) threshold.",
    variables: {
      support: "the chamber's support for action on the instrument's issue (0.5 for core goals)",
      consent: "the executive's consent score for the instrument",
      binding: 'as above',
      noise: 'as above',
    },
    default: 'clamp(support + 0.3 * consent + 0.5 * noise, 0, 1)',
  },
  ratify: {
    doc: "The subnational legislature's score for ratifying its government's instrument: >= 0 ratifies.",
    variables: { position: 'as above', salience: 'as above', total: 'as above', noise: 'as above' },
    default: '0.5 + total + noise',
  },
  comply: {
    doc: 'A subnational\'s score for complying with a central demand to denounce an instrument: >= 0 complies.',
    variables: { relationScore: 'as above', autonomyAspiration: 'as above', noise: 'as above' },
    default: '0.3 + relationScore - autonomyAspiration + noise',
  },
  subnationalPosition: {
    doc: "A subnational's new position on an issue each tick.",
    variables: { position: 'current position', salience: 'as above', damage: 'as above', emissionShare: 'as above' },
    default: 'clamp(2 * salience - 1.5 * emissionShare, -1, 1)',
  },
  salience: {
    doc: "A unit's new salience of an issue each tick, 0..1.",
    variables: {
      salience: 'current salience',
      damage: "the unit's damage",
      ties: "the unit's instruments in force on the issue",
      laws: 'laws enacted on the issue anywhere so far',
      noise: 'as above',
      sensitivity: "the unit's sensitivity to the issue (its lakes and soils at risk), 0..1",
    },
    // salienceRate is a share per month; the random walk's variance grows with time, so its step with sqrt(dt).
    default: 'clamp(salience + (1 - (1 - salienceRate) ^ dt) * (damage - salience) + 0.01 * ties * dt + 0.01 * noise * sqrt(dt), 0, 1)',
  },
  damage: {
    doc: "A unit's damage from an issue, from deposition and sensitivity.",
    variables: { deposition: 'sum over sources of emission * exp(-distance / lengthScale)', sensitivity: "the unit's sensitivity" },
    default: 'sensitivity * deposition / (1 + deposition)',
  },
  centralPosition: {
    doc: "A central executive's new position on an issue each tick.",
    variables: {
      stance: "the leader's stated stance (timeline input)",
      position: 'current position',
      pressure: 'lobbying pressure received on the issue (decaying sum; negative where lobbying against action outweighs it, parameter lobbyAgainst)',
      salience: "mean salience of the issue among the central's affected units",
      ties: "instruments in force on the issue between the central's units and foreign units",
      laws: "laws enacted on the issue by the central's units",
      foreign: "the highest position among other centrals on the issue",
      law: 'whether the central has enacted its own law on the issue (1) or not (0): a domestic programme it can commit to abroad',
    },
    default: 'clamp(stance + 0.2 * pressure + 0.1 * salience, -1, 1)',
  },
  chamberSupport: {
    doc: "A chamber's new support (share of members) for action on an issue each tick.",
    variables: {
      support: 'current support',
      pressure: 'as above',
      salience: 'as above',
      ties: 'as above',
      laws: 'as above',
      position: "the executive's position",
      foreign: 'as above',
    },
    // Support closes 5% of its gap to the target per month.
    default: 'clamp(support + (1 - 0.95 ^ dt) * (0.2 + 0.3 * pressure + 0.3 * salience + 0.3 * position - support), 0, 1)',
  },
  gatekeeperPosition: {
    doc: "A gatekeeper's new position on an issue each tick; a bill reaches the floor only while every gatekeeper is at or above parameter gate.",
    variables: {
      position: "the gatekeeper's current position",
      pressure: 'as above',
      salience: 'as above',
      ties: 'as above',
      laws: 'as above',
      executive: "the executive's position this tick (its programme and the side payments it offers holdouts)",
      support: "the gatekeeper's chamber's current support",
    },
    default: 'position',
  },
  framing: {
    doc: "A third-party domestic actor's framing of a tie signed by a unit it watches (thirdParties): below 0 it calls the tie a threat (Bosniak representatives: \"proof of efforts in the direction of a proposed secession\"), otherwise legitimate; an action.framed event either way.",
    variables: {
      stance: "the third party's stance toward the unit's external action, -1..1",
      protodiplomacy: 'as above',
      silence: '1 if the unit may conclude the tie only because its rule set is silent (no rule provides it)',
      office: '1 if the tie is an office',
      binding: 'as above',
      partnerIsState: '1 if the partner is a state',
      global: '1 if the tie is global (Duchacek: with a unit or state beyond the neighbouring countries)',
      noise: 'as above',
    },
    // A tie a rule provides is legitimate to a neutral observer; one only the constitution's silence allows, a protodiplomatic one or one far abroad less so.
    default: '0.5 + stance - silence - protodiplomacy - 0.3 * global + noise',
  },
  thirdPartyRelation: {
    doc: "A third party's relation score with a unit it watches, -1..1, after each tie it frames; mapped to support / complementarity / competition / conflict by the relation parameters.",
    variables: {
      stance: 'as above',
      frames: 'ties of the unit it has framed as a threat so far',
      ties: "the unit's instruments in force",
    },
    default: 'clamp(0.4 + 0.5 * stance - 0.2 * frames, -1, 1)',
  },
  relation: {
    doc: 'A subnational\'s relation score with its central, -1..1; mapped to support / complementarity / competition / conflict by parameters.',
    variables: {
      alignment: 'mean over issue goals of 1 - |position - centralPosition| / 2 (1 without issues)',
      autonomyAspiration: 'as above',
      protodiplomaticTies: 'protodiplomatic instruments in force',
      sanctions: 'sanctions received',
      refusals: "the actor's approvals refused by its central",
    },
    default: 'clamp(alignment - autonomyAspiration - 0.2 * protodiplomaticTies - 0.2 * sanctions - 0.1 * refusals, -1, 1)',
  },
} as const satisfies Record<string, FormulaSpec>;

// Every formula reads dt (see TICK_DOC); added here so that no variable list can forget it.
for (const spec of Object.values(FORMULAS) as FormulaSpec[]) spec.variables['dt'] ??= TICK_DOC;

export type FormulaName = keyof typeof FORMULAS;
export const FORMULA_NAMES = Object.keys(FORMULAS) as FormulaName[];

/**
 * Formulas evaluated for one subnational, which may also read its attributes (identityStrength, a scenario's
 * own such as monitoring; 0 where a unit lacks one). The others are a central's or a chamber's and may not.
 */
export const UNIT_FORMULAS: ReadonlySet<FormulaName> = new Set<FormulaName>([
  'goal.economic', 'goal.identity', 'goal.protodiplomatic', 'goal.issue', 'utility', 'renew', 'lobby', 'localLaw', 'litigate', 'ratify', 'comply',
  'relation', 'resolve', 'subnationalPosition', 'salience', 'damage', 'budget',
]);

/** Every name a formula may read: its variables, the parameters, and for unit formulas the attributes. */
export function formulaScopeNames(name: FormulaName, parameters: readonly string[], attributes: readonly string[]): Set<string> {
  return new Set([...Object.keys(FORMULAS[name].variables), ...parameters, ...(UNIT_FORMULAS.has(name) ? attributes : [])]);
}

/** Default parameters; every one is a formula variable too. */
export const DEFAULT_PARAMETERS: Record<string, { value: number; doc: string }> = {
  actThreshold: { value: 0.5, doc: 'a subnational proposes its best action if its utility is at least this' },
  acceptThreshold: { value: 0.2, doc: 'a subnational partner accepts if its own utility is at least this' },
  noise: { value: 0.1, doc: 'standard deviation of the noise term in decisions' },
  loadCost: { value: 0.1, doc: 'cost per unit of load (instruments per capacity)' },
  partnersPerTick: { value: 4, doc: 'partners each subnational samples per tick (keeps cost linear)' },
  deliberationRate: { value: 1, doc: 'times per month a subnational weighs its options (per tick: this times the tick length in months, at most 1)' },
  responsiveness: { value: 0.5, doc: 'chance per month that a central organ acts on a pending approval rather than stay silent' },
  oversight: { value: 0.5, doc: "chance per month that a central reviews each of its units' instruments in force under its powers (demand denunciation, denounce)" },
  approvalTimeout: { value: 12, doc: 'months after which an approval without a stated deadline lapses as refused' },
  lobbyCost: { value: 0.1, doc: 'cost of lobbying' },
  lobbyPressure: { value: 0.1, doc: 'pressure one lobbying action adds, times capacity' },
  lobbyAgainst: { value: 0, doc: 'with 1, a unit whose position is below its central\'s lobbies against action: its pressure counts negative (a counter-coalition); with 0 every lobby adds pressure for action' },
  forumQuorum: { value: 0.5, doc: "a forum adopts a resolution when at least this share of its members votes for it (formula resolve)" },
  resolutionPressure: { value: 0, doc: "pressure a resolution adds to the central of each member that voted for it, on the resolution's issue" },
  pressureDecay: { value: 0.9, doc: 'share of lobbying pressure kept from one month to the next' },
  litigation: { value: 0, doc: 'with 1 (any value above 0), a subnational also weighs a court case against its own central on each issue (formula litigate); with 0 it never does and nothing of it is scored' },
  litigateCost: { value: 0.3, doc: 'cost of bringing a court case (formula litigate)' },
  caseTermMonths: { value: 12, doc: 'months from filing a case to its first ruling' },
  casePressure: { value: 0.05, doc: 'pressure a pending case adds on the central per month, times the plaintiff\'s capacity' },
  rulingForRate: { value: 0.5, doc: 'chance that the first ruling is for the plaintiff (one draw per case)' },
  rulingPressure: { value: 0.5, doc: 'pressure a final ruling for the plaintiff adds on the central, times the plaintiff\'s capacity' },
  appealGap: { value: 0.5, doc: "the central appeals a ruling for the plaintiff when the plaintiff's position exceeds the central's by at least this" },
  appealTermMonths: { value: 12, doc: 'months from the appeal to the appeal ruling' },
  reversalRate: { value: 0.5, doc: 'chance that the appeal court reverses a ruling for the plaintiff (one draw per appeal)' },
  lawCost: { value: 1, doc: 'cost of an own law, scaled by the emitter share' },
  lawCut: { value: 0.3, doc: 'emission cut a law brings to the units it binds' },
  salienceRate: { value: 0.05, doc: 'speed at which salience follows damage' },
  gate: { value: 0, doc: 'gatekeepers at or above this position let a bill reach the floor' },
  lawExecutiveMin: { value: 0, doc: 'the executive signs a law only at or above this position (else veto)' },
  lawChance: { value: 0.2, doc: 'chance per month that a bill with the votes and an open gate is enacted (legislative time)' },
  agreementMin: { value: 0.3, doc: 'both centrals must be at or above this position to sign an issue agreement' },
  agreementChance: { value: 0.15, doc: 'chance per month that negotiations conclude once positions overlap' },
  agreementSpan: { value: 0, doc: 'with 0, negotiations conclude at agreementChance once both positions reach agreementMin; above 0, at agreementChance times the overlap (the lower position less agreementMin) over this span, at most 1: the wider the overlap, the sooner the bargain' },
  denounceBelow: { value: -0.5, doc: 'a central with the power demands denunciation if its consent score falls below this' },
  relationSupport: { value: 0.6, doc: 'relation score at or above which the mode is support' },
  relationComplementarity: { value: 0.2, doc: 'at or above: complementarity' },
  relationCompetition: { value: -0.2, doc: 'at or above: competition; below: conflict' },
  consultMonths: { value: 3, doc: 'a central with a duty to consult (Germany) consults its affected units at least this many months before it concludes an agreement' },
  ownCapitalOffices: { value: 0, doc: "1: a subnational also weighs an office in its own capital (its own central as host: Faroe in Copenhagen); 0: it never does" },
  positionStep: { value: 0.1, doc: 'a position change is reported (position.changed) when it crosses a multiple of this' },
};

export interface InstrumentDefaults {
  cost: number;
  fit: Record<string, number>;
  /** Months after signing when the instrument ends by itself (a visit, a forum meeting); 0: no fixed term. */
  term: number;
  /** Months after signing (and then every as many months) when its parties decide to renew it or let it lapse; 0: never. */
  review: number;
}

/** Default costs and goal fits of the instruments (economic, identity, protodiplomatic, issue). */
export const DEFAULT_INSTRUMENTS: Record<InstrumentKind, InstrumentDefaults> = {
  visit: { cost: 0.1, fit: { economic: 0.3, identity: 0.2, protodiplomatic: 0.2, issue: 0.1 }, term: 1, review: 0 },
  mou: { cost: 0.2, fit: { economic: 0.4, identity: 0.3, protodiplomatic: 0.3, issue: 0.8 }, term: 0, review: 60 },
  agreement: { cost: 0.4, fit: { economic: 0.7, identity: 0.4, protodiplomatic: 0.6, issue: 0.9 }, term: 0, review: 120 },
  treaty: { cost: 0.6, fit: { economic: 0.8, identity: 0.5, protodiplomatic: 1.0, issue: 1.0 }, term: 0, review: 0 },
  office: { cost: 0.8, fit: { economic: 0.9, identity: 0.5, protodiplomatic: 0.8, issue: 0.2 }, term: 0, review: 36 },
  forum: { cost: 0.2, fit: { economic: 0.2, identity: 0.2, protodiplomatic: 0.3, issue: 0.4 }, term: 1, review: 0 },
  twinning: { cost: 0.2, fit: { economic: 0.3, identity: 0.5, protodiplomatic: 0.1, issue: 0.1 }, term: 0, review: 120 },
  membership: { cost: 0.3, fit: { economic: 0.3, identity: 0.2, protodiplomatic: 0.2, issue: 0.5 }, term: 0, review: 60 },
};

/** The competence domain an action serves, by goal; issue goals use their issue's domain. */
export const GOAL_DOMAINS: Record<string, string> = {
  economic: 'economy',
  identity: 'culture',
  protodiplomatic: 'external-relations',
};
