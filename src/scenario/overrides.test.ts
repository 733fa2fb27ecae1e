import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../rules/rule-set.ts';
import { applyOverride, applyRuleSetOverride, parseOverride } from './overrides.ts';
import { parseRuleSetText } from './rule-set-schema.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const MINI = readFileSync(`${ROOT}test/fixtures/mini.yaml`, 'utf8');
const LIBRARY: RuleSet[] = readdirSync(`${ROOT}scenarios/rule-sets`).map((name) => {
  const r = parseRuleSetText(readFileSync(`${ROOT}scenarios/rule-sets/${name}`, 'utf8'), name);
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.ruleSet;
});

type Data = Record<string, any>;
const mini = (): Data => parse(MINI) as Data;
const set = (data: Data, path: string, value: unknown) => applyOverride(data, path, value, LIBRARY);
const errorOf = (r: { ok: boolean; error?: string }): string => (r.ok ? 'no error' : r.error!);

describe('scenario override paths: what may be set', () => {
  it('an existing key, through list items named by id', () => {
    const data = mini();
    const r = set(data, 'subnationals.B-1.goals.economic', 0.2);
    expect(r).toEqual({ ok: true, resolved: ['subnationals', 1, 'goals', 'economic'], created: null });
    expect(data.subnationals[1].goals.economic).toBe(0.2);
  });
  it("a parameter of the catalog's defaults that the file does not set", () => {
    const data = mini();
    expect(set(data, 'behaviour.parameters.noise', 0).ok).toBe(true);
    expect(data.behaviour.parameters.noise).toBe(0);
  });
  it('a formula by its dotted name', () => {
    const data = mini();
    expect(set(data, 'behaviour.formulas.goal.economic', 'fit').ok).toBe(true);
    expect(data.behaviour.formulas['goal.economic']).toBe('fit');
    expect(data.behaviour.formulas.goal).toBeUndefined();
  });
  it('an instrument kind, creating the mappings on the way', () => {
    const data = mini();
    const r = set(data, 'behaviour.instruments.mou.cost', 0.3);
    expect(r).toEqual({ ok: true, resolved: ['behaviour', 'instruments', 'mou', 'cost'], created: ['behaviour', 'instruments'] });
    expect(data.behaviour.instruments.mou.cost).toBe(0.3);
  });
  it("an option of the central's own rule set, and the silence options of every rule set", () => {
    const data = mini();
    expect(set(data, 'centrals.A.ruleOptions.consentTiming', 'before-conclusion').ok).toBe(true);
    expect(set(data, 'centrals.B.ruleOptions.silenceBinding', 'forbid').ok).toBe(true);
    expect(data.centrals[0].ruleOptions.consentTiming).toBe('before-conclusion');
  });
  it("a rule set's options after the same overrides switched the central to it", () => {
    const data = mini();
    expect(set(data, 'centrals.A.ruleSet', 'US').ok).toBe(true);
    expect(set(data, 'centrals.A.ruleOptions.mouIsCompact', true).ok).toBe(true);
  });
  it('text where the schema wants text, even when the command line read a number', () => {
    const data = mini();
    expect(set(data, 'centrals.A.name', 1848).ok).toBe(true);
    expect(data.centrals[0].name).toBe('1848');
  });
  it("a timeline entry's input, by the entry's id and the input's dotted path", () => {
    const data = mini();
    expect(set(data, 'timeline.change.set.centrals.A.executive.leader', 'Someone').ok).toBe(true);
    expect(data.timeline[0].set['centrals.A.executive.leader']).toBe('Someone');
  });
  it('a list item by its position', () => {
    const data = mini();
    expect(set(data, 'subnationals.0.capacity', 2).ok).toBe(true);
    expect(data.subnationals[0].capacity).toBe(2);
  });
});

