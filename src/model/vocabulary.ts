/**
 * The closed vocabularies of the model, one word per concept (DESIGN.md, glossary). Types, YAML keys,
 * CLI flags and UI labels all use these strings.
 */

/** Forms of external action. */
export const INSTRUMENTS = ['visit', 'mou', 'agreement', 'treaty', 'office', 'forum', 'twinning', 'membership'] as const;
export type InstrumentKind = (typeof INSTRUMENTS)[number];

/**
 * Binding instruments create obligations under international or public law; the others are political.
 * Rule sets treat silence differently for the two (see RuleSet.silence).
 */
export const BINDING_INSTRUMENTS: readonly InstrumentKind[] = ['agreement', 'treaty'];
export const isBinding = (kind: InstrumentKind): boolean => BINDING_INSTRUMENTS.includes(kind);

/** Domestic actions a subnational can take instead of, or beside, external action. */
export const DOMESTIC_ACTIONS = ['lobby', 'local-law', 'litigate'] as const;
export type DomesticActionKind = (typeof DOMESTIC_ACTIONS)[number];

/**
 * Stages of a court case a unit brings against its central (the domestic action `litigate`): pending before the
 * first court, pending on the central's appeal, then ruled for the plaintiff (won), against it (lost), or for it
 * and then reversed on appeal (reversed).
 */
export const CASE_STAGES = ['trial', 'appeal', 'won', 'lost', 'reversed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Lifecycle of an instrument. */
export const INSTRUMENT_STATUSES = ['proposed', 'awaiting-approval', 'in-force', 'refused', 'denounced', 'expired', 'lapsed', 'taken-over'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

/** Mode of a subnational's external action relative to its central (seed-catalog 1.6). */
export const RELATIONS = ['support', 'complementarity', 'competition', 'conflict'] as const;
export type Relation = (typeof RELATIONS)[number];

/** Duchacek's geographic typology of an external tie (seed-catalog 1.5). Protodiplomacy is a separate flag. */
export const DUCHACEK_TYPES = ['cross-border', 'transregional', 'global'] as const;
export type DuchacekType = (typeof DUCHACEK_TYPES)[number];

/** Goals every subnational has; scenarios add their own (usually one per issue). */
export const CORE_GOALS = ['economic', 'identity', 'protodiplomatic'] as const;
export type CoreGoal = (typeof CORE_GOALS)[number];

/** Calendar units a tick can stand for. */
export const TICK_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TickUnit = (typeof TICK_UNITS)[number];

/**
 * How a partner stands to an acting subnational, as constitutions phrase it. A partner usually falls in several
 * categories at once (a cross-border province is also a foreign subnational and a unit of a neighbouring state).
 */
export const PARTNER_CATEGORIES = [
  'neighbour-subnational', // a foreign constituent unit sharing a border with the actor (cross-border)
  'neighbour-state-unit', // any constituent unit of a state bordering the actor's country (Austria, B-VG art. 16)
  'foreign-subnational', // any foreign constituent unit
  'neighbour-state', // a foreign state bordering the actor's country
  'foreign-state', // any foreign state
  'domestic-subnational', // another unit of the actor's own country (interstate compacts)
  'network', // a transnational network of subnationals
  'organisation', // an international organisation (the EU, the UN, UNESCO): a liaison office at its seat, a seat in it
  'own-state', // the actor's own central government (an office in the own capital: Faroe in Copenhagen)
] as const;
export type PartnerCategory = (typeof PARTNER_CATEGORIES)[number];

/** Steps an approval path can contain (DESIGN.md section 4). */
export const APPROVAL_STEPS = ['consent', 'vote', 'notify', 'ratify', 'sign'] as const;
export type ApprovalStepKind = (typeof APPROVAL_STEPS)[number];

/** Powers a central may hold over its subnationals' external action. */
export const CENTRAL_POWERS = ['veto', 'demand-denunciation', 'take-over', 'consult', 'sanction', 'denounce'] as const;
export type CentralPower = (typeof CENTRAL_POWERS)[number];
