/**
 * Shared helpers of the rule-set tests: load every file of scenarios/rule-sets/, assess an action under one
 * rule set, and keep the coverage ledger.
 *
 * The ledger counts what a test exercises, not what it names: `assess` records the rule id that decided the
 * assessment (or `silence`), and `power` the power rule that the look-up found (`power:<name>`). Citation tests
 * are declared with `ruleTest`, which registers them when the test files are collected; the coverage test of
 * rule-sets.test.ts runs every registered case itself (`exerciseAll`), so its answer does not depend on which
 * tests ran before it, or whether they ran at all (`vitest -t coverage`, Stryker's per-test runs). A test
 * also says what it is about with `covers(ruleSetId, key)`; `ruleTest` fails it when no assessment or power
 * look-up in it was decided by that key, so a test cannot claim a rule it never reaches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { assessParty, findPower, resolveOptions, type PartyAssessment } from '../../src/rules/assess.ts';
import type { OptionValue, PowerRule, Rule, RuleSet } from '../../src/rules/rule-set.ts';
import { INSTRUMENTS, type CentralPower, type InstrumentKind, type PartnerCategory } from '../../src/model/vocabulary.ts';
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
  const assessment = assessParty(rs, resolved.options, instrument, spec.domain ?? 'environment', view);
  exercise(id, assessment.rule);
  return assessment;
}

export function power(id: string, name: CentralPower, instrument: InstrumentKind, concluded: string | null, options: Record<string, OptionValue> = {}): PowerRule | null {
  const rs = ruleSet(id);
  const resolved = resolveOptions(rs, options);
  if (!resolved.ok) throw new Error(resolved.problem);
  const found = findPower(rs, resolved.options, name, instrument, concluded);
  if (found !== null) exercise(id, powerKey(rs, rs.powers.indexOf(found)));
  return found;
}

export function rule(id: string, ruleId: string): Rule {
  const r = ruleSet(id).rules.find((x) => x.id === ruleId);
  if (!r) throw new Error(`rule set ${id} has no rule "${ruleId}"`);
  return r;
}

/** The ledger key of power rule `index`: `power:<name>`, or `power:<name>#<index>` when the name repeats. */
function powerKey(rs: RuleSet, index: number): string {
  const p = rs.powers[index]!;
  return rs.powers.filter((q) => q.power === p.power).length > 1 ? `power:${p.power}#${index}` : `power:${p.power}`;
}

/**
 * Whether silence can ever decide under `rs`: not when unconditional rules (no actor kinds, partners, domains
 * or option condition) already speak to every instrument, as in the OPEN control.
 */
export function silenceReachable(rs: RuleSet): boolean {
  const unconditional = rs.rules.filter(
    (r) => r.actorKinds === undefined && r.partners === undefined && r.exceptPartners === undefined
      && (r.domains === undefined || r.domains === 'any') && r.when === undefined,
  );
  return !INSTRUMENTS.every((kind) => unconditional.some((r) => r.instruments.includes(kind)));
}

/** What a rule set asks tests to cover: each rule id, each power (`power:<name>`), and its silence if reachable. */
export function coverageKeys(rs: RuleSet): string[] {
  return [...rs.rules.map((r) => r.id), ...rs.powers.map((_, i) => powerKey(rs, i)), ...(silenceReachable(rs) ? ['silence'] : [])];
}

/** What the running case has exercised (decided keys) and declared (`covers`), as `<ruleSetId>/<key>`. */
interface CaseLedger {
  exercised: Set<string>;
  declared: Set<string>;
}
let current: CaseLedger | null = null;

function exercise(id: string, key: string): void {
  current?.exercised.add(`${id}/${key}`);
}

/** Declare that the running case is about `keys` of rule set `id`; an unknown key is a mistake in the test. */
export function covers(id: string, ...keys: string[]): void {
  if (current === null) throw new Error('covers() is only meaningful inside a ruleTest');
  const known = coverageKeys(ruleSet(id));
  for (const key of keys) {
    if (!known.includes(key)) throw new Error(`rule set ${id} has nothing called "${key}" (known: ${known.join(', ')})`);
    current.declared.add(`${id}/${key}`);
  }
}

/**
 * Runs `fn` as one case and returns the keys it exercised; throws what `fn` throws, or, when a key it declared
 * with `covers` decided nothing in it, says so.
 */
export function runCase(name: string, fn: () => void): Set<string> {
  const outer = current;
  const ledger: CaseLedger = { exercised: new Set(), declared: new Set() };
  current = ledger;
  try {
    fn();
  } finally {
    current = outer;
  }
  const missed = [...ledger.declared].filter((k) => !ledger.exercised.has(k));
  if (missed.length > 0) {
    const decided = [...ledger.exercised].join(', ') || 'nothing';
    throw new Error(`"${name}" covers ${missed.join(', ')}, but no assessment or power look-up in it was decided by that (decided: ${decided})`);
  }
  return ledger.exercised;
}

const cases: { name: string; fn: () => void }[] = [];

/** A citation test: a vitest test, registered so that the coverage test can run it too. */
export function ruleTest(name: string, fn: () => void): void {
  cases.push({ name, fn });
  it(name, () => {
    runCase(name, fn);
  });
}

/** Runs every registered case; the keys exercised by the cases that pass, and the failures of the others. */
export function exerciseAll(): { exercised: Set<string>; failures: string[] } {
  const exercised = new Set<string>();
  const failures: string[] = [];
  for (const c of cases) {
    try {
      for (const key of runCase(c.name, c.fn)) exercised.add(key);
    } catch (e) {
      failures.push(`${c.name}: ${(e as Error).message}`);
    }
  }
  return { exercised, failures };
}

/** The keys of every rule set that no key in `exercised` reaches, as `<ruleSetId>/<key>`. */
export function uncovered(exercised: ReadonlySet<string>): string[] {
  return ruleSets.flatMap((rs) => coverageKeys(rs).map((k) => `${rs.id}/${k}`)).filter((k) => !exercised.has(k));
}