describe('scenario override paths: what may not, and the nearest valid path', () => {
  it('a misspelt parameter names the parameter meant', () => {
    const r = set(mini(), 'behaviour.parameters.actThreshhold', 0.4);
    expect(errorOf(r)).toBe('no key "actThreshhold" in behaviour.parameters; did you mean behaviour.parameters.actThreshold?');
  });
  it('a parameter nothing reads', () => {
    const r = set(mini(), 'behaviour.parameters.myOwnKnob', 1);
    expect(errorOf(r)).toMatch(/^no key "myOwnKnob" in behaviour.parameters; did you mean /);
  });
  it('an unknown formula', () => {
    expect(errorOf(set(mini(), 'behaviour.formulas.utilty', 'total'))).toBe('no key "utilty" in behaviour.formulas; did you mean behaviour.formulas.utility?');
  });
  it('an unknown id in a list names the nearest id and keeps the rest of the path', () => {
    expect(errorOf(set(mini(), 'centrals.a.ruleSet', 'AT'))).toBe('no item "a" in centrals; did you mean centrals.A.ruleSet?');
  });
  it('a key the schema does not declare', () => {
    expect(errorOf(set(mini(), 'subnationals.A-1.capacty', 2))).toBe('no key "capacty" in subnationals.A-1; did you mean subnationals.A-1.capacity?');
  });
  it('a trade tie to nobody', () => {
    const r = set(mini(), 'subnationals.A-1.tradeTies.C-1', 0.5);
    expect(errorOf(r)).toMatch(/^no key "C-1" in subnationals.A-1.tradeTies; did you mean subnationals.A-1.tradeTies.[AB]-1\?$/);
    expect(r.ok ? '' : r.expected).toContain('B-1');
  });
  it("an option of another country's rule set", () => {
    expect(errorOf(set(mini(), 'centrals.A.ruleOptions.mouIsCompact', true))).toMatch(/^no key "mouIsCompact" in centrals.A.ruleOptions; did you mean /);
  });
  it('a mapping, not a value', () => {
    const r = set(mini(), 'centrals.A.executive', 'x');
    expect(errorOf(r)).toBe('centrals.A.executive is a mapping, not a single value: name one of its keys');
    expect(r.ok ? '' : r.expected).toBe('leader, stance');
  });
  it('inside a part the file leaves out', () => {
    expect(errorOf(set(mini(), 'centrals.A.legislature.chambers.senate.threshold', 0.6))).toBe('centrals.A.legislature is not declared in the file, so it has no chambers');
  });
  it('below a single value', () => {
    expect(errorOf(set(mini(), 'centrals.A.ruleSet.x', 1))).toBe('centrals.A.ruleSet is a single value, not a mapping or list');
  });
  it('a position past the end of a list', () => {
    expect(errorOf(set(mini(), 'centrals.A.neighbours.3', 'B'))).toBe('no item "3": centrals.A.neighbours has positions 0 to 0');
  });
  it('prototype keys', () => {
    expect(errorOf(set(mini(), 'behaviour.__proto__.x', 1))).toBe('"__proto__" is not allowed in a path');
  });
  it('leaves the path=value parsing as it was', () => {
    expect(parseOverride('a.b=0.4')).toEqual({ path: 'a.b', value: 0.4 });
    expect(parseOverride('a..b=1')).toBeNull();
  });
});

