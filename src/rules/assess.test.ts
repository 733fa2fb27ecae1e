import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessParty, combineAssessments, findPower, resolveOptions, selectRuleSet, type PartyAssessment, type PartyView } from './assess.ts';
import type { PartnerCategory } from '../model/vocabulary.ts';
import type { Rule, RuleSet } from './rule-set.ts';

function ruleSet(rules: Rule[], extra: Partial<RuleSet> = {}): RuleSet {
  return {
    id: 'T',
    country: 'T',
    name: 'Test',
    valid: {},
    legalBasis: 'test',
    sources: [],
    subnationalKinds: ['state', 'city'],
    rules,
    powers: [],
    silence: { binding: 'forbid', nonBinding: 'allow', citation: 'Silent: test' },
    silent: [],
    options: { strict: { default: false, values: [false, true], description: 'd', citation: 'opt' } },
    ...extra,
  };
}

const allow = (id: string, more: Partial<Rule> = {}): Rule => ({ id, effect: 'allow', instruments: ['treaty', 'agreement'], citation: `cite ${id}`, ...more });
const forbid = (id: string, more: Partial<Rule> = {}): Rule => ({ id, effect: 'forbid', instruments: ['treaty', 'agreement'], citation: `cite ${id}`, ...more });

function view(categories: PartnerCategory[] = ['foreign-state'], more: Partial<PartyView> = {}): PartyView {
  return { party: 'a', kind: 'state', competences: ['environment'], counterpart: 'b', counterpartCategories: categories, ...more };
}

const verdictOf = (rs: RuleSet, v: PartyView = view(), domain = 'environment', instrument: 'treaty' | 'mou' = 'treaty') =>
  assessParty(rs, {}, instrument, domain, v);

describe('assessParty: reading order', () => {
  it('a matching forbid wins over an earlier allow', () => {
    const a = verdictOf(ruleSet([allow('first'), forbid('later')]));
    expect(a).toMatchObject({ verdict: 'forbidden', rule: 'later', citations: ['cite later'], steps: [] });
  });

  it('the first matching allow in file order gives the approval path', () => {
    const steps = [{ step: 'consent' as const, by: 'executive' as const, citation: 'step cite' }];
    const a = verdictOf(ruleSet([allow('one', { approvals: steps }), allow('two')]));
    expect(a).toMatchObject({ verdict: 'needs-approval', rule: 'one', citations: ['cite one', 'step cite'], steps });
    expect(verdictOf(ruleSet([allow('two'), allow('one', { approvals: steps })])).verdict).toBe('allowed');
  });

  it('citations of the rule and its steps are listed once each', () => {
    const step = { step: 'vote' as const, by: 'legislature' as const, citation: 'cite one' };
    expect(verdictOf(ruleSet([allow('one', { approvals: [step, step] })])).citations).toEqual(['cite one']);
  });

  it('with no matching rule, silence decides: binding and non-binding instruments apart', () => {
    const rs = ruleSet([]);
    expect(verdictOf(rs)).toMatchObject({ verdict: 'forbidden', rule: 'silence', citations: ['Silent: test'] });
    expect(verdictOf(rs, view(), 'environment', 'mou')).toMatchObject({ verdict: 'allowed', rule: 'silence' });
    const open = ruleSet([], { silence: { binding: 'allow', nonBinding: 'forbid', citation: 'Silent: open' } });
    expect(verdictOf(open).verdict).toBe('allowed');
    expect(verdictOf(open, view(), 'environment', 'mou').verdict).toBe('forbidden');
  });
});

describe('assessParty: when a rule matches', () => {
  it('by instrument', () => {
    expect(verdictOf(ruleSet([forbid('f', { instruments: ['agreement'] })])).rule).toBe('silence');
  });

  it('by actor kind, when kinds are given', () => {
    const rs = ruleSet([forbid('f', { actorKinds: ['city'] })]);
    expect(verdictOf(rs).rule).toBe('silence');
    expect(verdictOf(rs, view(undefined, { kind: 'city' })).rule).toBe('f');
  });

  it('by partner: any shared category', () => {
    const rs = ruleSet([forbid('f', { partners: ['neighbour-state', 'network'] })]);
    expect(verdictOf(rs, view(['foreign-state'])).rule).toBe('silence');
    expect(verdictOf(rs, view(['neighbour-state', 'foreign-state'])).rule).toBe('f');
  });

  it('except partners: a shared category takes the rule out (foreign but not neighbouring)', () => {
    const rs = ruleSet([forbid('f', { partners: ['foreign-state'], exceptPartners: ['neighbour-state'] })]);
    expect(verdictOf(rs, view(['foreign-state'])).rule).toBe('f');
    expect(verdictOf(rs, view(['neighbour-state', 'foreign-state'])).rule).toBe('silence');
  });

  const cases: [NonNullable<Rule['domains']>, string, boolean][] = [
    ['own-competence', 'environment', true],
    ['own-competence', 'defence', false],
    ['outside-competence', 'defence', true],
    ['outside-competence', 'environment', false],
    ['any', 'defence', true],
    [{ in: ['justice', 'economy'] }, 'economy', true],
    [{ in: ['justice', 'economy'] }, 'environment', false],
    [{ notIn: ['justice', 'economy'] }, 'environment', true],
    [{ notIn: ['justice', 'economy'] }, 'justice', false],
  ];
  it.each(cases)('by domain: %j with %s matches: %s', (domains, domain, matches) => {
    const a = verdictOf(ruleSet([forbid('f', { domains })]), view(), domain);
    expect(a.rule === 'f').toBe(matches);
  });

  it('by option condition; an option not passed takes its default', () => {
    const rs = ruleSet([forbid('f', { when: { option: 'strict', equals: true } })]);
    expect(assessParty(rs, {}, 'treaty', 'environment', view()).rule).toBe('silence');
    expect(assessParty(rs, { strict: true }, 'treaty', 'environment', view()).rule).toBe('f');
  });

  it('property: a matching forbid forbids whatever the order of the rules', () => {
    const pool = [allow('a'), allow('b', { partners: ['network'] }), forbid('x'), forbid('y', { domains: 'outside-competence' })];
    fc.assert(
      fc.property(fc.shuffledSubarray(pool), (rules) => {
        const forbids = rules.some((r) => r.id === 'x');
        expect(verdictOf(ruleSet(rules)).verdict === 'forbidden').toBe(forbids || !rules.some((r) => r.id === 'a'));
      }),
    );
  });
});

