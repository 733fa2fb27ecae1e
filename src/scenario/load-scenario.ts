/**
 * Scenario text to a validated, resolved Scenario: parse positioned YAML, apply the variant's and the
 * command line's overrides, validate with the schema, check references and formulas. Either a scenario or
 * the full list of positioned problems; never an exception for bad input.
 */
import { SILENCE_OPTIONS } from '../rules/assess.ts';
import type { RuleSet } from '../rules/rule-set.ts';
import { checkScenario } from './check-scenario.ts';
import { applyOverride, type Override } from './overrides.ts';
import type { Problem } from './problem.ts';
import { scenarioSchema, type Scenario } from './schema.ts';
import { parseYaml, zodProblems, type Source } from './source.ts';

export interface LoadOptions {
  /** The rule-set library the scenario may refer to. */
  ruleSets: readonly RuleSet[];
  variant?: string | null;
  overrides?: readonly Override[];
}

export type Loaded = { ok: true; scenario: Scenario; source: Source } | { ok: false; problems: Problem[] };

export function loadScenario(text: string, file: string, options: LoadOptions): Loaded {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const { data, source } = parsed;
  const problems: Problem[] = [];
  const removedTimeline: string[] = [];
  /** Every path overridden, by the variant or the command line, in order. */
  const applied: string[] = [];

  if (options.variant) {
    const variants = isRecord(data) && Array.isArray(data['variants']) ? data['variants'] : [];
    const index = variants.findIndex((v) => isRecord(v) && v['id'] === options.variant);
    if (index < 0) {
      const known = variants.map((v) => (isRecord(v) ? String(v['id']) : '?')).join(', ') || 'none declared';
      return { ok: false, problems: [argProblem(file, `unknown variant "${options.variant}"`, known)] };
    }
    const variant = variants[index] as Record<string, unknown>;
    const set = isRecord(variant['set']) ? variant['set'] : {};
    for (const [path, value] of Object.entries(set)) {
      applied.push(path);
      const r = applyOverride(data, path, value);
      if (!r.ok) {
        const { line, column } = source.locate(['variants', index, 'set', path]);
        problems.push({ code: 'bad-override', file, line, column, path: ['variants', index, 'set', path], message: r.error });
      }
    }
    const remove = new Set(Array.isArray(variant['removeTimeline']) ? variant['removeTimeline'] : []);
    if (isRecord(data) && Array.isArray(data['timeline'])) {
      // Removed entries stay known ids, so the variants' removeTimeline lists still resolve when checked.
      for (const t of data['timeline']) if (isRecord(t) && remove.has(t['id']) && typeof t['id'] === 'string') removedTimeline.push(t['id']);
      data['timeline'] = data['timeline'].filter((t) => !(isRecord(t) && remove.has(t['id'])));
    }
  }
  for (const o of options.overrides ?? []) {
    applied.push(o.path);
    const r = applyOverride(data, o.path, o.value);
    if (!r.ok) problems.push({ ...argProblem(file, `--set ${o.path}: ${r.error}`), code: 'bad-override' });
  }
  if (problems.length > 0) return { ok: false, problems };
  dropStaleRuleOptions(data, applied, options.ruleSets);

  const result = scenarioSchema.safeParse(data, { reportInput: true });
  if (!result.success) return { ok: false, problems: zodProblems(result.error, source) };
  const scenario = normalise(result.data);
  const checked = checkScenario(scenario, source, options.ruleSets, removedTimeline);
  if (checked.length > 0) return { ok: false, problems: checked };
  return { ok: true, scenario, source };
}

/**
 * A rule-set swap (`--set centrals.US.ruleSet=AT`, a variant, the UI's key g) gives a central another country's
 * rules: its options for the old rule set mean nothing under the new one, so they are dropped (and the drop is
 * written into the scenario's notes, which run.json keeps). Options the same overrides set explicitly stay,
 * so a wrong one is still an error.
 */
function dropStaleRuleOptions(data: unknown, applied: readonly string[], ruleSets: readonly RuleSet[]): void {
  const swapped = new Set(applied.map((path) => /^centrals\.([^.]+)\.ruleSet$/.exec(path)?.[1]).filter((c): c is string => c !== undefined));
  if (swapped.size === 0 || !isRecord(data) || !Array.isArray(data['centrals'])) return;
  const dropped: string[] = [];
  for (const central of data['centrals']) {
    if (!isRecord(central) || !swapped.has(String(central['id'])) || !isRecord(central['ruleOptions'])) continue;
    const known = new Set([...Object.keys(SILENCE_OPTIONS), ...ruleSets.filter((r) => r.country === central['ruleSet']).flatMap((r) => Object.keys(r.options))]);
    for (const key of Object.keys(central['ruleOptions'])) {
      const explicit = applied.includes(`centrals.${String(central['id'])}.ruleOptions.${key}`);
      if (known.has(key) || explicit) continue;
      delete central['ruleOptions'][key];
      dropped.push(`${String(central['id'])}.${key}`);
    }
  }
  if (dropped.length > 0) {
    const note = `Rule-set swap: dropped rule options ${dropped.join(', ')} (not options of the new rule sets).`;
    data['notes'] = typeof data['notes'] === 'string' && data['notes'] ? `${data['notes']}\n${note}` : note;
  }
}

/** Every subnational has the three core goals (weight 0 when the file is silent). */
function normalise(s: Scenario): Scenario {
  for (const u of s.subnationals) {
    u.goals = { economic: 0, identity: 0, protodiplomatic: 0, ...u.goals };
  }
  return s;
}

function argProblem(file: string, message: string, expected?: string): Problem {
  const p: Problem = { code: 'bad-argument', file, line: 0, column: 0, path: [], message };
  if (expected !== undefined) p.expected = expected;
  return p;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
