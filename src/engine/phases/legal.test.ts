/**
 * Phase `legal` on a tiny hand-built world: every subnational party assessed under its own country's rule set
 * in force on the date (a state partner is not), the silent period between two rule sets, the regime a
 * lesson is keyed by, and the option settings a rule set knows.
 */
import { describe, expect, it } from 'vitest';
import type { World } from '../../model/world.ts';
import type { Rule, RuleSet } from '../../rules/rule-set.ts';
import { scenarioSchema } from '../../scenario/schema.ts';
import { initialWorld } from '../initial-world.ts';
import { buildModel, type Model } from '../model.ts';
import { WorldIndex } from '../world-index.ts';
import type { Proposal } from './decide.ts';
import { assessProposal, legalRegime, optionsFor } from './legal.ts';
import { silentRuleSet } from '../../../test/support/silent-rule-sets.ts';

type External = Extract<Proposal, { type: 'external' }>;

const ruleSet = (id: string, extra: Partial<RuleSet> = {}): RuleSet =>
  silentRuleSet(id, { subnationalKinds: ['region', 'state'], silence: { binding: 'forbid', nonBinding: 'allow', citation: `silence ${id}` }, ...extra });
const allow = (id: string, more: Partial<Rule> = {}): Rule => ({ id, effect: 'allow', instruments: ['mou', 'agreement'], citation: `cite ${id}`, ...more });
const forbid = (id: string, more: Partial<Rule> = {}): Rule => ({ id, effect: 'forbid', instruments: ['mou', 'agreement'], citation: `cite ${id}`, ...more });

/** Home H (H-1 borders F-1; H-2 does not) and foreign F (F-1); G a far state; NET a network. */
function build(rules: RuleSet[], edit?: (s: Record<string, any>) => void): { model: Model; world: World; idx: WorldIndex } {
  const s: Record<string, any> = {
    paradip: 1,
    id: 'legal',
    title: 'Legal',
    calendar: { tick: 'month', start: '2000-01-01', end: '2001-12-31' },
    centrals: [
      { id: 'H', name: 'Home', ruleSet: 'HX', neighbours: ['F'] },
      { id: 'F', name: 'Foreign', ruleSet: 'FX', neighbours: ['H'] },
      { id: 'G', name: 'Far state', ruleSet: 'FX' },
    ],
    subnationals: [
      { id: 'H-1', name: 'H one', kind: 'region', central: 'H', neighbours: ['F-1'], competences: ['economy'] },
      { id: 'H-2', name: 'H two', kind: 'state', central: 'H', competences: ['culture'] },
      { id: 'F-1', name: 'F one', kind: 'region', central: 'F', competences: ['culture'] },
    ],
    networks: [{ id: 'NET', name: 'A network' }],
  };
  edit?.(s);
  const model = buildModel(scenarioSchema.parse(s), rules);
  const world = initialWorld(model, 1);
  return { model, world, idx: new WorldIndex(world) };
}

function proposal(actor: string, partner: string, instrument: External['instrument'] = 'mou', domain = 'economy'): External {
  return {
    type: 'external',
    actor,
    partner,
    instrument,
    scored: { goals: {}, total: 0, utility: 0, lead: 'economic', domain, issue: null },
    why: { goals: {}, score: 0, threshold: 0, alternatives: [] },
  };
}

const DATE = '2000-06-01';
const central = (w: World, id: string) => w.centrals.find((c) => c.id === id)!;

