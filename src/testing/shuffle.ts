/**
 * Reordering a file: every list and every mapping of a scenario in another order (agents, issues, timeline
 * entries, chambers, gatekeepers, neighbours, kin, competences, goals, ties, parameters, formulas, rule sets).
 * Outcomes must not change at all. Two orders are meaning, not layout, and stay: the rules and powers inside a
 * rule set (read in the order of the constitution's text, first matching allow rule) and indicators (the
 * columns of indicators.csv follow the file). Exported through `paradip/testing`.
 */
import type { RuleSet } from '../rules/rule-set.ts';
import type { Scenario } from '../scenario/schema.ts';

/** A deterministic permutation (tests replay from their seed, so no Math.random). */
export function permute<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function shuffleScenario(scenario: Scenario, ruleSets: readonly RuleSet[], seed: number): { scenario: Scenario; ruleSets: RuleSet[] } {
  let k = seed;
  const p = <T>(items: readonly T[]): T[] => permute(items, ++k);
  const o = <V>(record: Record<string, V>): Record<string, V> => Object.fromEntries(p(Object.entries(record)));
  const s = structuredClone(scenario);
  s.centrals = p(s.centrals);
  for (const c of s.centrals) {
    c.neighbours = p(c.neighbours);
    c.ruleOptions = o(c.ruleOptions);
    c.executive.stance = o(c.executive.stance);
    c.attitude = o(c.attitude);
    c.kinSupport = o(c.kinSupport);
    if (c.legislature) {
      c.legislature.chambers = p(c.legislature.chambers);
      for (const ch of c.legislature.chambers) {
        ch.support = o(ch.support);
        ch.gatekeepers = p(ch.gatekeepers);
        for (const g of ch.gatekeepers) g.position = o(g.position);
      }
    }
  }
  s.subnationals = p(s.subnationals);
  for (const u of s.subnationals) {
    u.neighbours = p(u.neighbours);
    u.competences = p(u.competences);
    u.goals = o(u.goals);
    u.tradeTies = o(u.tradeTies);
    u.kin = p(u.kin);
    u.attributes = o(u.attributes);
    u.position = o(u.position);
  }
  s.networks = p(s.networks);
  // Issue 13: a forum's members and issues.
  for (const n of s.networks) {
    if (n.members) n.members = p(n.members);
    if (n.forum?.issues) n.forum.issues = p(n.forum.issues);
  }
  // Issue 12: organisations and holdings (part A), successions and third parties (part B).
  s.organisations = p(s.organisations);
  for (const x of s.organisations) x.members = p(x.members);
  s.holdings = p(s.holdings);
  s.successions = p(s.successions);
  s.thirdParties = p(s.thirdParties);
  for (const t of s.thirdParties) t.watches = p(t.watches);
  s.issues = p(s.issues);
  for (const x of s.issues) {
    x.units = o(x.units);
    x.emissionSeries = Object.fromEntries(p(Object.entries(x.emissionSeries)).map(([c, series]) => [c, o(series)]));
    if (x.law) x.law.centrals = p(x.law.centrals);
    if (x.agreement) x.agreement.requiresLaw = p(x.agreement.requiresLaw);
  }
  s.behaviour.parameters = o(s.behaviour.parameters);
  s.behaviour.instruments = o(s.behaviour.instruments);
  s.behaviour.formulas = o(s.behaviour.formulas);
  s.timeline = p(s.timeline);
  for (const t of s.timeline) t.set = o(t.set);
  s.targets = p(s.targets);
  s.variants = p(s.variants);
  return { scenario: s, ruleSets: p(ruleSets.map((rs) => structuredClone(rs))) };
}
