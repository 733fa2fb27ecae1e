/**
 * Overrides: `--set path=value` and a variant's `set:` change scenario data before it is validated, so a
 * wrong type in an override is caught by the same schema, with the same messages. Paths are dotted and
 * checked as they are applied (paths.ts): lists of records are indexed by id (`centrals.US.ruleSet`), other
 * lists by 0-based position, and an unknown key is an error naming the nearest valid path.
 *
 * Open mappings gain only keys that something reads (SCENARIO_POLICY): a parameter the catalog defines, a
 * formula the catalog knows (or goal.<issue>), an instrument kind, a goal (core goal or declared issue), an
 * issue in a stance, position or support, a declared central in an attitude or emission series, an agent in
 * trade ties, a subnational in an issue's units, an option of the central's rule set in ruleOptions, an
 * attribute the catalog documents or some subnational already has. Anywhere else only existing keys can be
 * overridden: a new key there would be read by nothing, which is the silent typo this check is for.
 *
 * `ruleSets.<id>.<path>` overrides a rule set of this run instead (see RULE_SET_POLICY and applyRuleSetOverride).
 */
import { parseDate } from '../model/calendar.ts';
import { CORE_GOALS, INSTRUMENTS } from '../model/vocabulary.ts';
import { SILENCE_OPTIONS } from '../rules/assess.ts';
import { DEFAULT_PARAMETERS, FORMULA_NAMES } from '../rules/catalog.ts';
import type { RuleSet } from '../rules/rule-set.ts';
import { CATALOG_ATTRIBUTES } from './formula-names.ts';
import { applyPath, type Applied, type PathPolicy } from './paths.ts';
import { ruleSetSchema } from './rule-set-schema.ts';
import { scenarioSchema } from './schema.ts';
import { closest, listNearest } from './suggest.ts';

export type { ResolvedPath } from './paths.ts';

export interface Override {
  path: string;
  value: string | number | boolean;
}

/** Parses "a.b.c=value": numbers and true/false become typed values, anything else stays text. */
export function parseOverride(text: string): Override | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  const path = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  if (!path || path.split('.').some((s) => s === '')) return null;
  return { path, value: parseValue(raw) };
}

export function parseValue(raw: string): string | number | boolean {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw !== '' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw)) return Number(raw);
  return raw;
}

/** True for an override of a rule set (`ruleSets.AT.silence.binding`) rather than of the scenario. */
export const isRuleSetPath = (path: string): boolean => path.startsWith('ruleSets.');

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function ids(root: unknown, list: string): string[] {
  const items = isRecord(root) && Array.isArray(root[list]) ? root[list] : [];
  return items.flatMap((x) => (isRecord(x) && typeof x['id'] === 'string' ? [x['id']] : []));
}

/** The scenario's open mappings and what keys each may gain; see the module comment. */
export function scenarioPolicy(library: readonly RuleSet[]): PathPolicy {
  return {
    newKeys(pattern, chain) {
      const root = chain[0];
      const issues = ids(root, 'issues');
      const centrals = ids(root, 'centrals');
      switch (pattern) {
        case 'behaviour.parameters':
          return { keys: Object.keys(DEFAULT_PARAMETERS) };
        case 'behaviour.formulas':
          return { keys: [...FORMULA_NAMES, ...issues.map((x) => `goal.${x}`)] };
        case 'behaviour.instruments':
          return { keys: INSTRUMENTS };
        case 'behaviour.instruments.*.fit':
          return { keys: [...CORE_GOALS, 'issue', ...issues] };
        case 'subnationals.*.goals':
          return { keys: [...CORE_GOALS, ...issues] };
        case 'centrals.*.executive.stance':
        case 'centrals.*.legislature.chambers.*.support':
        case 'centrals.*.legislature.chambers.*.gatekeepers.*.position':
        case 'subnationals.*.position':
          return { keys: issues };
        case 'centrals.*.attitude':
        case 'issues.*.emissionSeries':
          return { keys: centrals };
        case 'subnationals.*.tradeTies':
          return { keys: [...centrals, ...ids(root, 'subnationals'), ...ids(root, 'networks')] };
        case 'issues.*.units':
          return { keys: ids(root, 'subnationals') };
        case 'issues.*.emissionSeries.*':
          return { keys: [], accepts: (k) => parseDate(k) !== null, describe: 'a date YYYY-MM or YYYY-MM-DD' };
        case 'subnationals.*.attributes': {
          const units = isRecord(root) && Array.isArray(root['subnationals']) ? root['subnationals'] : [];
          const declared = units.flatMap((u) => (isRecord(u) && isRecord(u['attributes']) ? Object.keys(u['attributes']) : []));
          return { keys: [...new Set([...CATALOG_ATTRIBUTES, ...declared])] };
        }
        case 'centrals.*.ruleOptions': {
          const central = chain[chain.length - 2];
          const country = isRecord(central) ? central['ruleSet'] : undefined;
          const options = library.filter((r) => r.country === country).flatMap((r) => Object.keys(r.options));
          return { keys: [...Object.keys(SILENCE_OPTIONS), ...options] };
        }
        default:
          return { keys: [] };
      }
    },
    dottedKeys: (pattern) => pattern === 'behaviour.formulas' || pattern === 'timeline.*.set' || pattern === 'variants.*.set',
    itemField: () => null,
  };
}

