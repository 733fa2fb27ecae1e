import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessParty, combineAssessments, conditionHolds, findPower, resolveOptions, ruleMatches, selectRuleSet, SILENCE_OPTIONS, type PartyAssessment, type PartyView,
} from './assess.ts';
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

describe('selectRuleSet: ties', () => {
  // Two rule sets of one country starting on the same day: the smaller id wins, in either order.
  const a = ruleSet([], { id: 'T-a', valid: { from: '2000-01-01' } });
  const b = ruleSet([], { id: 'T-b', valid: { from: '2000-01-01' } });
  it('same start: the smaller id, whatever the order given', () => {
    expect(selectRuleSet([b, a], 'T', '2001-01-01')?.id).toBe('T-a');
    expect(selectRuleSet([a, b], 'T', '2001-01-01')?.id).toBe('T-a');
  });
  it('a period without a start counts as starting before any dated one', () => {
    const open = ruleSet([], { id: 'T-0' });
    expect(selectRuleSet([b, open], 'T', '2001-01-01')?.id).toBe('T-b');
    expect(selectRuleSet([open, b], 'T', '2001-01-01')?.id).toBe('T-b');
    expect(selectRuleSet([open, b], 'T', '1999-12-31')?.id).toBe('T-0');
  });
});

describe('SILENCE_OPTIONS', () => {
  it('every rule set can read silence as the rule set says, allow or forbid, for binding and non-binding instruments apart', () => {
    expect(SILENCE_OPTIONS).toStrictEqual({
      silenceBinding: {
        default: 'rule set',
        values: ['rule set', 'allow', 'forbid'],
        description: 'what silence means for agreements and treaties',
        citation: 'paradip modelling option: what a silent rule set means is configurable (README.md "Rule sets")',
      },
      silenceNonBinding: {
        default: 'rule set',
        values: ['rule set', 'allow', 'forbid'],
        description: 'what silence means for non-binding instruments',
        citation: 'paradip modelling option: what a silent rule set means is configurable (README.md "Rule sets")',
      },
    });
  });
});

describe('resolveOptions: results', () => {
  const two = ruleSet([], {
    options: {
      zeta: { default: 1, values: [1, 2], description: 'z', citation: 'z' },
      alpha: { default: 'x', values: ['x', 'y'], description: 'a', citation: 'a' },
    },
  });

  it('lists the rule set\'s options in name order, with no silence option unless it is overridden', () => {
    const r = resolveOptions(two, {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.options)).toEqual(['alpha', 'zeta']);
    expect(r.options).toStrictEqual({ alpha: 'x', zeta: 1 });
    expect('silenceBinding' in r.options).toBe(false);
    expect('silenceNonBinding' in r.options).toBe(false);
  });

  it('passes a silence override through, and only the one given', () => {
    const r = resolveOptions(two, { silenceNonBinding: 'forbid' });
    expect(r).toStrictEqual({ ok: true, options: { alpha: 'x', zeta: 1, silenceNonBinding: 'forbid' } });
  });

  it('an override of one option leaves the others at their defaults', () => {
    expect(resolveOptions(two, { zeta: 2 })).toStrictEqual({ ok: true, options: { alpha: 'x', zeta: 2 } });
  });
});

