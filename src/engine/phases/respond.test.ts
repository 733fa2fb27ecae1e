/**
 * Phase `respond` on a tiny hand-built world: partners accepting or declining from their own side, central
 * vetoes, consent scores, approval steps (executive, legislature, own legislature) with their deadlines and
 * silences, and instruments at their review date. Formulas are replaced by simple ones so every expected
 * value is exact; each value is asserted on its own.
 */
import { describe, expect, it } from 'vitest';
import type { ApprovalRecord, Instrument, World } from '../../model/world.ts';
import type { RuleSet } from '../../rules/rule-set.ts';
import { scenarioSchema } from '../../scenario/schema.ts';
import { initialWorld } from '../initial-world.ts';
import { buildModel, type Model } from '../model.ts';
import { Streams } from '../rng.ts';
import { WorldIndex } from '../world-index.ts';
import type { Proposal } from './decide.ts';
import { consentScore, partnerStateScore, respondToApprovals, respondToProposal, reviewsDue, vetoOf } from './respond.ts';
import type { Scored } from './score.ts';
import { silentRuleSet } from '../../../test/support/silent-rule-sets.ts';

type External = Extract<Proposal, { type: 'external' }>;

const ruleSet = silentRuleSet;

const VETO = (id: string, extra: Partial<RuleSet> = {}): RuleSet => ruleSet(id, { powers: [{ power: 'veto', citation: `veto of ${id}` }], ...extra });

interface Options {
  formulas?: Record<string, string>;
  parameters?: Record<string, number>;
  tick?: 'week' | 'month' | 'day';
  /** Rule sets of H and F (G and I share F's). */
  rules?: { H?: RuleSet; F?: RuleSet };
  edit?: (s: Record<string, any>) => void;
  instruments?: Record<string, { enabled?: boolean; cost?: number; review?: number }>;
}

/**
 * Home H (units H-1, H-2) borders foreign F (unit F-1); G is a foreign state with no units near; NET a network.
 * Goals default to economic only, valued at tradeTie.
 */
function build(o: Options = {}): { model: Model; world: World; idx: () => WorldIndex } {
  const s: Record<string, any> = {
    paradip: 1,
    id: 'respond',
    title: 'Respond',
    calendar: { tick: o.tick ?? 'month', start: '2000-01-01', end: '2005-12-31' },
    centrals: [
      { id: 'H', name: 'Home', ruleSet: 'HX', neighbours: ['F'] },
      { id: 'F', name: 'Foreign', ruleSet: 'FX', neighbours: ['H'] },
      { id: 'G', name: 'Far state', ruleSet: 'FX' },
    ],
    subnationals: [
      { id: 'H-1', name: 'H one', kind: 'region', central: 'H', neighbours: ['F-1'], competences: ['economy'], goals: { economic: 1 } },
      { id: 'H-2', name: 'H two', kind: 'region', central: 'H', goals: { economic: 1 } },
      { id: 'F-1', name: 'F one', kind: 'region', central: 'F', neighbours: ['H-1'], competences: ['economy'], goals: { economic: 1 } },
    ],
    networks: [{ id: 'NET', name: 'A network' }],
    issues: [{ id: 'acid', name: 'Acid rain', domain: 'environment' }],
    behaviour: {
      parameters: { noise: 0, ...o.parameters },
      formulas: { 'goal.economic': 'tradeTie', utility: 'total', ...o.formulas },
      instruments: o.instruments ?? {},
    },
  };
  o.edit?.(s);
  const model = buildModel(scenarioSchema.parse(s), [o.rules?.H ?? ruleSet('HX'), o.rules?.F ?? ruleSet('FX')]);
  const world = initialWorld(model, 1);
  return { model, world, idx: () => new WorldIndex(world) };
}

function scored(over: Partial<Scored> = {}): Scored {
  return { goals: {}, total: 0, utility: 0, lead: 'economic', domain: 'economy', issue: null, ...over };
}

function proposal(actor: string, partner: string, instrument: External['instrument'] = 'mou', s: Partial<Scored> = {}): External {
  return { type: 'external', actor, partner, instrument, scored: scored(s), why: { goals: {}, score: 0, threshold: 0, alternatives: [] } };
}

function step(id: string, over: Partial<ApprovalRecord> = {}): ApprovalRecord {
  return {
    id,
    step: 'consent',
    approver: 'H',
    organ: 'executive',
    chambers: null,
    threshold: null,
    party: 'H-1',
    citation: `cite ${id}`,
    openedTick: 0,
    deadlineTick: null,
    within: null,
    onSilence: null,
    status: 'pending',
    resolvedTick: null,
    ...over,
  };
}

function instrument(id: string, over: Partial<Instrument> = {}, approvals: ApprovalRecord[] = [step(`${id}/1`)]): Instrument {
  return {
    id,
    kind: 'mou',
    initiator: 'H-1',
    parties: ['H-1', 'F-1'],
    domain: 'economy',
    issue: null,
    status: 'awaiting-approval',
    proposedTick: 0,
    signedTick: null,
    endedTick: null,
    reviewedTick: null,
    duchacek: 'cross-border',
    protodiplomacy: false,
    citations: [],
    legal: [],
    approvals,
    denunciationDemandedTick: null,
    denunciationDemandedBy: null,
    ...over,
  };
}

const central = (w: World, id: string) => w.centrals.find((c) => c.id === id)!;
const unit = (w: World, id: string) => w.subnationals.find((u) => u.id === id)!;

/** The draws a fresh 'respond' stream gives for `seed`, in the pattern given (u: uniform, n: normal). */
function draws(pattern: ('u' | 'n')[], seed = 1): number[] {
  const s = Streams.fromSeed(seed);
  return pattern.map((d) => (d === 'u' ? s.uniform('respond') : s.normal('respond')));
}

/** Whether the stream is exactly `count` uniforms past a fresh one (a normal is two uniforms). */
function expectConsumed(streams: Streams, uniforms: number): void {
  const fresh = Streams.fromSeed(1);
  for (let i = 0; i < uniforms; i++) fresh.uniform('respond');
  expect(streams.uniform('respond')).toBe(fresh.uniform('respond'));
}

