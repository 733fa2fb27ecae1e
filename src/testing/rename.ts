/**
 * Renaming ids: a scenario and its rule sets with every id replaced through a mapping (centrals, subnationals,
 * networks, issues, chambers, gatekeepers, rule-set ids and country codes), everywhere an id is referred to.
 * The model must not care what things are called: the laws in test/laws.test.ts run a scenario and its
 * renamed copy and compare outcomes up to the renaming. Exported through `paradip/testing`.
 */
import type { RuleSet } from '../rules/rule-set.ts';
import type { Scenario } from '../scenario/schema.ts';

/** Every id a scenario and its rule sets define, sorted, unique. */
export function scenarioIds(scenario: Scenario, ruleSets: readonly RuleSet[]): string[] {
  const ids = new Set<string>();
  for (const c of scenario.centrals) {
    ids.add(c.id);
    ids.add(c.ruleSet);
    for (const ch of c.legislature?.chambers ?? []) {
      ids.add(ch.id);
      for (const g of ch.gatekeepers) ids.add(g.id);
    }
  }
  for (const u of scenario.subnationals) ids.add(u.id);
  for (const n of scenario.networks) ids.add(n.id);
  for (const x of scenario.issues) ids.add(x.id);
  // Issue 12: organisations (part A), third parties and successions (part B).
  for (const o of scenario.organisations) ids.add(o.id);
  for (const t of scenario.thirdParties) ids.add(t.id);
  for (const x of scenario.successions) if (x.id !== undefined) ids.add(x.id);
  for (const rs of ruleSets) {
    ids.add(rs.id);
    ids.add(rs.country);
  }
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A random renaming that keeps the order of ids, so loops in id order run as before: each character is
 * followed by a letter drawn from a hash of the seed and the prefix up to it. Ids that share a prefix get the
 * same letters along it, so the first differing character still decides (and a prefix still sorts first).
 */
export function orderPreservingRenaming(ids: readonly string[], seed: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of ids) {
    let name = '';
    let h = (seed >>> 0) ^ 0x9e3779b9;
    for (const ch of id) {
      h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
      name += ch + String.fromCharCode(113 + ((h >>> 13) % 8)); // q..x
    }
    out.set(id, name);
  }
  return out;
}

/**
 * A random bijection onto fresh names in an unrelated order ("r" + letters): loops in id order then run in
 * another order, so only distributions over seeds can be compared, not single runs.
 */
export function shuffledRenaming(ids: readonly string[], seed: number): Map<string, string> {
  let s = seed >>> 0 || 1;
  const next = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
  const names = new Set<string>();
  const out = new Map<string, string>();
  for (const id of ids) {
    let name: string;
    do {
      name = 'r';
      for (let i = 0; i < 5; i++) name += String.fromCharCode(97 + (next() % 26));
    } while (names.has(name) || ids.includes(name));
    names.add(name);
    out.set(id, name);
  }
  return out;
}