describe('resolveOptions: problems', () => {
  const two = ruleSet([], {
    options: {
      zeta: { default: 1, values: [1, 2], description: 'z', citation: 'z' },
      alpha: { default: 'x', values: ['x', 'y'], description: 'a', citation: 'a' },
    },
  });

  it('an unknown option names the options the rule set has, sorted', () => {
    expect(resolveOptions(two, { gamma: 1 })).toStrictEqual({ ok: false, problem: 'rule set T has no option "gamma" (options: alpha, zeta)' });
  });

  it('a rule set without options says "none"', () => {
    expect(resolveOptions(ruleSet([], { options: {} }), { gamma: 1 })).toStrictEqual({ ok: false, problem: 'rule set T has no option "gamma" (options: none)' });
  });

  it('a value outside the option\'s values lists the values as JSON', () => {
    expect(resolveOptions(two, { zeta: 3 })).toStrictEqual({ ok: false, problem: 'option "zeta" of rule set T cannot be 3 (values: 1 | 2)' });
    expect(resolveOptions(two, { alpha: 'z' })).toStrictEqual({ ok: false, problem: 'option "alpha" of rule set T cannot be "z" (values: "x" | "y")' });
    expect(resolveOptions(two, { silenceBinding: 'maybe' })).toStrictEqual({
      ok: false, problem: 'option "silenceBinding" of rule set T cannot be "maybe" (values: "rule set" | "allow" | "forbid")',
    });
  });

  it('with several problems, the first by option name is reported, whatever the order given', () => {
    expect(resolveOptions(two, { zeta: 3, alpha: 'z' })).toMatchObject({ ok: false, problem: expect.stringMatching(/^option "alpha"/) });
    expect(resolveOptions(two, { zz: 1, aa: 1 })).toMatchObject({ ok: false, problem: expect.stringMatching(/no option "aa"/) });
  });
});

describe('conditionHolds', () => {
  const rs = ruleSet([]);
  it('no condition holds', () => {
    expect(conditionHolds(rs, {}, undefined)).toBe(true);
  });
  it('compares the option\'s value, or its default when the option is not passed', () => {
    expect(conditionHolds(rs, { strict: true }, { option: 'strict', equals: true })).toBe(true);
    expect(conditionHolds(rs, { strict: false }, { option: 'strict', equals: true })).toBe(false);
    expect(conditionHolds(rs, {}, { option: 'strict', equals: false })).toBe(true);
    expect(conditionHolds(rs, {}, { option: 'strict', equals: true })).toBe(false);
  });
  it('an option the rule set does not have never holds (and does not throw)', () => {
    expect(conditionHolds(rs, {}, { option: 'missing', equals: true })).toBe(false);
  });
});

