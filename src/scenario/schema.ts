/**
 * The scenario file format, as zod schemas: the single source of the TypeScript types, of validation and of
 * the published JSON Schema (docs/scenario.schema.json). Defaults live here so a scenario says only what
 * differs. Cross-references (ids, dates, formulas) are checked after this, in check-scenario.ts.
 */
import { z } from 'zod';
import { DUCHACEK_TYPES, INSTRUMENTS, RELATIONS, TICK_UNITS } from '../model/vocabulary.ts';

export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'ids use letters, digits, "-" and "_"');
const dateText = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'dates are YYYY-MM or YYYY-MM-DD');
const unit = z.number().min(0).max(1);
const signed = z.number().min(-1).max(1);

/** Schemas checked in place (numberRecord), each with the z.record it stands for. */
export const checkedInPlace = new WeakMap<object, z.ZodType>();

/**
 * A mapping of names to numbers, checked where it lies: the parsed scenario keeps the very object it was given,
 * where z.record builds a copy. A subnational has four such mappings (goals, trade ties, attributes,
 * positions); at 100,000 units their copies, each unit's trade-tie keys with hidden classes of their own, were
 * some 50 MB at the parse's peak and 24 MB kept. A bad mapping is handed to z.record, so its issues (and the
 * messages made from them) are z.record's; the JSON Schema is z.record's too.
 */
function numberRecord(value: z.ZodNumber) {
  const record = z.record(z.string(), value);
  const { $schema: _, ...json } = z.toJSONSchema(record, { io: 'input' }) as Record<string, unknown>;
  const plain = (x: unknown): x is Record<string, unknown> => {
    const proto = typeof x === 'object' && x !== null ? Object.getPrototypeOf(x) : undefined;
    return (proto === Object.prototype || proto === null) && !Array.isArray(x);
  };
  const schema = z
    .custom<Record<string, number>>()
    .superRefine((input, ctx) => {
      if (plain(input) && !Object.hasOwn(input, '__proto__') && Object.keys(input).every((k) => value.safeParse(input[k]).success)) return;
      const checked = record.safeParse(input);
      // A finished issue no longer carries the value it found (its message names it): put it back from the path.
      const found = (path: readonly PropertyKey[]): unknown => (path.length === 0 ? input : (input as Record<PropertyKey, unknown>)[path[0]!]);
      if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ ...issue, input: found(issue.path) } as Parameters<typeof ctx.addIssue>[0]);
      // z.record drops a key named __proto__; kept in place it would be a goal or a tie of that name.
      else ctx.addIssue({ code: 'custom', message: 'a key may not be named "__proto__"', path: ['__proto__'], input });
    })
    .meta(json);
  // What the mapping is, for whoever reads the schema's structure (the paths of --set and timeline entries).
  checkedInPlace.set(schema, record);
  return schema;
}
const positions = numberRecord(signed).default({});
const scalar = z.union([z.string(), z.number(), z.boolean()]);

const gatekeeper = z.strictObject({
  id: idSchema,
  name: z.string(),
  role: z.string().default(''),
  position: positions,
});

const chamber = z.strictObject({
  id: idSchema,
  name: z.string(),
  threshold: unit.default(0.5),
  support: z.record(z.string(), unit).default({}),
  gatekeepers: z.array(gatekeeper).default([]),
});

// --- Issue 12 part B: kin states, third parties, succession (kept in one block so part A's additions merge) ---

/**
 * Kin states: a foreign state's own support for a subnational's identity and protodiplomatic goals (France and
 * Quebec), 0..1 by subnational id. The subnational values ties with a supporting state more (goal variable
 * partnerSupport) and the state judges proposals from its side with it (partnerState variable support).
 */
const kinStateFields = {
  kinSupport: z.record(z.string(), unit).default({}),
};

/** Target filter fields: protodiplomatic ties only (or none), ties serving one competence domain, of one Duchacek type. */
const protodiplomacyFilterFields = {
  protodiplomacy: z.boolean().optional(),
  domain: z.string().optional(),
  duchacek: z.enum(DUCHACEK_TYPES).optional(),
};

/** An indicator: how many subnationals (of `units`, or of `central`, or all) hold a relation in one of `modes`. */
const relationIndicator = z
  .strictObject({ modes: z.array(z.enum(RELATIONS)).min(1), units: z.array(z.string()).optional(), central: z.string().optional() })
  .optional();

/**
 * A succession (an input: a state splits, a unit becomes independent): on `date` the successor, a central, takes
 * the predecessor's place (a central or a subnational): the ties it was a party to are carried over, and every
 * reference to it (borders, trade ties, kin, attitudes) now names the successor. FRY to Serbia in 2006.
 */
