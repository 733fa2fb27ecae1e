/** Rule sets that say nothing and allow everything by silence: the phase tests' neutral legal background. */
import type { RuleSet } from '../../src/rules/rule-set.ts';

/** A rule set `id` with no rules or powers whose silence allows everything, with `extra` over it. */
export function silentRuleSet(id: string, extra: Partial<RuleSet> = {}): RuleSet {
  return {
    id,
    country: id,
    name: `Rules ${id}`,
    valid: {},
    legalBasis: 'test',
    sources: [],
    subnationalKinds: ['region'],
    rules: [],
    powers: [],
    silence: { binding: 'allow', nonBinding: 'allow', citation: `silence ${id}` },
    silent: [],
    options: {},
    ...extra,
  };
}

/** Several of them, named by their ids and all citing plain "silence". */
export function silentRuleSets(ids: readonly string[]): RuleSet[] {
  return ids.map((id) => silentRuleSet(id, { name: id, silence: { binding: 'allow', nonBinding: 'allow', citation: 'silence' } }));
}