describe('respondToProposal: a subnational partner judges from its own side', () => {
  function partnerCase(threshold: number, tradeTie = 0.6) {
    const { model, idx } = build({
      parameters: { acceptThreshold: threshold },
      edit: (s) => {
        s.subnationals[2].tradeTies = { 'H-1': tradeTie };
        // The proposer's own view must not be used: its tie to F-1 is different.
        s.subnationals[0].tradeTies = { 'F-1': 0.05 };
      },
    });
    return respondToProposal(model, idx(), Streams.fromSeed(1), proposal('H-1', 'F-1'));
  }

  it('accepts at exactly the acceptThreshold, with its goals, score and threshold', () => {
    const r = partnerCase(0.6);
    expect(r.accepted).toBe(true);
    expect(r.why).toEqual({ goals: { economic: 0.6 }, score: 0.6, threshold: 0.6 });
  });

  it('declines just below it (a threshold above 0 counts)', () => {
    const r = partnerCase(0.61);
    expect(r.accepted).toBe(false);
    expect(r.why['threshold']).toBe(0.61);
    expect(partnerCase(0.5, 0.3).accepted).toBe(false);
  });

  it('rounds the goals and score it reports', () => {
    const r = partnerCase(0, 0.123456);
    expect(r.why['goals']).toEqual({ economic: 0.1235 });
    expect(r.why['score']).toBe(0.1235);
  });

  it("reads the partner's attributes, not the proposer's", () => {
    const { model, idx } = build({
      formulas: { 'goal.economic': 'identityStrength' },
      parameters: { acceptThreshold: 0.5 },
      edit: (s) => {
        s.subnationals[0].attributes = { identityStrength: 0.9 };
        s.subnationals[2].attributes = { identityStrength: 0.2 };
      },
    });
    const r = respondToProposal(model, idx(), Streams.fromSeed(1), proposal('H-1', 'F-1'));
    expect(r.accepted).toBe(false);
    expect(r.why['score']).toBe(0.2);
  });

  it('adds the noise of one respond draw, scaled by parameter noise', () => {
    const { model, idx } = build({ formulas: { utility: 'total + noise' }, parameters: { noise: 0.5, acceptThreshold: -100 } });
    const streams = Streams.fromSeed(1);
    const r = respondToProposal(model, idx(), streams, proposal('H-1', 'F-1'));
    const [n] = draws(['n']);
    expect(r.why['score']).toBe(Math.round(0.5 * n! * 1e4) / 1e4);
    expectConsumed(streams, 2);
  });
});

describe('respondToProposal: a foreign state and a network', () => {
  function stateCase(formula: string, p: External, parameters: Record<string, number> = {}, edit?: (s: Record<string, any>) => void) {
    const { model, idx } = build({ formulas: { partnerState: formula }, parameters, edit });
    const streams = Streams.fromSeed(1);
    return { r: respondToProposal(model, idx(), streams, p), streams };
  }

  it('a foreign state accepts at a score of exactly 0 and declines below', () => {
    const ok = stateCase('0', proposal('H-1', 'G')).r;
    expect(ok).toEqual({ accepted: true, why: { partnerState: 0, threshold: 0 } });
    const no = stateCase('-0.00001', proposal('H-1', 'G')).r;
    expect(no.accepted).toBe(false);
  });

  it('passes whether the proposal is protodiplomatic (its lead goal)', () => {
    expect(stateCase('protodiplomacy - 0.5', proposal('H-1', 'G', 'mou', { lead: 'protodiplomatic' })).r).toEqual({ accepted: true, why: { partnerState: 0.5, threshold: 0 } });
    expect(stateCase('protodiplomacy - 0.5', proposal('H-1', 'G', 'mou', { lead: 'economic' })).r.accepted).toBe(false);
  });

  it('passes whether the instrument is binding', () => {
    expect(stateCase('binding - 0.5', proposal('H-1', 'G', 'agreement')).r.accepted).toBe(true);
    expect(stateCase('binding - 0.5', proposal('H-1', 'G', 'mou')).r.accepted).toBe(false);
  });

  it("passes the proposal's issue (alignment of positions)", () => {
    const edit = (s: Record<string, any>) => {
      s.centrals[2].executive = { stance: { acid: 1 } };
      s.subnationals[0].position = { acid: -0.2 };
    };
    const r = stateCase('alignment', proposal('H-1', 'G', 'mou', { issue: 'acid' }), {}, edit).r;
    expect(r.why['partnerState']).toBe(0.4);
    expect(stateCase('alignment', proposal('H-1', 'G', 'mou', { issue: null }), {}, edit).r.why['partnerState']).toBe(1);
  });

  it('uses the one respond draw as its noise', () => {
    const { r, streams } = stateCase('noise', proposal('H-1', 'G'), { noise: 2 });
    const [n] = draws(['n']);
    expect(r.why['partnerState']).toBe(Math.round(2 * n! * 1e4) / 1e4);
    expectConsumed(streams, 2);
  });

  it('a network is open to members, after the same single draw', () => {
    const { model, idx } = build();
    const streams = Streams.fromSeed(1);
    expect(respondToProposal(model, idx(), streams, proposal('H-1', 'NET', 'membership'))).toEqual({ accepted: true, why: { network: 'open to members' } });
    expectConsumed(streams, 2);
  });
});

