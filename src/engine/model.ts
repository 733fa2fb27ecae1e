/**
 * The model of a run: the validated scenario, its calendar, the rule sets it uses, the compiled formulas and
 * the resolved parameters. Immutable and rebuilt from the scenario on resume (compiled formulas are not
 * serialisable, so checkpoints keep only the scenario text's data and numbers).
 */
import type { Calendar } from '../model/calendar.ts';
import { INSTRUMENTS, type InstrumentKind } from '../model/vocabulary.ts';
import { DEFAULT_INSTRUMENTS, DEFAULT_PARAMETERS, FORMULAS, FORMULA_NAMES, formulaScopeNames, type FormulaName, type InstrumentDefaults } from '../rules/catalog.ts';
import { compileFormula, type CompiledFormula } from '../rules/formula.ts';
import type { RuleSet } from '../rules/rule-set.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface InstrumentBehaviour extends InstrumentDefaults {
  enabled: boolean;
  /** Money per year it costs its holder while in force, charged to the holder's budget (0: none). */
  runningCost: number;
}

export interface Model {
  scenario: Scenario;
  calendar: Calendar;
  ruleSets: readonly RuleSet[];
  parameters: Readonly<Record<string, number>>;
  instruments: Readonly<Record<InstrumentKind, InstrumentBehaviour>>;
  /** Compiled formulas by name; goal formulas for issues under `goal.<issue>` (defaulting to goal.issue). */
  formulas: Readonly<Record<string, CompiledFormula>>;
  /** Attribute names any subnational has (read as 0 where a unit lacks one). */
  attributes: readonly string[];
  /** The tick's nominal length in months (day 12/365.25 ... year 12): every rate is per month, converted with it. */
  dt: number;
}

/** Nominal tick lengths in months: a mean Gregorian month is 365.25 / 12 days. */
export const TICK_MONTHS = { day: 12 / 365.25, week: (7 * 12) / 365.25, month: 1, quarter: 3, year: 12 } as const;

/**
 * The chance that something with `chancePerMonth` of happening within a month happens within one tick: a
 * constant hazard, so n ticks of a day give the same chance as the month they fill (1 - (1 - p) ^ dt).
 */
export function chancePerTick(model: Model, chancePerMonth: number): number {
  const p = Math.min(1, Math.max(0, chancePerMonth));
  return p >= 1 ? 1 : 1 - Math.pow(1 - p, model.dt);
}

/** A share kept per month (a decay), as the share kept over one tick. */
export function sharePerTick(model: Model, sharePerMonth: number): number {
  return Math.pow(Math.max(0, sharePerMonth), model.dt);
}

/**
 * The chance that a subnational deliberates in a tick: `deliberationRate` times per month, so once a tick under
 * month ticks and on about one day in thirty under day ticks. Ticks longer than 1 / rate months cap it at 1.
 */
export function deliberationChance(model: Model): number {
  return Math.min(1, Math.max(0, (model.parameters['deliberationRate'] ?? 1) * model.dt));
}

export function buildModel(input: Scenario, ruleSets: readonly RuleSet[]): Model {
  // Loops over issues draw random numbers and the timeline writes in order: both run in an order the file
  // cannot change (issues by id; timeline entries by date, then id, then content), so reordering a file
  // changes no outcome.
  const scenario: Scenario = {
    ...input,
    issues: [...input.issues].sort((a, b) => compare(a.id, b.id)),
    timeline: [...input.timeline].sort((a, b) => compare(normDate(a.date), normDate(b.date)) || compare(a.id ?? '', b.id ?? '') || compare(JSON.stringify(a.set), JSON.stringify(b.set))),
  };
  const parameters: Record<string, number> = {};
  for (const [k, v] of Object.entries(DEFAULT_PARAMETERS)) parameters[k] = v.value;
  Object.assign(parameters, scenario.behaviour.parameters);

  const instruments = {} as Record<InstrumentKind, InstrumentBehaviour>;
  for (const kind of INSTRUMENTS) {
    const d = DEFAULT_INSTRUMENTS[kind];
    const s = scenario.behaviour.instruments[kind];
    instruments[kind] = {
      enabled: s?.enabled ?? true,
      cost: s?.cost ?? d.cost,
      fit: { ...d.fit, ...(s?.fit ?? {}) },
      term: s?.term ?? d.term,
      review: s?.review ?? d.review,
      runningCost: s?.runningCost ?? 0,
    };
  }

  // Collected without a list of every unit's keys (at 100,000 units that list alone is 10 MB of garbage).
  const names = new Set(['identityStrength', 'autonomyAspiration']);
  for (const u of scenario.subnationals) for (const k in u.attributes) names.add(k);
  const attributes = [...names].sort();
  const compile = (name: string, spec: FormulaName, source: string): CompiledFormula => {
    const allowed = formulaScopeNames(spec, Object.keys(parameters), attributes);
    const r = compileFormula(source, allowed, name);
    // Scenario formulas were checked at load; a failure here is a bug in a default formula.
    if (!r.ok) throw new Error(`formula ${name} does not compile: ${r.problems.map((p) => p.message).join('; ')}`);
    return r.formula;
  };
  const formulas: Record<string, CompiledFormula> = {};
  for (const name of FORMULA_NAMES) formulas[name] = compile(name, name, scenario.behaviour.formulas[name] ?? FORMULAS[name].default);
  for (const issue of scenario.issues) {
    const name = `goal.${issue.id}`;
    formulas[name] = compile(name, 'goal.issue', scenario.behaviour.formulas[name] ?? scenario.behaviour.formulas['goal.issue'] ?? FORMULAS['goal.issue'].default);
  }
  const calendar: Calendar = { unit: scenario.calendar.tick, start: normDate(scenario.calendar.start), end: normDate(scenario.calendar.end) };
  return { scenario, calendar, ruleSets, parameters, instruments, formulas, attributes, dt: TICK_MONTHS[calendar.unit] };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function normDate(d: string): string {
  return d.length === 7 ? `${d}-01` : d;
}
