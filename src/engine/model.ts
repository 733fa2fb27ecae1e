/**
 * The model of a run: the validated scenario, its calendar, the rule sets it uses, the compiled formulas and
 * the resolved parameters. Immutable and rebuilt from the scenario on resume (compiled formulas are not
 * serialisable, so checkpoints keep only the scenario text's data and numbers).
 */
import type { Calendar } from '../model/calendar.ts';
import { INSTRUMENTS, type InstrumentKind } from '../model/vocabulary.ts';
import { DEFAULT_INSTRUMENTS, DEFAULT_PARAMETERS, FORMULAS, FORMULA_NAMES, type FormulaName, type InstrumentDefaults } from '../rules/catalog.ts';
import { compileFormula, type CompiledFormula } from '../rules/formula.ts';
import type { RuleSet } from '../rules/rule-set.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface InstrumentBehaviour extends InstrumentDefaults {
  enabled: boolean;
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
}

export function buildModel(scenario: Scenario, ruleSets: readonly RuleSet[]): Model {
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
    };
  }

  const attributes = [...new Set(['identityStrength', 'autonomyAspiration', ...scenario.subnationals.flatMap((u) => Object.keys(u.attributes))])].sort();
  const compile = (name: string, spec: FormulaName, source: string): CompiledFormula => {
    const allowed = new Set([...Object.keys(FORMULAS[spec].variables), ...Object.keys(parameters), ...attributes]);
    const r = compileFormula(source, allowed);
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
  return { scenario, calendar, ruleSets, parameters, instruments, formulas, attributes };
}

function normDate(d: string): string {
  return d.length === 7 ? `${d}-01` : d;
}