/** The scenario and rule sets with every id renamed by `mapping` (ids not in it stay). */
export function renameIds(scenario: Scenario, ruleSets: readonly RuleSet[], mapping: ReadonlyMap<string, string>): { scenario: Scenario; ruleSets: RuleSet[] } {
  const r = (id: string): string => mapping.get(id) ?? id;
  const keys = <V>(o: Record<string, V>): Record<string, V> => Object.fromEntries(Object.entries(o).map(([k, v]) => [r(k), v]));
  const path = (p: string): string => p.split('.').map(r).join('.');
  const formulaName = (name: string): string => (name.startsWith('goal.') ? `goal.${r(name.slice(5))}` : name);
  const s = structuredClone(scenario);
  for (const c of s.centrals) {
    c.id = r(c.id);
    c.ruleSet = r(c.ruleSet);
    c.neighbours = c.neighbours.map(r);
    c.executive.stance = keys(c.executive.stance);
    c.attitude = keys(c.attitude);
    c.kinSupport = keys(c.kinSupport);
    for (const ch of c.legislature?.chambers ?? []) {
      ch.id = r(ch.id);
      ch.support = keys(ch.support);
      for (const g of ch.gatekeepers) {
        g.id = r(g.id);
        g.position = keys(g.position);
      }
    }
  }
  for (const u of s.subnationals) {
    u.id = r(u.id);
    u.central = r(u.central);
    u.neighbours = u.neighbours.map(r);
    u.goals = keys(u.goals);
    u.tradeTies = keys(u.tradeTies);
    u.kin = u.kin.map(r);
    u.position = keys(u.position);
  }
  for (const n of s.networks) {
    n.id = r(n.id);
    // Issue 13: a forum's members and issues.
    if (n.members) n.members = n.members.map(r);
    if (n.forum?.issues) n.forum.issues = n.forum.issues.map(r);
  }
  // Issue 12: organisations and holdings (part A), successions and third parties (part B).
  for (const o of s.organisations) {
    o.id = r(o.id);
    o.members = o.members.map(r);
  }
  for (const h of s.holdings) h.parties = [r(h.parties[0]), r(h.parties[1])];
  for (const x of s.successions) {
    if (x.id !== undefined) x.id = r(x.id);
    x.predecessor = r(x.predecessor);
    x.successor = r(x.successor);
  }
  for (const t of s.thirdParties) {
    t.id = r(t.id);
    t.central = r(t.central);
    t.watches = t.watches.map(r);
  }
  for (const x of s.issues) {
    x.id = r(x.id);
    x.units = keys(x.units);
    x.emissionSeries = keys(x.emissionSeries);
    if (x.law) x.law.centrals = x.law.centrals.map(r);
    if (x.agreement) {
      x.agreement.between = [r(x.agreement.between[0]), r(x.agreement.between[1])];
      x.agreement.requiresLaw = x.agreement.requiresLaw.map(r);
    }
  }
  s.behaviour.formulas = Object.fromEntries(Object.entries(s.behaviour.formulas).map(([k, v]) => [formulaName(k), v]));
  for (const t of s.timeline) {
    t.set = Object.fromEntries(Object.entries(t.set).map(([k, v]) => [path(k), k.endsWith('.ruleSet') && typeof v === 'string' ? r(v) : v]));
  }
  for (const i of s.indicators) {
    if (i.count?.central !== undefined) i.count.central = r(i.count.central);
    if (i.count?.issue !== undefined) i.count.issue = r(i.count.issue);
    if (i.count?.by !== undefined) i.count.by = r(i.count.by);
    if (i.count?.party !== undefined) i.count.party = r(i.count.party);
    for (const m of [i.spending, i.budget]) {
      if (m?.central !== undefined) m.central = r(m.central);
      if (m?.subnational !== undefined) m.subnational = r(m.subnational);
    }
    if (i.relation) {
      if (i.relation.central !== undefined) i.relation.central = r(i.relation.central);
      if (i.relation.units) i.relation.units = i.relation.units.map(r);
    }
    if (i.mean) {
      i.mean.issue = r(i.mean.issue);
      if (i.mean.units) i.mean.units = i.mean.units.map(r);
    }
    if (i.value !== undefined) i.value = path(i.value);
  }
  for (const v of s.variants) v.set = Object.fromEntries(Object.entries(v.set).map(([k, val]) => [path(k), k.endsWith('.ruleSet') && typeof val === 'string' ? r(val) : val]));
  const sets = ruleSets.map((rs) => ({ ...structuredClone(rs), id: r(rs.id), country: r(rs.country) }));
  return { scenario: s, ruleSets: sets };
}

/**
 * Maps renamed ids back in any JSON value (strings anywhere in them, object keys included), so the events of a
 * renamed run can be compared with the original's. Object keys come out sorted: key order is not an outcome.
 */
export function renameBack(value: unknown, mapping: ReadonlyMap<string, string>): unknown {
  const back = new Map([...mapping].map(([from, to]) => [to, from]));
  const names = [...back.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = names.length > 0 ? new RegExp(names.join('|'), 'g') : null;
  const text = (x: string): string => (pattern ? x.replace(pattern, (m) => back.get(m) ?? m) : x);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [text(k), walk(x)]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)));
    }
    return v;
  };
  return walk(value);
}