describe('partnerStateScore: each variable', () => {
  const edit = (s: Record<string, any>) => {
    // G's goodwill: to the proposer's country H (not to the unit itself).
    s.centrals[2].attitude = { H: 0.7, 'H-1': -0.9, F: 0.1 };
    s.centrals[2].executive = { stance: { acid: 0.5 } };
    s.subnationals[0].kin = ['G'];
    s.subnationals[0].tradeTies = { G: 0.35, F: 0.9 };
    s.subnationals[0].position = { acid: -0.5 };
    s.subnationals[1].kin = ['F'];
    s.centrals[2].kinSupport = { 'H-2': 0.6 };
  };
  const score = (formula: string, args: { actor?: string; issue?: string | null; proto?: boolean; binding?: boolean; noise?: number; state?: string } = {}, parameters: Record<string, number> = {}) => {
    const { model, world } = build({ formulas: { partnerState: formula }, parameters, edit });
    return partnerStateScore(model, central(world, args.state ?? 'G'), unit(world, args.actor ?? 'H-1'), args.issue ?? null, args.proto ?? false, args.binding ?? false, args.noise ?? 0);
  };

  it("attitude is the state's goodwill to the proposer's country, 0 when it has none", () => {
    expect(score('attitude')).toBe(0.7);
    expect(score('attitude', { state: 'F' })).toBe(0);
  });
  it('kin is 1 only when the proposer counts the state as kin', () => {
    expect(score('kin')).toBe(1);
    expect(score('kin', { actor: 'H-2' })).toBe(0);
  });
  it("support is the state's own support for the proposer (its kinSupport), 0 for a unit it does not support", () => {
    expect(score('support', { actor: 'H-2' })).toBe(0.6);
    expect(score('support')).toBe(0);
    expect(score('support', { actor: 'H-2', state: 'F' })).toBe(0);
  });
  it("tradeTie is the proposer's tie to that state, 0 without one", () => {
    expect(score('tradeTie')).toBe(0.35);
    expect(score('tradeTie', { actor: 'H-2' })).toBe(0);
  });
  it("alignment is 1 - |state's position - proposer's| / 2 on the issue, 1 without an issue", () => {
    expect(score('alignment', { issue: 'acid' })).toBe(0.5);
    expect(score('alignment', { issue: 'acid', actor: 'H-2', state: 'F' })).toBe(1);
    expect(score('alignment', { issue: null })).toBe(1);
  });
  it('protodiplomacy and binding are 1 or 0', () => {
    expect(score('protodiplomacy', { proto: true })).toBe(1);
    expect(score('protodiplomacy', { proto: false })).toBe(0);
    expect(score('binding', { binding: true })).toBe(1);
    expect(score('binding', { binding: false })).toBe(0);
  });
  it('noise is the draw times parameter noise', () => {
    expect(score('noise', { noise: 0.5 }, { noise: 0.3 })).toBeCloseTo(0.15, 12);
  });
  it('the default formula: goodwill, kinship, trade and alignment; protodiplomacy costs what the state does not support', () => {
    const { model, world } = build({ edit });
    const v = partnerStateScore(model, central(world, 'G'), unit(world, 'H-1'), 'acid', true, true, 0);
    // 0.2 + 0.5*0.7 + 0.5*1 + 0.3*0.35 + 0.5*(0.5-0.5) - 0.2*1 - 0.5*1*(1-0) + 0: kinship alone does not excuse protodiplomacy
    expect(v).toBeCloseTo(0.2 + 0.35 + 0.5 + 0.105 + 0 - 0.2 - 0.5 + 0, 12);
    // H-2 (of country H too, not kin to G, no trade with it), supported by G at 0.6, no issue:
    // 0.2 + 0.5*0.7 + 0.5*(1-0.5) - 0.2 - 0.5*(1-0.6) + 0.6
    const w = partnerStateScore(model, central(world, 'G'), unit(world, 'H-2'), null, true, true, 0);
    expect(w).toBeCloseTo(0.2 + 0.35 + 0.25 - 0.2 - 0.2 + 0.6, 12);
    const notProto = partnerStateScore(model, central(world, 'G'), unit(world, 'H-2'), null, false, true, 0);
    expect(notProto).toBeCloseTo(0.2 + 0.35 + 0.25 - 0.2 + 0.6, 12);
  });
});

describe('vetoOf', () => {
  const DATE = '2000-01-01';
  function vetoCase(p: External, o: Options & { date?: string } = {}) {
    const b = build({ rules: { H: VETO('HX'), F: ruleSet('FX') }, formulas: { veto: 'attitude' }, ...o });
    const streams = Streams.fromSeed(1);
    return { veto: vetoOf(b.model, b.idx(), streams, o.date ?? DATE, p), streams };
  }
  const hostile = (s: Record<string, any>) => {
    s.centrals[0].attitude = { F: -0.5, 'F-1': 0.9, G: 0.3, H: -1 };
  };

  it("a central with the power vetoes its unit's proposal when its score is below 0, against the partner's country", () => {
    const { veto, streams } = vetoCase(proposal('H-1', 'F-1'), { edit: hostile });
    expect(veto).toEqual({ central: 'H', citation: 'veto of HX', why: { veto: -0.5, threshold: 0, party: 'H-1', attitude: -0.5 } });
    expectConsumed(streams, 2);
  });

  it('does not veto at a score of exactly 0 (no attitude recorded)', () => {
    const { veto, streams } = vetoCase(proposal('H-1', 'F-1'));
    expect(veto).toBeNull();
    expectConsumed(streams, 2);
  });

  it('a proposal made to a state: the attitude is to that state', () => {
    expect(vetoCase(proposal('H-1', 'G'), { edit: hostile }).veto).toBeNull();
    const { veto } = vetoCase(proposal('H-1', 'G'), { edit: (s) => (s.centrals[0].attitude = { G: -0.25 }) });
    expect(veto?.why).toEqual({ veto: -0.25, threshold: 0, party: 'H-1', attitude: -0.25 });
  });

  it('reaches a proposal a foreign unit makes to its unit, judged for its own unit', () => {
    const { veto, streams } = vetoCase(proposal('F-1', 'H-1'), { edit: hostile });
    expect(veto).toEqual({ central: 'H', citation: 'veto of HX', why: { veto: -0.5, threshold: 0, party: 'H-1', attitude: -0.5 } });
    // F holds no power: one draw only, for H.
    expectConsumed(streams, 2);
  });

  it('a domestic tie: judged once, and its own country is no foreign attitude', () => {
    const { veto, streams } = vetoCase(proposal('H-1', 'H-2'), { edit: hostile });
    expect(veto).toBeNull();
    expectConsumed(streams, 2);
  });

  it('every party with the power draws its noise, in role order, and the first veto stands', () => {
    const edit = (s: Record<string, any>) => {
      s.centrals[0].attitude = { F: -0.5 };
      s.centrals[1].attitude = { H: -0.75 };
    };
    const both = vetoCase(proposal('H-1', 'F-1'), { rules: { H: VETO('HX'), F: VETO('FX') }, edit });
    expect(both.veto?.central).toBe('H');
    expect(both.veto?.why['party']).toBe('H-1');
    expectConsumed(both.streams, 4);
    const reverse = vetoCase(proposal('F-1', 'H-1'), { rules: { H: VETO('HX'), F: VETO('FX') }, edit });
    expect(reverse.veto).toEqual({ central: 'F', citation: 'veto of FX', why: { veto: -0.75, threshold: 0, party: 'F-1', attitude: -0.75 } });
    expectConsumed(reverse.streams, 4);
  });

  it('the second party vetoes when the first lets it go', () => {
    const edit = (s: Record<string, any>) => {
      s.centrals[0].attitude = { F: 0.5 };
      s.centrals[1].attitude = { H: -0.75 };
    };
    const r = vetoCase(proposal('H-1', 'F-1'), { rules: { H: VETO('HX'), F: VETO('FX') }, edit });
    expect(r.veto).toEqual({ central: 'F', citation: 'veto of FX', why: { veto: -0.75, threshold: 0, party: 'F-1', attitude: -0.75 } });
  });

  it('no power, no draw: a power limited to other instruments, or under an option not set', () => {
    const limited = VETO('HX', { powers: [{ power: 'veto', instruments: ['agreement'], citation: 'only agreements' }] });
    const a = vetoCase(proposal('H-1', 'F-1', 'mou'), { rules: { H: limited }, edit: hostile });
    expect(a.veto).toBeNull();
    expectConsumed(a.streams, 0);
    const b = vetoCase(proposal('H-1', 'F-1', 'agreement'), { rules: { H: limited }, edit: hostile });
    expect(b.veto?.citation).toBe('only agreements');
    const other = VETO('HX', { powers: [{ power: 'take-over', citation: 'not a veto' }] });
    expect(vetoCase(proposal('H-1', 'F-1'), { rules: { H: other }, edit: hostile }).veto).toBeNull();
    const optional = VETO('HX', {
      powers: [{ power: 'veto', when: { option: 'mfa', equals: true }, citation: 'mfa veto' }],
      options: { mfa: { default: true, values: [true, false], description: 'd', citation: 'c' } },
    });
    expect(vetoCase(proposal('H-1', 'F-1'), { rules: { H: optional }, edit: hostile }).veto?.citation).toBe('mfa veto');
    const off = vetoCase(proposal('H-1', 'F-1'), {
      rules: { H: optional },
      edit: (s) => {
        hostile(s);
        s.centrals[0].ruleOptions = { mfa: false };
      },
    });
    expect(off.veto).toBeNull();
    expectConsumed(off.streams, 0);
  });

  it('the rule set in force on the date decides', () => {
    const later = VETO('HX', { valid: { from: '2001-01-01' } });
    expect(vetoCase(proposal('H-1', 'F-1'), { rules: { H: later }, edit: hostile, date: '2000-06-01' }).veto).toBeNull();
    expect(vetoCase(proposal('H-1', 'F-1'), { rules: { H: later }, edit: hostile, date: '2001-01-01' }).veto?.central).toBe('H');
  });

  it("alignment compares the central's position with its own unit's, 1 without an issue", () => {
    const edit = (s: Record<string, any>) => {
      s.centrals[0].executive = { stance: { acid: 0.6 } };
      s.subnationals[0].position = { acid: -0.2 };
      s.subnationals[2].position = { acid: 0.6 };
    };
    const o = { formulas: { veto: 'alignment - 1' }, edit };
    expect(vetoCase(proposal('H-1', 'F-1', 'mou', { issue: 'acid' }), o).veto?.why['veto']).toBe(-0.4);
    expect(vetoCase(proposal('F-1', 'H-1', 'mou', { issue: 'acid' }), o).veto?.why['veto']).toBe(-0.4);
    expect(vetoCase(proposal('H-1', 'F-1', 'mou', { issue: null }), o).veto).toBeNull();
  });

  it('protodiplomacy, binding and noise', () => {
    expect(vetoCase(proposal('H-1', 'F-1', 'mou', { lead: 'protodiplomatic' }), { formulas: { veto: '-protodiplomacy' } }).veto?.why['veto']).toBe(-1);
    expect(vetoCase(proposal('H-1', 'F-1', 'mou', { lead: 'economic' }), { formulas: { veto: '-protodiplomacy' } }).veto).toBeNull();
    expect(vetoCase(proposal('H-1', 'F-1', 'agreement'), { formulas: { veto: '-binding' } }).veto?.why['veto']).toBe(-1);
    expect(vetoCase(proposal('H-1', 'F-1', 'mou'), { formulas: { veto: '-binding' } }).veto).toBeNull();
    const [n] = draws(['n']);
    const noisy = vetoCase(proposal('H-1', 'F-1'), { formulas: { veto: 'noise - 10' }, parameters: { noise: 0.5 } }).veto;
    expect(noisy?.why['veto']).toBe(Math.round((0.5 * n! - 10) * 1e4) / 1e4);
  });
});

