/**
 * The experiment file (`paradip sweep <experiment.yaml>`): which scenario, which parameters vary and how, the
 * design that turns them into points, seeds per point, and the measures each run records. Validated like a
 * scenario (positioned problems); `npm run docs` writes docs/experiment.schema.json from this for editors.
 */
import { z } from 'zod';
import { DUCHACEK_TYPES, INSTRUMENTS } from '../model/vocabulary.ts';
import { EVENT_KINDS } from '../engine/events.ts';

const dateText = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'dates are YYYY-MM or YYYY-MM-DD');
const nameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'measure names start with a letter and use letters, digits, "_", "-" and "."');
const scalar = z.union([z.number(), z.string(), z.boolean()]);

/**
 * Which events a measure reads. As a target's filter (targets.ts), plus: `instrument` may list several,
 * `duchacek` is the event's Duchacek type, and `country` keeps events whose acting government (`by`, `actor`,
 * `initiator`, or a party) is that central or one of its subnationals.
 */
export const measureFilterSchema = z.strictObject({
  kind: z.enum(EVENT_KINDS),
  instrument: z.union([z.enum(INSTRUMENTS), z.array(z.enum(INSTRUMENTS)).min(1)]).optional(),
  issue: z.string().optional(),
  by: z.string().optional(),
  party: z.string().optional(),
  duchacek: z.enum(DUCHACEK_TYPES).optional(),
  country: z.string().optional(),
  step: z.string().optional(),
  from: dateText.optional(),
  to: dateText.optional(),
});

export const SUMMARIES = ['final', 'mean', 'max', 'min', 'at', 'first-above'] as const;
export const STATISTICS = ['mean', 'median', 'min', 'max', 'count'] as const;

export const measureSchema = z.strictObject({
  name: nameSchema,
  description: z.string().default(''),
  /** Number of matching events. */
  count: measureFilterSchema.optional(),
  /** Date of the first matching event, as a decimal year; empty (NaN) when none matches. */
  first: measureFilterSchema.optional(),
  /** Number of distinct parties over matching events (ids starting with `prefix` when given). */
  parties: measureFilterSchema.extend({ prefix: z.string().optional() }).optional(),
  /** 1 when the filters first match in this order, else 0. */
  order: z.array(measureFilterSchema).min(2).optional(),
  /** Whole months from the first match of `from` to the first match of `to`; empty when either never matches. */
  lag: z.strictObject({ from: measureFilterSchema, to: measureFilterSchema }).optional(),
  /**
   * Months from each `from` event to the first later `to` event of the same instrument (events paired by
   * their `id`), summarised over instruments by `statistic`; empty when no pair exists (except `count`: 0).
   */
  latency: z.strictObject({ from: measureFilterSchema, to: measureFilterSchema, statistic: z.enum(STATISTICS).default('mean') }).optional(),
  /** A target the scenario declares, by id, as a number (a date as a decimal year, ids as their count, an order as 1/0). */
  target: z.string().optional(),
  /**
   * An indicator's value: `at` a date (the row of that tick or the last before), or summarised over the ticks
   * from `from` to `to` (inclusive, the whole run when absent): `final`, `mean`, `max`, `min`, or
   * `first-above` (the decimal year of the first tick whose value exceeds `above`; empty when none does).
   */
  indicator: z
    .strictObject({ id: z.string(), summary: z.enum(SUMMARIES).default('final'), at: dateText.optional(), from: dateText.optional(), to: dateText.optional(), above: z.number().optional() })
    .optional(),
});

export const parameterSchema = z.strictObject({
  /** Any `--set` path: scenario values, rule-set options, rule parameters (`ruleSets.AT.rules.<id>.approvals.consent.within`). */
  path: z.string().min(1),
  values: z.array(scalar).min(1).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  distribution: z.enum(['uniform', 'log-uniform', 'integer']).optional(),
});

export const designSchema = z.strictObject({
  kind: z.enum(['grid', 'lhs', 'sobol', 'morris']).default('grid'),
  samples: z.number().int().min(1).max(1_000_000).optional(),
  levels: z.number().int().min(2).max(1000).optional(),
  seed: z.number().int().min(0).optional(),
});

export const experimentSchema = z.strictObject({
  experiment: z.literal(1),
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'ids use letters, digits, "-" and "_"'),
  title: z.string().default(''),
  description: z.string().default(''),
  /** The scenario file, relative to this file. */
  scenario: z.string().min(1),
  variant: z.string().nullable().default(null),
  /** Fixed overrides for every run (path: value), as `--set`. */
  set: z.record(z.string(), scalar).default({}),
  parameters: z.array(parameterSchema).default([]),
  design: designSchema.default({ kind: 'grid' }),
  /** Seeds per point: `count` seeds from `first`; every point runs the same seeds (common random numbers). */
  seeds: z.strictObject({ count: z.number().int().min(1).max(1_000_000).default(10), first: z.number().int().min(0).default(1) }).default({ count: 10, first: 1 }),
  measures: z.array(measureSchema).min(1),
});

export type ExperimentSpec = z.output<typeof experimentSchema>;
export type MeasureSpec = z.output<typeof measureSchema>;
export type MeasureFilter = z.output<typeof measureFilterSchema>;

/** The measure kinds, in the order a measure is tested for them (exactly one must be given). */
export const MEASURE_KINDS = ['count', 'first', 'parties', 'order', 'lag', 'latency', 'target', 'indicator'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export function measureKindOf(m: MeasureSpec): MeasureKind {
  return MEASURE_KINDS.find((k) => m[k] !== undefined)!;
}

export function experimentJsonSchema(): string {
  const schema = z.toJSONSchema(experimentSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ title: 'paradip experiment', ...schema }, null, 2)}\n`;
}