describe('assessParty: silence under the silence options', () => {
  const rs = ruleSet([], {
    silence: { binding: 'forbid', nonBinding: 'allow', citation: 'Silent: test (configurable: ruleOptions silenceBinding, silenceNonBinding)' },
  });
  const under = (options: Record<string, string>, instrument: 'treaty' | 'mou') => assessParty(rs, options, instrument, 'environment', view());

  it('silenceBinding=allow allows a treaty and cites the override in place of the configurable note', () => {
    expect(under({ silenceBinding: 'allow' }, 'treaty')).toStrictEqual({
      party: 'a', ruleSet: 'T', verdict: 'allowed', rule: 'silence', steps: [],
      citations: ['Silent: test; here set to allow by option silenceBinding'],
    });
  });

  it('silenceNonBinding=forbid forbids an MOU and says which option did it', () => {
    expect(under({ silenceNonBinding: 'forbid' }, 'mou')).toMatchObject({
      verdict: 'forbidden', citations: ['Silent: test; here set to forbid by option silenceNonBinding'],
    });
  });

  it('silenceBinding=forbid on a rule set that allows binding instruments', () => {
    const open = ruleSet([], { silence: { binding: 'allow', nonBinding: 'allow', citation: 'Silent: open' } });
    expect(assessParty(open, { silenceBinding: 'forbid' }, 'agreement', 'environment', view())).toMatchObject({
      verdict: 'forbidden', citations: ['Silent: open; here set to forbid by option silenceBinding'],
    });
  });

  it('an option for the other kind of instrument changes nothing', () => {
    expect(under({ silenceNonBinding: 'forbid' }, 'treaty').citations).toEqual([rs.silence.citation]);
    expect(under({ silenceBinding: 'allow' }, 'mou')).toMatchObject({ verdict: 'allowed', citations: [rs.silence.citation] });
  });

  it('"rule set" keeps the rule set\'s own reading and citation', () => {
    expect(under({ silenceBinding: 'rule set' }, 'treaty')).toMatchObject({ verdict: 'forbidden', citations: [rs.silence.citation] });
  });

  it('one rule set asked in turn under every reading and kind of unit cites each reading, never the one before', () => {
    // The citation is built once per rule set and reading (a cache): each question must still get its own.
    const ask = (options: Record<string, string>, instrument: 'treaty' | 'mou', kind: string) =>
      assessParty(rs, options, instrument, 'environment', { ...view(), kind }).citations[0];
    const governed = rs.subnationalKinds[0]!;
    for (let round = 0; round < 2; round++) {
      expect(ask({}, 'treaty', governed)).toBe(rs.silence.citation);
      expect(ask({ silenceBinding: 'allow' }, 'treaty', governed)).toBe('Silent: test; here set to allow by option silenceBinding');
      expect(ask({ silenceBinding: 'forbid' }, 'treaty', governed)).toBe('Silent: test; here set to forbid by option silenceBinding');
      expect(ask({ silenceNonBinding: 'forbid' }, 'mou', governed)).toBe('Silent: test; here set to forbid by option silenceNonBinding');
      expect(ask({}, 'treaty', 'county')).toBe(`${rs.name} names no rule for a county (it governs ${rs.subnationalKinds.join(', ')}); ${rs.silence.citation}`);
      expect(ask({}, 'treaty', 'canton')).toBe(`${rs.name} names no rule for a canton (it governs ${rs.subnationalKinds.join(', ')}); ${rs.silence.citation}`);
    }
  });

  it('only a trailing configurable note is replaced', () => {
    const mid = ruleSet([], { silence: { binding: 'forbid', nonBinding: 'allow', citation: 'Silent: a (configurable: x) b' } });
    expect(assessParty(mid, { silenceBinding: 'allow' }, 'treaty', 'environment', view()).citations).toEqual([
      'Silent: a (configurable: x) b; here set to allow by option silenceBinding',
    ]);
    const bare = ruleSet([], { silence: { binding: 'forbid', nonBinding: 'allow', citation: 'Silent: a (configurable)' } });
    expect(assessParty(bare, { silenceBinding: 'allow' }, 'treaty', 'environment', view()).citations).toEqual([
      'Silent: a (configurable); here set to allow by option silenceBinding',
    ]);
  });
});

describe('assessParty: results', () => {
  it('an allow without approvals is allowed, with its own citation only', () => {
    expect(verdictOf(ruleSet([allow('one')]))).toStrictEqual({ party: 'a', ruleSet: 'T', verdict: 'allowed', rule: 'one', citations: ['cite one'], steps: [] });
  });

  it('the approval steps are a copy: changing them does not change the rule set', () => {
    const steps = [{ step: 'consent' as const, by: 'executive' as const, citation: 's' }];
    const rs = ruleSet([allow('one', { approvals: steps })]);
    const a = verdictOf(rs);
    expect(a.steps).toEqual(steps);
    a.steps.pop();
    expect(rs.rules[0]!.approvals).toHaveLength(1);
  });

  it('a forbid matching alone forbids, whatever allows follow', () => {
    expect(verdictOf(ruleSet([forbid('no'), allow('yes')]))).toStrictEqual({ party: 'a', ruleSet: 'T', verdict: 'forbidden', rule: 'no', citations: ['cite no'], steps: [] });
  });
});