const succession = z.strictObject({
  id: idSchema.optional(),
  date: dateText,
  predecessor: idSchema,
  successor: idSchema,
  note: z.string().default(''),
});

/**
 * A third-party domestic actor (Bosniak representatives): it watches some subnationals' external action, frames
 * each new tie of theirs (formula framing: a threat, "secessionist", or not) and holds a relation with each.
 */
const thirdParty = z.strictObject({
  id: idSchema,
  name: z.string(),
  /** The country whose domestic politics it belongs to. */
  central: idSchema,
  watches: z.array(idSchema).min(1),
  /** Its stance toward the watched units' external action, -1 (opposed) to 1 (for). */
  stance: z.number().min(-1).max(1).default(0),
  relation: z.enum(RELATIONS).default('complementarity'),
});

// --- end of issue 12 part B block ---

const central = z.strictObject({
  id: idSchema,
  name: z.string(),
  ruleSet: z.string(),
  ruleOptions: z.record(z.string(), scalar).default({}),
  neighbours: z.array(idSchema).default([]),
  executive: z
    .strictObject({ leader: z.string().default(''), stance: positions })
    .default({ leader: '', stance: {} }),
  legislature: z.strictObject({ chambers: z.array(chamber).min(1) }).nullable().default(null),
  attitude: z.record(z.string(), signed).default({}),
  ...kinStateFields,
});

const subnational = z.strictObject({
  id: idSchema,
  name: z.string(),
  kind: z.string(),
  central: idSchema,
  neighbours: z.array(idSchema).default([]),
  competences: z.array(z.string()).default([]),
  goals: numberRecord(z.number().min(0)).default({}),
  capacity: z.number().positive().default(1),
  tradeTies: numberRecord(unit).default({}),
  kin: z.array(idSchema).default([]),
  attributes: numberRecord(z.number()).default({}),
  // Rebuilt as a two-element literal: the parsed tuple is grown by push, with room for 17 (180 bytes, not 64, per unit).
  location: z.tuple([z.number(), z.number()]).overwrite(([x, y]) => [x, y]).nullable().default(null),
  relation: z.enum(RELATIONS).default('complementarity'),
  position: positions,
});

/**
 * A network's conference as a forum (issue 13): at its meetings (every `every` months from `from`) its members
 * vote on each of `issues` (all the scenario's issues when absent) by formula `resolve`; a resolution is adopted
 * when the share of members for it reaches parameter forumQuorum, and binds those who voted for it.
 */
const forum = z.strictObject({
  from: dateText,
  every: z.number().int().min(1).max(1200).default(12),
  issues: z.array(idSchema).min(1).optional(),
});

const network = z.strictObject({
  id: idSchema,
  name: z.string(),
  scope: z.string().default('global'),
  domain: z.string().default('general'),
  /** Subnationals that belong to it from the start (a forum's voters). */
  members: z.array(idSchema).optional(),
  forum: forum.optional(),
});

const issue = z.strictObject({
  id: idSchema,
  name: z.string(),
  domain: z.string(),
  description: z.string().default(''),
  /**
   * Deposition at a receptor is the sum over sources of emission * exp(-distance / L). L is `lengthScale`, or
   * with a prevailing `wind` it depends on where the receptor lies from the source: `downwind` km straight
   * downwind, `upwind` km straight upwind, in between by the cosine of the angle (Fay, Golomb and Kumar 1985).
   */
  transfer: z
    .strictObject({
      lengthScale: z.number().positive(),
      wind: z
        .strictObject({
          /** The direction the prevailing wind blows towards, degrees clockwise from north (east is 90). */
          towards: z.number().min(0).max(360),
          downwind: z.number().positive(),
          upwind: z.number().positive(),
        })
        .optional(),
    })
    .default({ lengthScale: 500 }),
  units: z
    .record(z.string(), z.strictObject({ emission: z.number().min(0).default(0), sensitivity: z.number().min(0).default(0) }))
    .default({}),
  /** Emission factors by central and date (linear between points; flat outside), multiplying unit emissions. */
  emissionSeries: z.record(z.string(), z.record(z.string(), z.number().min(0))).default({}),
  /** Centrals that may legislate on the issue (a national law). */
  law: z.strictObject({ centrals: z.array(idSchema) }).nullable().default(null),
  /** An agreement between two centrals, pursued when both positions overlap. */
  agreement: z
    .strictObject({
      between: z.tuple([idSchema, idSchema]),
      instrument: z.enum(INSTRUMENTS).default('treaty'),
      requiresLaw: z.array(idSchema).default([]),
    })
    .nullable()
    .default(null),
});