describe('assessProposal', () => {
  it("each subnational party under its own country's rules: the actor's forbid", () => {
    const { model, idx } = build([ruleSet('HX', { rules: [forbid('no-mou')] }), ruleSet('FX', { rules: [allow('yes')] })]);
    const v = assessProposal(model, idx, DATE, proposal('H-1', 'F-1'));
    expect(v.verdict).toBe('forbidden');
    expect(v.citations).toEqual(['cite no-mou']);
    expect(v.parts).toEqual([
      { party: 'F-1', ruleSet: 'FX', verdict: 'allowed', rule: 'yes', citations: ['cite yes'], steps: [] },
      { party: 'H-1', ruleSet: 'HX', verdict: 'forbidden', rule: 'no-mou', citations: ['cite no-mou'], steps: [] },
    ]);
  });

  it("the partner's constitution binds too", () => {
    const { model, idx } = build([ruleSet('HX', { rules: [allow('yes')] }), ruleSet('FX', { rules: [forbid('no-mou')] })]);
    const v = assessProposal(model, idx, DATE, proposal('H-1', 'F-1'));
    expect(v.verdict).toBe('forbidden');
    expect(v.citations).toEqual(['cite no-mou']);
    expect(v.parts.map((p) => p.party)).toEqual(['F-1', 'H-1']);
  });

  it("approvals required by either party's rules", () => {
    const steps = [{ step: 'consent' as const, by: 'executive' as const, citation: 'consent needed' }];
    const { model, idx } = build([ruleSet('HX', { rules: [allow('yes')] }), ruleSet('FX', { rules: [allow('with-consent', { approvals: steps })] })]);
    const v = assessProposal(model, idx, DATE, proposal('H-1', 'F-1'));
    expect(v.verdict).toBe('needs-approval');
    expect(v.citations).toEqual(['cite with-consent', 'consent needed', 'cite yes']);
    expect(v.parts.find((p) => p.party === 'F-1')?.steps).toEqual(steps);
  });

  it('a foreign state or a network as partner is not assessed', () => {
    const { model, idx } = build([ruleSet('HX', { rules: [allow('yes')] }), ruleSet('FX', { rules: [forbid('no-mou')] })]);
    const toState = assessProposal(model, idx, DATE, proposal('H-1', 'G'));
    expect(toState.verdict).toBe('allowed');
    expect(toState.parts.map((p) => p.party)).toEqual(['H-1']);
    expect(assessProposal(model, idx, DATE, proposal('H-1', 'NET', 'membership')).parts.map((p) => p.party)).toEqual(['H-1']);
  });

  it("each party sees the other as its counterpart, with the categories of where it stands", () => {
    // Only ties with a bordering unit are forbidden, by both countries.
    const border = forbid('no-border', { partners: ['neighbour-subnational'] });
    const { model, idx } = build([ruleSet('HX', { rules: [border] }), ruleSet('FX', { rules: [border] })]);
    const near = assessProposal(model, idx, DATE, proposal('H-1', 'F-1'));
    expect(near.parts.map((p) => p.verdict)).toEqual(['forbidden', 'forbidden']);
    const far = assessProposal(model, idx, DATE, proposal('H-2', 'F-1'));
    expect(far.parts.map((p) => p.verdict)).toEqual(['allowed', 'allowed']);
    // A rule on states as partners: H-1's partner is a state, F-1's (seen from F) a foreign unit.
    const states = forbid('no-states', { partners: ['foreign-state'], instruments: ['mou'] });
    const b = build([ruleSet('HX', { rules: [states] }), ruleSet('FX', { rules: [forbid('no-domestic', { partners: ['domestic-subnational'] })] })]);
    expect(assessProposal(b.model, b.idx, DATE, proposal('H-1', 'G')).verdict).toBe('forbidden');
    expect(assessProposal(b.model, b.idx, DATE, proposal('F-1', 'H-1')).verdict).toBe('allowed');
  });

  it("the action's domain against the party's own competences, and the party's kind", () => {
    const own = allow('own', { domains: 'own-competence' });
    const rs = [ruleSet('HX', { rules: [own], silence: { binding: 'forbid', nonBinding: 'forbid', citation: 'H silent' } }), ruleSet('FX', { rules: [allow('yes')] })];
    const { model, idx } = build(rs);
    expect(assessProposal(model, idx, DATE, proposal('H-1', 'F-1', 'mou', 'economy')).verdict).toBe('allowed');
    expect(assessProposal(model, idx, DATE, proposal('H-1', 'F-1', 'mou', 'culture')).citations).toEqual(['H silent']);
    expect(assessProposal(model, idx, DATE, proposal('H-2', 'F-1', 'mou', 'culture')).verdict).toBe('allowed');
    const states = [ruleSet('HX', { rules: [forbid('states-only', { actorKinds: ['state'] })] }), ruleSet('FX', { rules: [allow('yes')] })];
    const b = build(states);
    expect(assessProposal(b.model, b.idx, DATE, proposal('H-2', 'F-1')).verdict).toBe('forbidden');
    expect(assessProposal(b.model, b.idx, DATE, proposal('H-1', 'F-1')).verdict).toBe('allowed');
  });

  it("the central's option settings over the rule set's defaults", () => {
    const strict = {
      rules: [forbid('strict-no', { when: { option: 'strict', equals: true } })],
      options: { strict: { default: false, values: [false, true], description: 'd', citation: 'c' } },
    };
    const rs = [ruleSet('HX', strict), ruleSet('FX', { rules: [allow('yes')] })];
    expect(assessProposal(build(rs).model, build(rs).idx, DATE, proposal('H-1', 'F-1')).verdict).toBe('allowed');
    const on = build(rs, (s) => (s.centrals[0].ruleOptions = { strict: true }));
    expect(assessProposal(on.model, on.idx, DATE, proposal('H-1', 'F-1')).verdict).toBe('forbidden');
  });

  it('the rule set in force on the date; between two, the country is silent and its silence options decide', () => {
    const rs = [ruleSet('HX', { valid: { from: '2001-01-01' }, rules: [forbid('later')] }), ruleSet('FX', { rules: [allow('yes')] })];
    const { model, idx } = build(rs);
    expect(assessProposal(model, idx, '2001-01-01', proposal('H-1', 'F-1')).verdict).toBe('forbidden');
    const before = assessProposal(model, idx, DATE, proposal('H-1', 'F-1'));
    expect(before.verdict).toBe('allowed');
    expect(before.parts.find((p) => p.party === 'H-1')).toMatchObject({ ruleSet: 'HX (none in force)', rule: 'silence' });
    expect(before.parts.find((p) => p.party === 'H-1')!.citations[0]).toContain(`no HX rule set is in force on ${DATE}`);
    // Binding instruments are forbidden by default in a silent period; the central's option can allow them.
    expect(assessProposal(model, idx, DATE, proposal('H-1', 'F-1', 'agreement')).verdict).toBe('forbidden');
    const opt = build(rs, (s) => (s.centrals[0].ruleOptions = { silenceBinding: 'allow' }));
    expect(assessProposal(opt.model, opt.idx, DATE, proposal('H-1', 'F-1', 'agreement')).verdict).toBe('allowed');
    const h1 = assessProposal(opt.model, opt.idx, DATE, proposal('H-1', 'F-1', 'agreement')).parts.find((p) => p.party === 'H-1')!;
    expect(h1.citations).toEqual([`Silent: no HX rule set is in force on ${DATE}; set to allow by option silenceBinding`]);
  });
});