/** Applies one override to raw scenario data (mutating it); see the module comment for what a path may name. */
export function applyOverride(data: unknown, path: string, value: unknown, library: readonly RuleSet[]): Applied {
  return applyPath(scenarioSchema, data, path, value, scenarioPolicy(library));
}

/**
 * Rule sets: rules by id, approval steps by kind (`consent`) when the rule has one step of that kind, powers by
 * power; options and the rest as declared. No mapping gains keys: a rule set's options are its own.
 */
export const RULE_SET_POLICY: PathPolicy = {
  newKeys: () => ({ keys: [] }),
  dottedKeys: () => false,
  itemField: (pattern) => (pattern === 'rules.*.approvals' ? 'step' : pattern === 'powers' ? 'power' : null),
};

export type RuleSetApplied = { ok: true; id: string; resolved: (string | number)[] } | { ok: false; error: string; expected?: string };

/**
 * Applies `ruleSets.<id>.<path>=value` to the matching rule set in `ruleSets` (mutating that rule set, which
 * must be this run's own copy). `<id>` is a rule-set id (`AT`, `BE-1993`) or a country with one rule set.
 * `ruleSets.<id>.options.<name>=value` is short for `options.<name>.default`: the option's value by default.
 * The rule set is validated afterwards, with the others, by the caller.
 */
export function applyRuleSetOverride(ruleSets: readonly RuleSet[], path: string, value: unknown): RuleSetApplied {
  const [head, id, ...rest] = path.split('.');
  if (head !== 'ruleSets' || id === undefined || id === '') return { ok: false, error: 'a rule-set path is ruleSets.<id>.<key>...' };
  let target = ruleSets.find((r) => r.id === id);
  if (!target) {
    const periods = ruleSets.filter((r) => r.country === id);
    if (periods.length > 1) return { ok: false, error: `country ${id} has ${periods.length} rule sets (periods): name one`, expected: periods.map((r) => r.id).join(', ') };
    target = periods[0];
  }
  if (!target) {
    const known = ruleSets.map((r) => r.id);
    const best = closest(id, known);
    return { ok: false, error: `no rule set "${id}"${best ? `; did you mean ${['ruleSets', best, ...rest].join('.')}?` : ''}`, expected: listNearest(id, known) };
  }
  if (rest.length === 0) return { ok: false, error: `ruleSets.${id} is a rule set: name one of its keys`, expected: Object.keys(ruleSetSchema.shape).join(', ') };
  const option = rest.length === 2 && rest[0] === 'options' ? target.options[rest[1]!] : undefined;
  if (option !== undefined && Object.hasOwn(target.options, rest[1]!) && !option.values.includes(value as string | number | boolean)) {
    return { ok: false, error: `option ${rest[1]} of rule set ${target.id} cannot be ${JSON.stringify(value)}`, expected: option.values.map((v) => JSON.stringify(v)).join(' | ') };
  }
  const inner = option !== undefined ? [...rest, 'default'] : rest;
  const r = applyPath(ruleSetSchema, target, inner.join('.'), value, RULE_SET_POLICY, ['ruleSets', id]);
  if (!r.ok) return r;
  return { ok: true, id: target.id, resolved: r.resolved };
}
