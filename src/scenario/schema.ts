/**
 * The scenario file format, as zod schemas: the single source of the TypeScript types, of validation and of
 * the published JSON Schema (docs/scenario.schema.json). Defaults live here so a scenario says only what
 * differs. Cross-references (ids, dates, formulas) are checked after this, in check-scenario.ts.
 */
import { z } from 'zod';
import { INSTRUMENTS, RELATIONS, TICK_UNITS } from '../model/vocabulary.ts';

export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'ids use letters, digits, "-" and "_"');
const dateText = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'dates are YYYY-MM or YYYY-MM-DD');
const unit = z.number().min(0).max(1);
const signed = z.number().min(-1).max(1);
const positions = z.record(z.string(), signed).default({});
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
});

const subnational = z.strictObject({
  id: idSchema,
  name: z.string(),
  kind: z.string(),
  central: idSchema,
  neighbours: z.array(idSchema).default([]),
  competences: z.array(z.string()).default([]),
  goals: z.record(z.string(), z.number().min(0)).default({}),
  capacity: z.number().positive().default(1),
  tradeTies: z.record(z.string(), unit).default({}),
  kin: z.array(idSchema).default([]),
  attributes: z.record(z.string(), z.number()).default({}),
  location: z.tuple([z.number(), z.number()]).nullable().default(null),
  relation: z.enum(RELATIONS).default('complementarity'),
  position: positions,
});

const network = z.strictObject({
  id: idSchema,
  name: z.string(),
  scope: z.string().default('global'),
  domain: z.string().default('general'),
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

const instrumentBehaviour = z.strictObject({
  enabled: z.boolean().default(true),
  cost: z.number().min(0),
  /** How well the instrument serves each goal ("issue" stands for every issue goal). */
  fit: z.record(z.string(), z.number()).default({}),
  /** Months an instrument stays in force before it expires (0: no expiry); the catalog's default when absent. */
  term: z.number().int().min(0).max(12_000).optional(),
  /** Months after signing, and then every as many months, when the parties renew it or let it lapse (0: never); the catalog's default when absent. */
  review: z.number().int().min(0).max(12_000).optional(),
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
  kind: z.string(),
  instrument: z.enum(INSTRUMENTS).optional(),
  issue: z.string().optional(),
  by: z.string().optional(),
  party: z.string().optional(),
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
    })
    .optional(),
  /** Mean of an issue field over units (all units with a non-zero sensitivity when `units` is absent). */
  mean: z
    .strictObject({ issue: z.string(), field: z.enum(['emission', 'deposition', 'damage', 'salience']), units: z.array(z.string()).optional() })
    .optional(),
  /** A number in the world, by path (e.g. centrals.US.executive.position.acid-rain). */
  value: z.string().optional(),
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
    parties: filter.extend({ prefix: z.string().optional() }).optional(),
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