describe('consentScore: each variable', () => {
  const edit = (s: Record<string, any>) => {
    s.centrals[0].attitude = { F: -0.4, 'F-1': 0.9, G: 0.6, H: -1 };
    s.centrals[0].executive = { stance: { acid: 0.8 } };
    s.subnationals[0].position = { acid: 0.2 };
    s.subnationals[0].relation = 'support';
    s.subnationals[2].position = { acid: -0.8 };
    s.subnationals[2].relation = 'conflict';
  };
  const score = (formula: string, actor: string, counterpart: string, more: { issue?: string | null; proto?: boolean; binding?: boolean; noise?: number } = {}, parameters: Record<string, number> = {}) => {
    const { model, world, idx } = build({ formulas: { consent: formula }, parameters, edit });
    return consentScore(model, idx(), central(world, 'H'), unit(world, actor), counterpart, more.issue ?? null, more.proto ?? false, more.binding ?? false, more.noise ?? 0);
  };

  it("attitude: for its own unit, to the counterpart's country (a unit's, or the state itself)", () => {
    expect(score('attitude', 'H-1', 'F-1')).toBe(-0.4);
    expect(score('attitude', 'H-1', 'G')).toBe(0.6);
  });
  it('attitude: 0 for a domestic tie, whatever the attitude recorded for itself', () => {
    expect(score('attitude', 'H-1', 'H-2')).toBe(0);
  });
  it("attitude: for a foreign unit dealing with its unit, to that unit's country", () => {
    expect(score('attitude', 'F-1', 'H-1')).toBe(-0.4);
  });
  it('alignment on the issue with the actor, 1 without an issue', () => {
    expect(score('alignment', 'H-1', 'F-1', { issue: 'acid' })).toBeCloseTo(0.7, 12);
    expect(score('alignment', 'F-1', 'H-1', { issue: 'acid' })).toBeCloseTo(0.2, 12);
    expect(score('alignment', 'H-1', 'F-1', { issue: null })).toBe(1);
  });
  it('protodiplomacy and binding are 1 or 0', () => {
    expect(score('protodiplomacy', 'H-1', 'F-1', { proto: true })).toBe(1);
    expect(score('protodiplomacy', 'H-1', 'F-1', { proto: false })).toBe(0);
    expect(score('binding', 'H-1', 'F-1', { binding: true })).toBe(1);
    expect(score('binding', 'H-1', 'F-1', { binding: false })).toBe(0);
  });
  it("relationScore is its own unit's, 0 for a foreign unit", () => {
    expect(score('relationScore', 'H-1', 'F-1')).toBe(0.8);
    expect(score('relationScore', 'F-1', 'H-1')).toBe(0);
  });
  it('noise is the draw times parameter noise', () => {
    expect(score('noise', 'H-1', 'F-1', { noise: -2 }, { noise: 0.25 })).toBe(-0.5);
  });
});

