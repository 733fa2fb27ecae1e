/** Rule sets that say nothing and allow everything by silence: the phase tests' neutral legal background. */
import type { RuleSet } from '../../src/rules/rule-set.ts';

export function silentRuleSets(ids: readonly string[]): RuleSet[] {
  return ids.map((id) => ({
    id,
    country: id,
    name: id,
    valid: {},
    legalBasis: 'test',
    sources: [],
    subnationalKinds: ['region'],
    rules: [],
    powers: [],
    silence: { binding: 'allow', nonBinding: 'allow', citation: 'silence' },
    silent: [],
    options: {},
  }));
}