describe('legalRegime', () => {
  it("the rule set in force and the central's option settings, in name order", () => {
    const { model, world } = build([ruleSet('HX'), ruleSet('FX')], (s) => (s.centrals[0].ruleOptions = { b: 2, c: 'x', a: true }));
    expect(legalRegime(model, central(world, 'H'), DATE)).toBe('HX[a=true,b=2,c=x]');
    expect(legalRegime(model, central(world, 'F'), DATE)).toBe('FX[]');
  });

  it('between two rule sets: silent, named by the latest that ended on or before the date', () => {
    const periods = [
      ruleSet('HX-3', { country: 'HX', valid: { from: '2010-01-01' } }),
      ruleSet('HX-2', { country: 'HX', valid: { from: '1995-01-01', to: '2000-01-01' } }),
      ruleSet('HX-1', { country: 'HX', valid: { from: '1980-01-01', to: '1990-01-01' } }),
      ruleSet('FX', { valid: { to: '2008-01-01' } }),
    ];
    const { model, world } = build(periods, (s) => (s.centrals[0].ruleOptions = { z: 1, y: 2 }));
    const h = central(world, 'H');
    expect(legalRegime(model, h, '1970-01-01')).toBe('silent:HX:start[y=2,z=1]');
    expect(legalRegime(model, h, '1985-01-01')).toBe('HX-1[y=2,z=1]');
    expect(legalRegime(model, h, '1990-01-01')).toBe('silent:HX:1990-01-01[y=2,z=1]');
    expect(legalRegime(model, h, '1997-01-01')).toBe('HX-2[y=2,z=1]');
    expect(legalRegime(model, h, '2000-01-01')).toBe('silent:HX:2000-01-01[y=2,z=1]');
    expect(legalRegime(model, h, '2009-12-31')).toBe('silent:HX:2000-01-01[y=2,z=1]');
    expect(legalRegime(model, h, '2010-01-01')).toBe('HX-3[y=2,z=1]');
  });

  it('the same key for equal settings, whatever their order', () => {
    const a = build([ruleSet('HX'), ruleSet('FX')], (s) => (s.centrals[0].ruleOptions = { m: 1, k: 2, l: 3 }));
    const b = build([ruleSet('HX'), ruleSet('FX')], (s) => (s.centrals[0].ruleOptions = { l: 3, k: 2, m: 1 }));
    expect(legalRegime(a.model, central(a.world, 'H'), DATE)).toBe('HX[k=2,l=3,m=1]');
    expect(legalRegime(b.model, central(b.world, 'H'), DATE)).toBe('HX[k=2,l=3,m=1]');
  });
});

describe('optionsFor', () => {
  const rs = ruleSet('HX', {
    options: {
      strict: { default: false, values: [false, true], description: 'd', citation: 'c' },
      mode: { default: 'a', values: ['a', 'b'], description: 'd', citation: 'c' },
    },
  });

  it("the rule set's defaults, with the central's settings it knows (its own and the silence options)", () => {
    const { world } = build([rs, ruleSet('FX')], (s) => (s.centrals[0].ruleOptions = { strict: true, other: 'x', silenceBinding: 'allow' }));
    expect(optionsFor(rs, central(world, 'H'))).toEqual({ mode: 'a', strict: true, silenceBinding: 'allow' });
    expect(optionsFor(rs, central(world, 'F'))).toEqual({ mode: 'a', strict: false });
  });

  it('a value the rule set does not allow is a bug: it throws, naming the rule set', () => {
    const { world } = build([rs, ruleSet('FX')], (s) => (s.centrals[0].ruleOptions = { mode: 'c' }));
    expect(() => optionsFor(rs, central(world, 'H'))).toThrow(/^rule set HX: option "mode"/);
  });
});