describe('respondToApprovals: which steps are acted on, and the draws', () => {
  function setup(instruments: Instrument[], o: Options = {}, tick = 5) {
    const b = build({ formulas: { consent: 'attitude' }, ...o });
    b.world.instruments.push(...instruments);
    b.world.tick = tick;
    const streams = Streams.fromSeed(1);
    return { decisions: respondToApprovals(b.model, b.idx(), streams), streams };
  }
  const always = { parameters: { responsiveness: 1 } };

  it('acts only on instruments awaiting approval, on their first pending step, opened before this tick', () => {
    const { decisions, streams } = setup(
      [
        instrument('I-1', { status: 'in-force' }),
        instrument('I-2', {}, [step('I-2/1', { status: 'granted' }), step('I-2/2'), step('I-2/3')]),
        instrument('I-3', {}, [step('I-3/1', { openedTick: null })]),
        instrument('I-4', {}, [step('I-4/1', { openedTick: 5 })]),
        instrument('I-5', {}, [step('I-5/1', { status: 'granted' })]),
        instrument('I-6', {}, [step('I-6/1', { openedTick: 4 })]),
      ],
      always,
    );
    expect(decisions.map((d) => d.approval)).toEqual(['I-2/2', 'I-6/1']);
    expect(decisions.map((d) => d.instrument)).toEqual(['I-2', 'I-6']);
    expect(decisions[0]).toEqual({ instrument: 'I-2', approval: 'I-2/2', outcome: 'granted', why: { consent: 0, threshold: 0 } });
    // One uniform and one normal for each of the two steps acted on.
    expectConsumed(streams, 6);
  });

  it('draws the same for a step that stays silent, so the next step is not shifted', () => {
    const noisy = { formulas: { ratify: 'noise' }, parameters: { responsiveness: 0, noise: 1 } };
    const { decisions, streams } = setup([instrument('I-1'), instrument('I-2', {}, [step('I-2/1', { organ: 'own-legislature', approver: 'H-1' })])], noisy);
    expect(decisions.length).toBe(1);
    const [, , , n] = draws(['u', 'n', 'u', 'n']);
    expect(decisions[0]!.why['ratify']).toBe(Math.round(n! * 1e4) / 1e4);
    expectConsumed(streams, 6);
  });

  it('an organ acts with the chance responsiveness per month (a week tick has less time)', () => {
    // A seed whose first draw falls between the weekly and the monthly chance of responsiveness 0.5.
    let seed = 1;
    while (!(draws(['u'], seed)[0]! > 0.2 && draws(['u'], seed)[0]! < 0.45)) seed++;
    const run = (tick: 'week' | 'month') => {
      const b = build({ tick, formulas: { consent: '1' }, parameters: { responsiveness: 0.5 } });
      b.world.instruments.push(instrument('I-1'));
      b.world.tick = 5;
      return respondToApprovals(b.model, b.idx(), Streams.fromSeed(seed));
    };
    expect(run('month').map((d) => d.outcome)).toEqual(['granted']);
    expect(run('week')).toEqual([]);
  });

  it('responsiveness 1 acts whatever the draw', () => {
    let seed = 1;
    while (!(draws(['u'], seed)[0]! > 0.6)) seed++;
    const b = build({ formulas: { consent: '1' }, parameters: { responsiveness: 1 } });
    b.world.instruments.push(instrument('I-1'));
    b.world.tick = 5;
    expect(respondToApprovals(b.model, b.idx(), Streams.fromSeed(seed)).map((d) => d.outcome)).toEqual(['granted']);
  });
});

describe('an executive step', () => {
  function decideOne(st: Partial<ApprovalRecord>, o: Options = {}, tick = 5, inst: Partial<Instrument> = {}) {
    const b = build({ formulas: { consent: 'attitude' }, ...o });
    b.world.instruments.push(instrument('I-1', inst, [step('I-1/1', st)]));
    b.world.tick = tick;
    return respondToApprovals(b.model, b.idx(), Streams.fromSeed(1))[0] ?? null;
  }
  const attitude = (a: number, responsiveness = 1): Options => ({ parameters: { responsiveness }, edit: (s) => (s.centrals[0].attitude = { F: a }) });

  it('consents at a consent score of exactly 0, refuses below', () => {
    expect(decideOne({}, attitude(0))).toEqual({ instrument: 'I-1', approval: 'I-1/1', outcome: 'granted', why: { consent: 0, threshold: 0 } });
    expect(decideOne({}, attitude(-0.3))).toEqual({ instrument: 'I-1', approval: 'I-1/1', outcome: 'refused', why: { consent: -0.3, threshold: 0 } });
    expect(decideOne({}, attitude(0.3))?.outcome).toBe('granted');
  });

  it('an organ that acted at the deadline tick decides; silence rules only one that did not', () => {
    expect(decideOne({ deadlineTick: 5, onSilence: 'consent' }, attitude(-0.3))?.outcome).toBe('refused');
    expect(decideOne({ deadlineTick: 3, onSilence: 'consent' }, attitude(0.3))?.outcome).toBe('granted');
  });

  it('silent before the deadline: no decision', () => {
    expect(decideOne({ deadlineTick: 6, onSilence: 'consent' }, attitude(0.3, 0))).toBeNull();
    expect(decideOne({ deadlineTick: null, onSilence: 'consent' }, attitude(0.3, 0))).toBeNull();
  });

  it('silent at the deadline tick: tacit consent only where silence means consent', () => {
    expect(decideOne({ deadlineTick: 5, onSilence: 'consent' }, attitude(-0.3, 0))).toEqual({
      instrument: 'I-1',
      approval: 'I-1/1',
      outcome: 'tacit',
      why: { silentUntilDeadline: true, onSilence: 'consent' },
    });
    expect(decideOne({ deadlineTick: 4, onSilence: 'refuse' }, attitude(0.3, 0))).toEqual({
      instrument: 'I-1',
      approval: 'I-1/1',
      outcome: 'refused',
      why: { silentUntilDeadline: true, onSilence: 'refuse' },
    });
    expect(decideOne({ deadlineTick: 5, onSilence: null }, attitude(0.3, 0))).toEqual({
      instrument: 'I-1',
      approval: 'I-1/1',
      outcome: 'refused',
      why: { silentUntilDeadline: true, onSilence: 'refuse' },
    });
  });

  it("judges for the step's party: a foreign unit's central weighs the proposer's country", () => {
    const o: Options = { parameters: { responsiveness: 1 }, edit: (s) => (s.centrals[1].attitude = { H: -0.6 }) };
    // F's executive approves for its unit F-1, the partner of H-1's instrument.
    expect(decideOne({ approver: 'F', party: 'F-1' }, o)?.why).toEqual({ consent: -0.6, threshold: 0 });
    // Its own unit's relation score counts: F-1, not the initiator H-1 (a foreign unit to F).
    const o2: Options = { formulas: { consent: 'relationScore' }, parameters: { responsiveness: 1 }, edit: (s) => (s.subnationals[2].relation = 'conflict') };
    expect(decideOne({ approver: 'F', party: 'F-1' }, o2)?.why['consent']).toBe(-0.6);
    expect(decideOne({ approver: 'F', party: 'F-1' }, o2, 5, { parties: ['F-1', 'H-1'] })?.why['consent']).toBe(-0.6);
  });

  it("passes the instrument's issue, protodiplomacy and bindingness to the consent formula", () => {
    const edit = (s: Record<string, any>) => {
      s.centrals[0].executive = { stance: { acid: 1 } };
      s.subnationals[0].position = { acid: 0 };
    };
    const o = (consent: string): Options => ({ formulas: { consent }, parameters: { responsiveness: 1 }, edit });
    expect(decideOne({}, o('alignment'), 5, { issue: 'acid' })?.why['consent']).toBe(0.5);
    expect(decideOne({}, o('protodiplomacy'), 5, { protodiplomacy: true })?.why['consent']).toBe(1);
    expect(decideOne({}, o('protodiplomacy'), 5, { protodiplomacy: false })?.why['consent']).toBe(0);
    expect(decideOne({}, o('binding'), 5, { kind: 'agreement' })?.why['consent']).toBe(1);
    expect(decideOne({}, o('binding'), 5, { kind: 'mou' })?.why['consent']).toBe(0);
    const [, n] = draws(['u', 'n']);
    expect(decideOne({}, { formulas: { consent: 'noise' }, parameters: { responsiveness: 1, noise: 0.5 } })?.why['consent']).toBe(Math.round(0.5 * n! * 1e4) / 1e4);
  });
});