// ---- Offices, budgets and international organisations (issue 12, part A) ----

/**
 * An international organisation as a partner (the EU, the UN, UNESCO, la Francophonie): a party with a seat
 * (the place its liaison offices stand), member states, and whether its charter admits constituent units as
 * members or participants (a seat for a subnational).
 */
const organisation = z.strictObject({
  id: idSchema,
  name: z.string(),
  /** The place of its seat (Brussels, New York, Paris), where a liaison office stands. */
  seat: z.string().default(''),
  /** Member states (central ids). */
  members: z.array(idSchema).default([]),
  /** 0..1: how far its charter admits constituent units as members (la Francophonie's participating governments: 1; the UN: 0). */
  openToUnits: unit.default(0),
});

/**
 * An instrument in force when the scenario starts (an input: an office already open, a seat already held);
 * `parties` are the holder (initiator) then the partner (the host of an office).
 */
const holding = z.strictObject({
  kind: z.enum(INSTRUMENTS),
  parties: z.tuple([idSchema, idSchema]),
  domain: z.string().default('economy'),
  issue: z.string().nullable().default(null),
  note: z.string().default(''),
});

const spendingIndicator = z.strictObject({
  central: z.string().optional(),
  subnational: z.string().optional(),
  instrument: z.enum(INSTRUMENTS).optional(),
});

// ---- end of issue 12, part A ----

const instrumentBehaviour = z.strictObject({
  enabled: z.boolean().default(true),
  cost: z.number().min(0),
  /** How well the instrument serves each goal ("issue" stands for every issue goal). */
  fit: z.record(z.string(), z.number()).default({}),
  /** Months an instrument stays in force before it expires (0: no expiry); the catalog's default when absent. */
  term: z.number().int().min(0).max(12_000).optional(),
  /** Months after signing, and then every as many months, when the parties renew it or let it lapse (0: never); the catalog's default when absent. */
  review: z.number().int().min(0).max(12_000).optional(),
  /** Money per year an instrument in force costs its holder (an office's rent and staff), charged to its budget; 0 when absent. */
  runningCost: z.number().min(0).optional(),
});

export const behaviourSchema = z.strictObject({
  parameters: z.record(z.string(), z.number()).default({}),
  instruments: z.record(z.string(), instrumentBehaviour).default({}),
  formulas: z.record(z.string(), z.string()).default({}),
});

const timelineEntry = z.strictObject({
  id: idSchema.optional(),
  date: dateText,
  note: z.string().default(''),
  set: z.record(z.string(), scalar),
});

const filter = z.strictObject({
  ...protodiplomacyFilterFields,
  kind: z.string(),
  instrument: z.enum(INSTRUMENTS).optional(),
  issue: z.string().optional(),
  by: z.string().optional(),
  party: z.string().optional(),
  /** A court's ruling (action.ruled): for, against, upheld or reversed. */
  outcome: z.enum(['for', 'against', 'upheld', 'reversed']).optional(),
  from: dateText.optional(),
  to: dateText.optional(),
});

const indicator = z.strictObject({
  id: idSchema,
  description: z.string().default(''),
  /** Instruments counted by status and filters. */
  count: z
    .strictObject({
      instrument: z.enum(INSTRUMENTS).optional(),
      status: z.string().default('in-force'),
      issue: z.string().optional(),
      duchacek: z.string().optional(),
      central: z.string().optional(),
      /** Only instruments this government initiated (holds, for an office). */
      by: z.string().optional(),
      /** Only instruments initiated by a subnational of this central. */
      byCentral: z.string().optional(),
      /** Only instruments with this party (an office's host). */
      party: z.string().optional(),
      /** Issue 12 part B: only protodiplomatic instruments (or none). */
      protodiplomacy: z.boolean().optional(),
    })
    .optional(),
  /** Running costs per year of the instruments in force held by subnationals (of `central`), or their budgets. */
  spending: spendingIndicator.optional(),
  budget: z.strictObject({ central: z.string().optional(), subnational: z.string().optional() }).optional(),
  /** One earlier indicator divided by another (e.g. provincial over state spending); NA when the divisor is 0. */
  ratio: z.strictObject({ numerator: z.string(), denominator: z.string() }).optional(),
  /** The sum of a numeric attribute (population, GDP) over the subnationals of `central` (all when absent). */
  attribute: z.strictObject({ name: z.string(), central: z.string().optional() }).optional(),
  /** The rank (1: highest) of a subnational's spending among the subnationals of its central (ties share the better rank). */
  spendingRank: z.strictObject({ subnational: z.string() }).optional(),
  /** Mean of an issue field over units (all units with a non-zero sensitivity when `units` is absent). */
  mean: z
    .strictObject({ issue: z.string(), field: z.enum(['emission', 'deposition', 'damage', 'salience']), units: z.array(z.string()).optional() })
    .optional(),
  /** A number in the world, by path (e.g. centrals.US.executive.position.acid-rain). */
  value: z.string().optional(),
  relation: relationIndicator,
});

