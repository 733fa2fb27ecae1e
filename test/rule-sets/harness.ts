/**
 * Shared helpers of the rule-set tests: load every file of scenarios/rule-sets/, assess an action under one
 * rule set, and keep the coverage ledger. Each citation test calls `covers(ruleSetId, key)` for the rule id,
 * `power:<name>` or `silence` it checks; the last test of rule-sets.test.ts fails on any key nobody covered,
 * so a rule added to a YAML file without a named test fails the suite.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assessParty, findPower, resolveOptions, type PartyAssessment } from '../../src/rules/assess.ts';
import type { OptionValue, PowerRule, Rule, RuleSet } from '../../src/rules/rule-set.ts';
import type { CentralPower, InstrumentKind, PartnerCategory } from '../../src/model/vocabulary.ts';
import { parseRuleSetText, type ParsedRuleSetResult } from '../../src/scenario/rule-set-schema.ts';

export const RULE_SET_DIR = fileURLToPath(new URL('../../scenarios/rule-sets/', import.meta.url));

export interface RuleSetFile {
  file: string;
  result: ParsedRuleSetResult;
}

/** Every YAML file of the rule-set library, parsed, in file-name order. */
export const files: RuleSetFile[] = readdirSync(RULE_SET_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, result: parseRuleSetText(readFileSync(RULE_SET_DIR + file, 'utf8'), file) }));

export const ruleSets: RuleSet[] = files.flatMap((f) => (f.result.ok ? [f.result.ruleSet] : []));

export function ruleSet(id: string): RuleSet {
  const rs = ruleSets.find((r) => r.id === id);
  if (!rs) throw new Error(`no valid rule set "${id}"`);
  return rs;
}

// How the engine would see a partner (a partner usually falls in several categories at once).
export const NEIGHBOUR_STATE: PartnerCategory[] = ['neighbour-state', 'foreign-state'];
export const DISTANT_STATE: PartnerCategory[] = ['foreign-state'];
export const CROSS_BORDER_UNIT: PartnerCategory[] = ['neighbour-subnational', 'neighbour-state-unit', 'foreign-subnational'];
export const NEIGHBOUR_STATE_UNIT: PartnerCategory[] = ['neighbour-state-unit', 'foreign-subnational'];
export const DISTANT_UNIT: PartnerCategory[] = ['foreign-subnational'];
export const DOMESTIC_UNIT: PartnerCategory[] = ['domestic-subnational'];

/** The acting unit's competences unless a test says otherwise; 'defence' is never among them. */
export const COMPETENCES = ['culture', 'economy', 'education', 'environment', 'justice'];

export interface ActionSpec {
  domain?: string;
  options?: Record<string, OptionValue>;
  competences?: string[];
}

/** Assess one party's action under rule set `id` (options resolved as a scenario would). */
export function assess(id: string, instrument: InstrumentKind, partner: readonly PartnerCategory[], spec: ActionSpec = {}): PartyAssessment {
  const rs = ruleSet(id);
  const resolved = resolveOptions(rs, spec.options ?? {});
  if (!resolved.ok) throw new Error(resolved.problem);
  const view = {
    party: 'actor',
    kind: rs.subnationalKinds[0]!,
    competences: spec.competences ?? COMPETENCES,
    counterpart: 'partner',
    counterpartCategories: [...partner],
  };
  return assessParty(rs, resolved.options, instrument, spec.domain ?? 'environment', view);
}

export function power(id: string, name: CentralPower, instrument: InstrumentKind, concluded: string | null, options: Record<string, OptionValue> = {}): PowerRule | null {
  const rs = ruleSet(id);
  const resolved = resolveOptions(rs, options);
  if (!resolved.ok) throw new Error(resolved.problem);
  return findPower(rs, resolved.options, name, instrument, concluded);
}

export function rule(id: string, ruleId: string): Rule {
  const r = ruleSet(id).rules.find((x) => x.id === ruleId);
  if (!r) throw new Error(`rule set ${id} has no rule "${ruleId}"`);
  return r;
}

/** What a rule set asks tests to cover: each rule id, each power (`power:<name>`), and its silence. */
export function coverageKeys(rs: RuleSet): string[] {
  const powers = rs.powers.map((p, i) => (rs.powers.filter((q) => q.power === p.power).length > 1 ? `power:${p.power}#${i}` : `power:${p.power}`));
  return [...rs.rules.map((r) => r.id), ...powers, 'silence'];
}

const covered = new Set<string>();

/** Declare that the running test checks `key` of rule set `id`; an unknown key is a mistake in the test. */
export function covers(id: string, ...keys: string[]): void {
  const known = coverageKeys(ruleSet(id));
  for (const key of keys) {
    if (!known.includes(key)) throw new Error(`rule set ${id} has nothing called "${key}" (known: ${known.join(', ')})`);
    covered.add(`${id}/${key}`);
  }
}

export function uncovered(): string[] {
  return ruleSets.flatMap((rs) => coverageKeys(rs).map((k) => `${rs.id}/${k}`)).filter((k) => !covered.has(k));
}