describe('combineAssessments', () => {
  const part = (party: string, verdict: PartyAssessment['verdict'], citation: string): PartyAssessment => ({
    party, ruleSet: 'T', verdict, rule: 'r', citations: [citation], steps: [],
  });

  it('any forbidden party forbids the action, citing only the forbidding parties', () => {
    const c = combineAssessments([part('b', 'needs-approval', 'B'), part('a', 'forbidden', 'A')]);
    expect(c).toMatchObject({ verdict: 'forbidden', citations: ['A'] });
    expect(c.parts.map((p) => p.party)).toEqual(['a', 'b']);
  });

  it('else any approval needed delays it; else it is allowed; citations of all parties, by party id', () => {
    expect(combineAssessments([part('b', 'allowed', 'B'), part('a', 'needs-approval', 'A')])).toMatchObject({ verdict: 'needs-approval', citations: ['A', 'B'] });
    expect(combineAssessments([part('a', 'allowed', 'X'), part('b', 'allowed', 'X')])).toMatchObject({ verdict: 'allowed', citations: ['X'] });
  });
});

describe('selectRuleSet', () => {
  const periods = [
    ruleSet([], { id: 'T-old', valid: { to: '1994-08-24' } }),
    ruleSet([], { id: 'T-new', valid: { from: '1994-08-24' } }),
    ruleSet([], { id: 'U', country: 'U', valid: { from: '2000-01-01', to: '2001-01-01' } }),
  ];

  it('from is inclusive, to is exclusive', () => {
    expect(selectRuleSet(periods, 'T', '1994-08-23')?.id).toBe('T-old');
    expect(selectRuleSet(periods, 'T', '1994-08-24')?.id).toBe('T-new');
    expect(selectRuleSet(periods, 'U', '2000-12-31')?.id).toBe('U');
    expect(selectRuleSet(periods, 'U', '2001-01-01')).toBeUndefined();
    expect(selectRuleSet(periods, 'V', '2000-06-01')).toBeUndefined();
  });

  it('overlapping periods: the later-starting one wins, whatever the order given', () => {
    const overlap = [ruleSet([], { id: 'T-b', valid: { from: '2000-01-01' } }), ruleSet([], { id: 'T-a' })];
    expect(selectRuleSet(overlap, 'T', '2010-01-01')?.id).toBe('T-b');
    expect(selectRuleSet([...overlap].reverse(), 'T', '2010-01-01')?.id).toBe('T-b');
  });
});

describe('resolveOptions', () => {
  const rs = ruleSet([]);
  it('fills defaults and applies overrides', () => {
    expect(resolveOptions(rs, {})).toEqual({ ok: true, options: { strict: false } });
    expect(resolveOptions(rs, { strict: true })).toEqual({ ok: true, options: { strict: true } });
  });

  it('rejects an unknown option or a value outside the option\'s values', () => {
    expect(resolveOptions(rs, { lenient: true })).toMatchObject({ ok: false, problem: expect.stringContaining('no option "lenient"') });
    expect(resolveOptions(rs, { strict: 'yes' })).toMatchObject({ ok: false, problem: expect.stringContaining('cannot be "yes"') });
  });
});

describe('findPower', () => {
  const rs = ruleSet([], {
    powers: [
      { power: 'denounce', instruments: ['treaty'], concludedBefore: '1993-05-18', citation: 'old' },
      { power: 'veto', concludedFrom: '2000-01-01', when: { option: 'strict', equals: true }, citation: 'new' },
    ],
  });

  it('matches power, instrument and conclusion date (before is exclusive, from inclusive)', () => {
    expect(findPower(rs, {}, 'denounce', 'treaty', '1990-01-01')?.citation).toBe('old');
    expect(findPower(rs, {}, 'denounce', 'treaty', '1993-05-18')).toBeNull();
    expect(findPower(rs, {}, 'denounce', 'agreement', '1990-01-01')).toBeNull();
    expect(findPower(rs, {}, 'take-over', 'treaty', '1990-01-01')).toBeNull();
  });

  it('a date-limited power needs a conclusion date; option conditions apply', () => {
    expect(findPower(rs, {}, 'denounce', 'treaty', null)).toBeNull();
    expect(findPower(rs, { strict: true }, 'veto', 'mou', '2000-01-01')?.citation).toBe('new');
    expect(findPower(rs, {}, 'veto', 'mou', '2000-01-01')).toBeNull();
  });
});