describe('a legislature step', () => {
  const chambers = [
    { id: 'house', name: 'House', threshold: 0.5, support: { acid: 0.5 }, gatekeepers: [] as unknown[] },
    { id: 'senate', name: 'Senate', threshold: 0.6, support: { acid: 0.55 }, gatekeepers: [{ id: 'chair', name: 'Chair', position: { acid: -0.1 } }] },
  ];
  function vote(st: Partial<ApprovalRecord>, o: { formulas?: Record<string, string>; parameters?: Record<string, number>; legislature?: unknown; issue?: string | null; kind?: Instrument['kind'] } = {}, tick = 5) {
    const b = build({
      formulas: { vote: 'support', consent: 'attitude', ...o.formulas },
      parameters: { responsiveness: 1, ...o.parameters },
      edit: (s) => {
        s.centrals[0].legislature = o.legislature === undefined ? { chambers } : o.legislature;
        s.centrals[0].attitude = { F: 0.25 };
      },
    });
    b.world.instruments.push(instrument('I-1', { issue: o.issue === undefined ? 'acid' : o.issue, kind: o.kind ?? 'mou' }, [step('I-1/1', { organ: 'legislature', step: 'vote', ...st })]));
    b.world.tick = tick;
    return respondToApprovals(b.model, b.idx(), Streams.fromSeed(1))[0] ?? null;
  }

  it('passes when every named chamber reaches its own threshold, exactly at it included', () => {
    expect(vote({ chambers: ['house'] })).toEqual({ instrument: 'I-1', approval: 'I-1/1', outcome: 'granted', why: { votes: { house: 0.5 }, threshold: 'chamber threshold' } });
  });

  it('fails when one chamber falls short', () => {
    const legislature = { chambers: [chambers[0], { ...chambers[1], gatekeepers: [] }] };
    expect(vote({}, { legislature })).toEqual({ instrument: 'I-1', approval: 'I-1/1', outcome: 'refused', why: { votes: { house: 0.5, senate: 0.55 }, threshold: 'chamber threshold' } });
    const later = { chambers: [{ ...chambers[1], gatekeepers: [] }, chambers[0]] };
    expect(vote({}, { legislature: later })?.outcome).toBe('refused');
  });

  it("a step's threshold overrides the chambers'", () => {
    expect(vote({ chambers: ['house'], threshold: 0.45 })).toEqual({ instrument: 'I-1', approval: 'I-1/1', outcome: 'granted', why: { votes: { house: 0.5 }, threshold: 0.45 } });
    expect(vote({ chambers: ['house'], threshold: 0.55 })?.outcome).toBe('refused');
  });

  it('support 0.5 for a chamber without a recorded support, and for an instrument without an issue', () => {
    const legislature = { chambers: [{ ...chambers[0], support: {} }] };
    expect(vote({}, { legislature })?.why['votes']).toEqual({ house: 0.5 });
    expect(vote({ chambers: ['house'] }, { issue: null, legislature: { chambers: [{ ...chambers[0], support: { acid: 0.9 } }] } })?.why['votes']).toEqual({ house: 0.5 });
  });

  it('no chamber to vote: refused', () => {
    expect(vote({}, { legislature: null })).toEqual({ instrument: 'I-1', approval: 'I-1/1', outcome: 'refused', why: { votes: {}, threshold: 'chamber threshold' } });
    expect(vote({ chambers: ['nowhere'] })?.outcome).toBe('refused');
  });

  it("the vote reads the executive's consent score, bindingness and the noise", () => {
    expect(vote({ chambers: ['house'] }, { formulas: { vote: 'consent' } })?.why['votes']).toEqual({ house: 0.25 });
    expect(vote({ chambers: ['house'] }, { formulas: { vote: 'binding' }, kind: 'agreement' })?.why['votes']).toEqual({ house: 1 });
    expect(vote({ chambers: ['house'] }, { formulas: { vote: 'binding' }, kind: 'mou' })?.why['votes']).toEqual({ house: 0 });
    const [, n] = draws(['u', 'n']);
    expect(vote({ chambers: ['house'] }, { formulas: { vote: 'noise' }, parameters: { noise: 0.5 } })?.why['votes']).toEqual({ house: Math.round(0.5 * n! * 1e4) / 1e4 });
  });

  it('a gatekeeper below the gate keeps it off the floor: nothing before the deadline, silence at it', () => {
    expect(vote({})).toBeNull();
    expect(vote({ deadlineTick: 5 })).toEqual({ instrument: 'I-1', approval: 'I-1/1', outcome: 'refused', why: { silentUntilDeadline: true, onSilence: 'refuse', keptOffTheFloorBy: ['Chair'] } });
    expect(vote({ deadlineTick: 5, onSilence: 'consent' })?.outcome).toBe('tacit');
  });

  it('a gatekeeper at exactly the gate lets it through, one below a raised gate does not', () => {
    const atGate = { chambers: [{ ...chambers[0], gatekeepers: [{ id: 'g', name: 'G', position: { acid: 0.3 } }] }] };
    expect(vote({}, { legislature: atGate, parameters: { gate: 0.3 } })?.outcome).toBe('granted');
    expect(vote({ deadlineTick: 5 }, { legislature: atGate, parameters: { gate: 0.31 } })?.why['keptOffTheFloorBy']).toEqual(['G']);
    // Without an issue a gatekeeper stands at 0.
    expect(vote({ deadlineTick: 5 }, { legislature: atGate, parameters: { gate: 0.1 }, issue: null })?.why['keptOffTheFloorBy']).toEqual(['G']);
    expect(vote({}, { legislature: atGate, parameters: { gate: 0 }, issue: null })?.outcome).toBe('granted');
  });

  it("only the gatekeepers of the chambers named by the step count", () => {
    expect(vote({ chambers: ['house'] })?.outcome).toBe('granted');
    expect(vote({ chambers: ['senate'], deadlineTick: 5 })?.why['keptOffTheFloorBy']).toEqual(['Chair']);
  });

  it('a legislature that did not act: silence at the deadline (no gatekeeper named), nothing before', () => {
    const open = { chambers: [chambers[0]] };
    expect(vote({}, { legislature: open, parameters: { responsiveness: 0 } })).toBeNull();
    expect(vote({ deadlineTick: 5, onSilence: 'consent' }, { legislature: open, parameters: { responsiveness: 0 } })).toEqual({
      instrument: 'I-1',
      approval: 'I-1/1',
      outcome: 'tacit',
      why: { silentUntilDeadline: true, onSilence: 'consent' },
    });
  });
});