describe('rule-set override paths', () => {
  const library = (): RuleSet[] => structuredClone(LIBRARY);
  const step = (rs: RuleSet[], id: string, rule: string, i: number) => rs.find((r) => r.id === id)!.rules.find((r) => r.id === rule)!.approvals![i]!;

  it("an approval step by its kind: Austria's eight weeks become twelve", () => {
    const rs = library();
    const r = applyRuleSetOverride(rs, 'ruleSets.AT.rules.treaty-neighbour.approvals.consent.within', '12w');
    expect(r).toEqual({ ok: true, id: 'AT', resolved: ['rules', 2, 'approvals', 1, 'within'] });
    expect(step(rs, 'AT', 'treaty-neighbour', 1).within).toBe('12w');
    expect(step(rs, 'AT', 'treaty-neighbour-text', 1).within).toBe('8 weeks');
  });
  it('an approval step by its position', () => {
    const rs = library();
    expect(applyRuleSetOverride(rs, 'ruleSets.AT.rules.treaty-neighbour.approvals.1.within', '3.5 months').ok).toBe(true);
    expect(step(rs, 'AT', 'treaty-neighbour', 1).within).toBe('3.5 months');
  });
  it('a step kind that two steps of the rule share must be picked by position', () => {
    const rs = library();
    const rule = rs.find((r) => r.id === 'AT')!.rules.find((r) => r.id === 'treaty-neighbour')!;
    rule.approvals = [...rule.approvals!, { ...rule.approvals![1]! }];
    const r = applyRuleSetOverride(rs, 'ruleSets.AT.rules.treaty-neighbour.approvals.consent.within', '12w');
    expect(errorOf(r)).toBe('ruleSets.AT.rules.treaty-neighbour.approvals has 2 items with step "consent": pick one by position');
  });
  it("an option's value by default, checked against the option's values", () => {
    const rs = library();
    expect(applyRuleSetOverride(rs, 'ruleSets.AT.options.consentTiming', 'before-conclusion').ok).toBe(true);
    expect(rs.find((r) => r.id === 'AT')!.options['consentTiming']!.default).toBe('before-conclusion');
    const bad = applyRuleSetOverride(library(), 'ruleSets.AT.options.consentTiming', 'never');
    expect(errorOf(bad)).toBe('option consentTiming of rule set AT cannot be "never"');
    expect(bad.ok ? '' : bad.expected).toBe('"before-negotiation" | "before-conclusion"');
  });
  it('what silence means, and a power by its kind', () => {
    const rs = library();
    expect(applyRuleSetOverride(rs, 'ruleSets.AT.silence.binding', 'allow').ok).toBe(true);
    expect(rs.find((r) => r.id === 'AT')!.silence.binding).toBe('allow');
    expect(applyRuleSetOverride(rs, 'ruleSets.AT.powers.take-over.instruments.0', 'treaty').ok).toBe(true);
  });
  it('a rule set by its period id; a country with several periods is ambiguous', () => {
    expect(applyRuleSetOverride(library(), 'ruleSets.BE-1993.silence.binding', 'allow').ok).toBe(true);
    const r = applyRuleSetOverride(library(), 'ruleSets.BE.silence.binding', 'allow');
    expect(errorOf(r)).toBe('country BE has 2 rule sets (periods): name one');
    expect(r.ok ? '' : r.expected).toBe('BE-1970, BE-1993');
  });
  it('an unknown rule set, rule, step or option names the nearest', () => {
    const rs = library();
    expect(errorOf(applyRuleSetOverride(rs, 'ruleSets.ATT.silence.binding', 'allow'))).toBe('no rule set "ATT"; did you mean ruleSets.AT.silence.binding?');
    expect(errorOf(applyRuleSetOverride(rs, 'ruleSets.AT.rules.treaty-neighbor.approvals.consent.within', '12w'))).toBe(
      'no item "treaty-neighbor" in ruleSets.AT.rules; did you mean ruleSets.AT.rules.treaty-neighbour.approvals.consent.within?',
    );
    expect(errorOf(applyRuleSetOverride(rs, 'ruleSets.AT.rules.treaty-neighbour.approvals.consnt.within', '12w'))).toBe(
      'no item "consnt" in ruleSets.AT.rules.treaty-neighbour.approvals; did you mean ruleSets.AT.rules.treaty-neighbour.approvals.consent.within?',
    );
    expect(errorOf(applyRuleSetOverride(rs, 'ruleSets.AT.options.consentTimng', 'before-conclusion'))).toBe(
      'no key "consentTimng" in ruleSets.AT.options; did you mean ruleSets.AT.options.consentTiming?',
    );
    expect(errorOf(applyRuleSetOverride(rs, 'ruleSets.AT.silence.bindng', 'allow'))).toBe('no key "bindng" in ruleSets.AT.silence; did you mean ruleSets.AT.silence.binding?');
  });
});