describe('ruleMatches', () => {
  const rs = ruleSet([]);
  it('needs every condition: instrument, actor kind, partner, except-partner, domain and option', () => {
    const r = forbid('f', { actorKinds: ['state'], partners: ['foreign-state'], exceptPartners: ['network'], domains: 'own-competence', when: { option: 'strict', equals: false } });
    expect(ruleMatches(rs, {}, r, 'treaty', 'environment', view())).toBe(true);
    expect(ruleMatches(rs, {}, r, 'mou', 'environment', view())).toBe(false);
    expect(ruleMatches(rs, {}, r, 'treaty', 'environment', view(undefined, { kind: 'city' }))).toBe(false);
    expect(ruleMatches(rs, {}, r, 'treaty', 'environment', view(['neighbour-state']))).toBe(false);
    expect(ruleMatches(rs, {}, r, 'treaty', 'environment', view(['foreign-state', 'network']))).toBe(false);
    expect(ruleMatches(rs, {}, r, 'treaty', 'defence', view())).toBe(false);
    expect(ruleMatches(rs, { strict: true }, r, 'treaty', 'environment', view())).toBe(false);
  });
});

describe('combineAssessments: order', () => {
  const part = (party: string, ruleSetId: string, verdict: PartyAssessment['verdict'] = 'allowed'): PartyAssessment => ({
    party, ruleSet: ruleSetId, verdict, rule: 'r', citations: [`${party}/${ruleSetId}`], steps: [],
  });
  it('parts of one party are ordered by rule set, whatever the order given', () => {
    const ab = [part('p', 'B'), part('p', 'A')];
    expect(combineAssessments(ab).parts.map((p) => p.ruleSet)).toEqual(['A', 'B']);
    expect(combineAssessments([...ab].reverse()).parts.map((p) => p.ruleSet)).toEqual(['A', 'B']);
    expect(combineAssessments(ab).citations).toEqual(['p/A', 'p/B']);
  });
  it('a forbidden part among several cites only itself', () => {
    const c = combineAssessments([part('b', 'T', 'allowed'), part('a', 'T', 'needs-approval'), part('c', 'T', 'forbidden')]);
    expect(c.verdict).toBe('forbidden');
    expect(c.citations).toEqual(['c/T']);
    expect(c.parts.map((p) => p.party)).toEqual(['a', 'b', 'c']);
  });
  it('no parts: allowed, citing nothing', () => {
    expect(combineAssessments([])).toStrictEqual({ verdict: 'allowed', citations: [], parts: [] });
  });
});

describe('findPower: dates', () => {
  const rs = ruleSet([], {
    powers: [
      { power: 'veto', concludedFrom: '2000-01-01', citation: 'from' },
      { power: 'denounce', concludedBefore: '1993-05-18', citation: 'before' },
      { power: 'consult', citation: 'any' },
    ],
  });
  it('concludedFrom is inclusive; an earlier or unknown date is outside it', () => {
    expect(findPower(rs, {}, 'veto', 'treaty', '2000-01-01')?.citation).toBe('from');
    expect(findPower(rs, {}, 'veto', 'treaty', '2010-06-30')?.citation).toBe('from');
    expect(findPower(rs, {}, 'veto', 'treaty', '1999-12-31')).toBeNull();
    expect(findPower(rs, {}, 'veto', 'treaty', null)).toBeNull();
  });
  it('concludedBefore is exclusive', () => {
    expect(findPower(rs, {}, 'denounce', 'treaty', '1993-05-17')?.citation).toBe('before');
    expect(findPower(rs, {}, 'denounce', 'treaty', '1993-05-18')).toBeNull();
    expect(findPower(rs, {}, 'denounce', 'treaty', '2000-01-01')).toBeNull();
  });
  it('a power without dates or instruments applies to every instrument, concluded or not', () => {
    expect(findPower(rs, {}, 'consult', 'mou', null)?.citation).toBe('any');
    expect(findPower(rs, {}, 'consult', 'treaty', '1800-01-01')?.citation).toBe('any');
  });
  it('the first matching power rule wins', () => {
    const two = ruleSet([], { powers: [{ power: 'veto', instruments: ['mou'], citation: 'one' }, { power: 'veto', citation: 'two' }] });
    expect(findPower(two, {}, 'veto', 'mou', null)?.citation).toBe('one');
    expect(findPower(two, {}, 'veto', 'treaty', null)?.citation).toBe('two');
  });
});