describe('an own-legislature (ratify) step', () => {
  function ratify(formula: string, o: { step?: Partial<ApprovalRecord>; inst?: Partial<Instrument>; parameters?: Record<string, number>; edit?: (s: Record<string, any>) => void; salience?: Record<string, number> } = {}) {
    const b = build({ formulas: { ratify: formula }, parameters: { responsiveness: 0, ...o.parameters }, edit: o.edit });
    b.world.instruments.push(instrument('I-1', o.inst ?? {}, [step('I-1/1', { organ: 'own-legislature', step: 'ratify', approver: 'H-1', ...o.step })]));
    for (const [u, v] of Object.entries(o.salience ?? {})) b.world.issues[0]!.units[u]!.salience = v;
    b.world.tick = 5;
    return respondToApprovals(b.model, b.idx(), Streams.fromSeed(1))[0] ?? null;
  }
  const ties = (s: Record<string, any>) => {
    s.subnationals[0].tradeTies = { 'F-1': 0.4 };
    s.subnationals[2].tradeTies = { 'H-1': 0.7 };
  };

  it("ratifies on the tie's total value to its own unit, whether or not the organ 'acts'", () => {
    expect(ratify('total - 0.4', { edit: ties })).toEqual({ instrument: 'I-1', approval: 'I-1/1', outcome: 'granted', why: { ratify: 0, total: 0.4, threshold: 0 } });
    expect(ratify('total - 0.41', { edit: ties })).toEqual({ instrument: 'I-1', approval: 'I-1/1', outcome: 'refused', why: { ratify: -0.01, total: 0.4, threshold: 0 } });
  });

  it("the step's party is the unit weighed (the partner's legislature weighs the tie to it)", () => {
    expect(ratify('total', { edit: ties, step: { party: 'F-1', approver: 'F-1' } })?.why['total']).toBe(0.7);
  });

  it('reads the position and salience of its unit on the issue, 0 without an issue', () => {
    const edit = (s: Record<string, any>) => {
      s.subnationals[0].position = { acid: 0.3 };
      s.subnationals[2].position = { acid: -0.9 };
    };
    expect(ratify('position', { edit, inst: { issue: 'acid' } })?.why['ratify']).toBe(0.3);
    expect(ratify('position', { edit, inst: { issue: null } })?.why['ratify']).toBe(0);
    expect(ratify('salience', { salience: { 'H-1': 0.45, 'F-1': 0.9 }, inst: { issue: 'acid' } })?.why['ratify']).toBe(0.45);
    expect(ratify('salience', { salience: { 'H-1': 0.45 }, inst: { issue: null } })?.why['ratify']).toBe(0);
  });

  it('noise from the step draw, never in the total', () => {
    const [, n] = draws(['u', 'n']);
    const r = ratify('total + noise', { edit: ties, parameters: { noise: 0.5 } });
    expect(r?.why['total']).toBe(0.4);
    expect(r?.why['ratify']).toBe(Math.round((0.4 + 0.5 * n!) * 1e4) / 1e4);
  });
});