const expectation = z.strictObject({
  between: z.tuple([z.number(), z.number()]).optional(),
  atLeast: z.number().optional(),
  atMost: z.number().optional(),
  after: dateText.optional(),
  before: dateText.optional(),
  includes: z.array(z.string()).optional(),
  excludes: z.array(z.string()).optional(),
  equals: z.union([z.number(), z.boolean()]).optional(),
});

const target = z.strictObject({
  id: idSchema,
  description: z.string().default(''),
  history: z.string().default(''),
  passRate: unit.default(0.8),
  measure: z.strictObject({
    count: filter.optional(),
    first: filter.optional(),
    /** `of: actor` collects each matching event's acting government instead of its parties. */
    parties: filter.extend({ prefix: z.string().optional(), of: z.enum(['parties', 'actor']).optional() }).optional(),
    order: z.array(filter).min(2).optional(),
    /** Whole months from the first match of `from` to the first match of `to` (negative if `to` comes first). */
    lag: z.strictObject({ from: filter, to: filter }).optional(),
    indicator: z.strictObject({ id: z.string(), at: dateText }).optional(),
    /** The sorted distinct pairs of parties over matching events, each as "A+B" (ids in sorted order). */
    dyads: filter.optional(),
    /**
     * How well the ids (`parties`, with `prefix`) or pairs (`pairs: true`, as `dyads`) over matching events
     * match a `record`: `precision` (share of the run's that are in the record) or `recall` (share of the
     * record's that the run has).
     */
    match: filter
      .extend({ prefix: z.string().optional(), pairs: z.boolean().default(false), record: z.array(z.string()).min(1), score: z.enum(['precision', 'recall']) })
      .optional(),
    /**
     * The earth mover's distance, in years, between the years of matching events and a `record` of counts per
     * year (each as shares of its total): how far the run's timing is from the record's.
     */
    years: filter.extend({ record: z.record(z.string().regex(/^\d{4}$/, 'a year, e.g. 1985'), z.number().nonnegative()) }).optional(),
  }),
  expect: expectation,
});

const variant = z.strictObject({
  id: idSchema,
  description: z.string().default(''),
  set: z.record(z.string(), scalar).default({}),
  removeTimeline: z.array(idSchema).default([]),
});

export const scenarioSchema = z.strictObject({
  paradip: z.literal(1),
  id: idSchema,
  title: z.string(),
  description: z.string().default(''),
  notes: z.string().default(''),
  sources: z.array(z.string()).default([]),
  calendar: z.strictObject({ tick: z.enum(TICK_UNITS), start: dateText, end: dateText }),
  centrals: z.array(central).min(1),
  subnationals: z.array(subnational).min(1),
  networks: z.array(network).default([]),
  // issue 12, part A: international organisations and the instruments in force at the start.
  organisations: z.array(organisation).default([]),
  holdings: z.array(holding).default([]),
  // issue 12, part B: successions of states and third-party domestic actors.
  successions: z.array(succession).default([]),
  thirdParties: z.array(thirdParty).default([]),
  issues: z.array(issue).default([]),
  behaviour: behaviourSchema.default({ parameters: {}, instruments: {}, formulas: {} }),
  timeline: z.array(timelineEntry).default([]),
  indicators: z.array(indicator).default([]),
  targets: z.array(target).default([]),
  variants: z.array(variant).default([]),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type CentralSpec = Scenario['centrals'][number];
export type SubnationalSpec = Scenario['subnationals'][number];
export type IssueSpec = Scenario['issues'][number];
export type Behaviour = Scenario['behaviour'];
export type TimelineEntry = Scenario['timeline'][number];
export type IndicatorSpec = Scenario['indicators'][number];
export type TargetSpec = Scenario['targets'][number];
export type EventFilter = z.output<typeof filter>;
export type Expectation = z.output<typeof expectation>;
export type VariantSpec = Scenario['variants'][number];
export type OrganisationSpec = Scenario['organisations'][number];
export type HoldingSpec = Scenario['holdings'][number];
export type SuccessionSpec = Scenario['successions'][number];
export type ThirdPartySpec = Scenario['thirdParties'][number];
export type NetworkSpec = Scenario['networks'][number];