describe('reviewsDue', () => {
  /** An instrument in force between H-1 and F-1, signed at `signed`. */
  const inForce = (id: string, over: Partial<Instrument> = {}) => instrument(id, { status: 'in-force', signedTick: 0, ...over }, []);
  function reviews(list: Instrument[], tick: number, o: Options = {}) {
    const b = build({ instruments: { mou: { cost: 0.2, review: 12 }, visit: { cost: 0.1 } }, ...o, formulas: { renew: 'total', ...o.formulas } });
    b.world.instruments.push(...list);
    b.world.tick = tick;
    const streams = Streams.fromSeed(1);
    return { out: reviewsDue(b.model, b.idx(), streams), streams };
  }
  const ties = (s: Record<string, any>) => {
    s.subnationals[0].tradeTies = { 'F-1': 0.4 };
    s.subnationals[2].tradeTies = { 'H-1': 0.3 };
  };

  it('reviews at the review date, not a tick before; renewed by the initiator', () => {
    expect(reviews([inForce('I-1')], 11, { edit: ties }).out).toEqual([]);
    const { out, streams } = reviews([inForce('I-1')], 12, { edit: ties });
    expect(out).toEqual([{ instrument: 'I-1', renewed: true, by: 'H-1', why: { renew: { 'H-1': 0.4, 'F-1': 0.3 }, threshold: 0, reviewMonths: 12 } }]);
    expectConsumed(streams, 4);
    expect(reviews([inForce('I-1')], 13, { edit: ties }).out.length).toBe(1);
  });

  it('the next review counts from the last renewal', () => {
    expect(reviews([inForce('I-1', { reviewedTick: 12 })], 12).out).toEqual([]);
    expect(reviews([inForce('I-1', { reviewedTick: 12 })], 23).out).toEqual([]);
    expect(reviews([inForce('I-1', { reviewedTick: 12 })], 24).out.length).toBe(1);
    expect(reviews([inForce('I-1', { signedTick: 3, reviewedTick: null })], 14).out).toEqual([]);
    expect(reviews([inForce('I-1', { signedTick: 3, reviewedTick: null })], 15).out.length).toBe(1);
  });

  it('never for instruments not in force, not signed, or without a review', () => {
    const { out, streams } = reviews(
      [inForce('I-1', { status: 'awaiting-approval' }), inForce('I-2', { signedTick: null }), inForce('I-3', { kind: 'visit' }), inForce('I-4', { status: 'lapsed' })],
      40,
    );
    expect(out).toEqual([]);
    expectConsumed(streams, 0);
  });

  it('lapses when a party scores below 0 (exactly 0 renews): the first in role order is named', () => {
    const edit = (s: Record<string, any>) => {
      s.subnationals[0].tradeTies = { 'F-1': 0.5 };
      s.subnationals[2].tradeTies = { 'H-1': 0.2 };
    };
    const one = reviews([inForce('I-1')], 12, { edit, formulas: { renew: 'total - 0.3' } }).out[0]!;
    expect(one).toEqual({ instrument: 'I-1', renewed: false, by: 'F-1', why: { renew: { 'H-1': 0.2, 'F-1': -0.1 }, threshold: 0, reviewMonths: 12 } });
    expect(reviews([inForce('I-1')], 12, { edit, formulas: { renew: 'total - 0.2' } }).out[0]!.renewed).toBe(true);
    // Both below: the initiator, scored first whatever the order of the parties list.
    const both = reviews([inForce('I-1', { parties: ['F-1', 'H-1'] })], 12, { edit, formulas: { renew: 'total - 1' } });
    expect(both.out[0]!.by).toBe('H-1');
    expect(Object.keys(both.out[0]!.why['renew'] as object)).toEqual(['H-1', 'F-1']);
    const partner = reviews([inForce('I-1', { initiator: 'F-1', parties: ['H-1', 'F-1'] })], 12, { edit, formulas: { renew: 'total - 1' } });
    expect(partner.out[0]!.by).toBe('F-1');
  });

  it('one noise draw per subnational party, in role order, whatever the outcome', () => {
    const { out, streams } = reviews([inForce('I-1'), inForce('I-2')], 12, { formulas: { renew: 'noise - 5' }, parameters: { noise: 1 } });
    const [a, b, c, d] = draws(['n', 'n', 'n', 'n']);
    const r = (x: number) => Math.round((x - 5) * 1e4) / 1e4;
    expect(out[0]!.why['renew']).toEqual({ 'H-1': r(a!), 'F-1': r(b!) });
    expect(out[1]!.why['renew']).toEqual({ 'H-1': r(c!), 'F-1': r(d!) });
    expectConsumed(streams, 8);
  });

  it('only subnational parties are scored; an instrument between centrals is not reviewed', () => {
    const edit = (s: Record<string, any>) => (s.subnationals[0].tradeTies = { G: 0.6 });
    const { out } = reviews([inForce('I-1', { parties: ['H-1', 'G'] })], 12, { edit });
    expect(out).toEqual([{ instrument: 'I-1', renewed: true, by: 'H-1', why: { renew: { 'H-1': 0.6 }, threshold: 0, reviewMonths: 12 } }]);
    const centrals = reviews([inForce('I-1', { initiator: 'H', parties: ['H', 'G'] })], 12);
    expect(centrals.out).toEqual([]);
    expectConsumed(centrals.streams, 0);
  });

  it('the tie itself is not counted among existing ties (all goals and the renew scope)', () => {
    const other = inForce('I-2', { kind: 'visit', issue: 'acid' });
    // Core goal: every tie with the partner counts, less the one reviewed.
    expect(reviews([inForce('I-1', { issue: 'acid' }), other], 12, { formulas: { 'goal.economic': 'existingTies' } }).out[0]!.why['renew']).toEqual({ 'H-1': 1, 'F-1': 1 });
    expect(reviews([inForce('I-1', { issue: 'acid' })], 12, { formulas: { 'goal.economic': 'existingTies' } }).out[0]!.why['renew']).toEqual({ 'H-1': 0, 'F-1': 0 });
    expect(reviews([inForce('I-1', { issue: 'acid' }), other], 12, { formulas: { renew: 'existingTies' } }).out[0]!.why['renew']).toEqual({ 'H-1': 1, 'F-1': 1 });
    expect(reviews([inForce('I-1')], 12, { formulas: { renew: 'existingTies' } }).out[0]!.why['renew']).toEqual({ 'H-1': 0, 'F-1': 0 });
  });

  it('an issue goal discounts the tie only when it is on that issue', () => {
    const acidGoal = (s: Record<string, any>) => {
      s.subnationals[0].goals = { acid: 1 };
      s.subnationals[2].goals = { acid: 1 };
    };
    const o = { formulas: { 'goal.acid': 'existingTies' }, edit: acidGoal };
    expect(reviews([inForce('I-1', { issue: 'acid' }), inForce('I-2', { kind: 'visit', issue: 'acid' })], 12, o).out[0]!.why['renew']).toEqual({ 'H-1': 1, 'F-1': 1 });
    expect(reviews([inForce('I-1', { issue: null }), inForce('I-2', { kind: 'visit', issue: 'acid' })], 12, o).out[0]!.why['renew']).toEqual({ 'H-1': 1, 'F-1': 1 });
    expect(reviews([inForce('I-1', { issue: null }), inForce('I-2', { kind: 'visit', issue: null })], 12, o).out[0]!.why['renew']).toEqual({ 'H-1': 0, 'F-1': 0 });
  });

  it('age is months since signing, whatever the tick', () => {
    expect(reviews([inForce('I-1', { signedTick: 2 })], 14, { formulas: { renew: 'age' } }).out[0]!.why['renew']).toEqual({ 'H-1': 12, 'F-1': 12 });
    // Week ticks: signed 2000-01-08 (tick 1), reviewed one month later on the first tick on or after 2000-02-08.
    const week = reviews([inForce('I-1', { signedTick: 1 })], 6, { tick: 'week', formulas: { renew: 'age' }, instruments: { mou: { cost: 0.2, review: 1 } } }).out[0]!;
    const age = Math.round(5 * ((7 * 12) / 365.25) * 1e4) / 1e4;
    expect(week.why).toEqual({ renew: { 'H-1': age, 'F-1': age }, threshold: 0, reviewMonths: 1 });
  });

  it('the total is scored without noise; the noise enters the renew formula once', () => {
    const [a] = draws(['n']);
    const out = reviews([inForce('I-1')], 12, { edit: ties, formulas: { renew: 'total + noise', utility: 'total + 100 * noise' }, parameters: { noise: 0.5 } }).out[0]!;
    expect((out.why['renew'] as Record<string, number>)['H-1']).toBe(Math.round((0.4 + 0.5 * a!) * 1e4) / 1e4);
  });
});
