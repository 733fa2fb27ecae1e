/**
 * Phase `decide` on a tiny hand-built world: candidate partners, the options scored (instrument x partner,
 * lobbying, own laws), the best one proposed at or above the threshold with its alternatives, lessons of a
 * forbidden tie keyed by regime in role order, one office per host, and the draws (deliberation per month,
 * partner sampling, one noise draw per option). Formulas are replaced by simple ones so values are exact.
 */
import { describe, expect, it } from 'vitest';
import type { Instrument, World } from '../../model/world.ts';
import type { RuleSet } from '../../rules/rule-set.ts';
import { scenarioSchema } from '../../scenario/schema.ts';
import { initialWorld } from '../initial-world.ts';
import { buildModel, type Model } from '../model.ts';
import { Streams } from '../rng.ts';
import { WorldIndex } from '../world-index.ts';
import { candidatePartners, decide, issueGoals, lessonKey, type Proposal } from './decide.ts';
import { emissionShare } from './issues.ts';
import { silentRuleSet } from '../../../test/support/silent-rule-sets.ts';

const ruleSet = silentRuleSet;

const KINDS = ['visit', 'mou', 'agreement', 'treaty', 'office', 'forum', 'twinning', 'membership'] as const;
/** Only these instruments enabled, each at cost 0 with the catalog's fits. */
const only = (...kinds: string[]) => Object.fromEntries(KINDS.map((k) => [k, { enabled: kinds.includes(k), cost: 0 }]));

interface Options {
  formulas?: Record<string, string>;
  parameters?: Record<string, number>;
  tick?: 'week' | 'month';
  instruments?: Record<string, unknown>;
  rules?: RuleSet[];
  edit?: (s: Record<string, any>) => void;
}

/**
 * Home H (units H-1, H-2) borders foreign F (unit F-1); G is a far foreign state; NET a network; issue acid.
 * Only H-1 has goals unless a test gives others some, so only H-1 proposes.
 */
function build(o: Options = {}): { model: Model; world: World; idx: () => WorldIndex } {
  const s: Record<string, any> = {
    paradip: 1,
    id: 'decide',
    title: 'Decide',
    calendar: { tick: o.tick ?? 'month', start: '2000-01-01', end: '2005-12-31' },
    centrals: [
      { id: 'H', name: 'Home', ruleSet: 'HX', neighbours: ['F'] },
      { id: 'F', name: 'Foreign', ruleSet: 'FX', neighbours: ['H'] },
      { id: 'G', name: 'Far state', ruleSet: 'FX' },
    ],
    subnationals: [
      { id: 'H-1', name: 'H one', kind: 'region', central: 'H', neighbours: ['F-1'], goals: { economic: 1 }, tradeTies: { 'F-1': 0.9 } },
      { id: 'H-2', name: 'H two', kind: 'region', central: 'H' },
      // F-1 borders H-1 (H-1 says so), but only H-1 looks across: F-1 and H-2 have no partner but the network.
      { id: 'F-1', name: 'F one', kind: 'region', central: 'F' },
    ],
    networks: [{ id: 'NET', name: 'A network' }],
    issues: [{ id: 'acid', name: 'Acid rain', domain: 'environment', units: { 'H-1': { emission: 2 }, 'H-2': { emission: 8 }, 'F-1': { emission: 0, sensitivity: 1 } } }],
    behaviour: {
      parameters: { noise: 0, actThreshold: 0.5, ...o.parameters },
      formulas: { 'goal.economic': 'tradeTie', utility: 'total', lobby: '-100', localLaw: '-100', ...o.formulas },
      instruments: o.instruments ?? only('mou'),
    },
  };
  o.edit?.(s);
  const model = buildModel(scenarioSchema.parse(s), o.rules ?? [ruleSet('HX'), ruleSet('FX')]);
  const world = initialWorld(model, 1);
  return { model, world, idx: () => new WorldIndex(world) };
}

const unit = (w: World, id: string) => w.subnationals.find((u) => u.id === id)!;
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

function inForce(id: string, over: Partial<Instrument> = {}): Instrument {
  return {
    id,
    kind: 'office',
    initiator: 'H-1',
    parties: ['H-1', 'F-1'],
    domain: 'economy',
    issue: null,
    status: 'in-force',
    proposedTick: 0,
    signedTick: 0,
    endedTick: null,
    reviewedTick: null,
    duchacek: 'cross-border',
    protodiplomacy: false,
    citations: [],
    legal: [],
    approvals: [],
    denunciationDemandedTick: null,
    denunciationDemandedBy: null,
    ...over,
  };
}

function run(o: Options = {}, setup?: (w: World) => void, seed = 1, date = '2000-01-01'): { proposals: Proposal[]; streams: Streams } {
  const b = build(o);
  setup?.(b.world);
  const streams = Streams.fromSeed(seed);
  return { proposals: decide(b.model, b.idx(), streams, date), streams };
}

type External = Extract<Proposal, { type: 'external' }>;
const ext = (p: Proposal | undefined) => p as External;
/** H-1's proposal (the unit with goals and partners). */
const h1 = (ps: Proposal[]) => ps.find((p) => p.actor === 'H-1');
/** The i-th uniform of a fresh decide stream. */
const nth = (seed: number, i: number) => {
  const s = Streams.fromSeed(seed);
  for (let k = 0; k < i; k++) s.uniform('decide');
  return s.uniform('decide');
};
/** The options weighed: the chosen action first, then the alternatives shown. */
const weighed = (p: Proposal | undefined) => (p ? [`${p.type === 'external' ? p.instrument : p.type}>${p.type === 'external' ? p.partner : p.issue}`, ...p.why.alternatives.map((a) => `${a.action}>${a.partner ?? a.issue}`)] : []);

/** The stream is exactly `uniforms` uniforms past a fresh one for `seed`. */
function expectConsumed(streams: Streams, uniforms: number, seed = 1): void {
  const fresh = Streams.fromSeed(seed);
  for (let i = 0; i < uniforms; i++) fresh.uniform('decide');
  expect(streams.uniform('decide')).toBe(fresh.uniform('decide'));
}

describe('candidatePartners', () => {
  it('neighbours, trade ties, kin and networks: known ids only, without itself or its own central, sorted once', () => {
    const { world, idx } = build({
      edit: (s) => {
        s.subnationals[0].neighbours = ['F-1', 'H-2'];
        s.subnationals[0].tradeTies = { G: 0.5, H: 0.5, 'F-1': 0.2, XX: 1, 'H-1': 1 };
        s.subnationals[0].kin = ['F', 'F-1'];
      },
    });
    expect(candidatePartners(idx(), unit(world, 'H-1'))).toEqual(['F', 'F-1', 'G', 'H-2', 'NET']);
  });

  it('adds the units co-affected by its issue goals (salience above 0.05), not those of a goal weighted 0', () => {
    const b = build({
      edit: (s) => {
        s.subnationals[0].neighbours = [];
        s.subnationals[0].tradeTies = {};
        s.networks = [];
        s.issues.push({ id: 'smog', name: 'Smog', domain: 'environment' });
      },
    });
    b.world.issues[0]!.units['F-1']!.salience = 0.3;
    b.world.issues[0]!.units['H-2']!.salience = 0.05;
    b.world.issues[0]!.units['H-1']!.salience = 0.9;
    b.world.issues[1]!.units['H-2']!.salience = 0.9;
    const h1 = unit(b.world, 'H-1');
    expect(candidatePartners(b.idx(), h1)).toEqual([]);
    h1.goals = { economic: 1, acid: 1, smog: 0 };
    expect(candidatePartners(b.idx(), h1)).toEqual(['F-1']);
    h1.goals = { economic: 1, acid: 1, smog: 0.5 };
    expect(candidatePartners(b.idx(), h1)).toEqual(['F-1', 'H-2']);
  });

  function crowd(n: number, tick: number) {
    const b = build({
      edit: (s) => {
        s.subnationals[0].neighbours = [];
        s.subnationals[0].tradeTies = {};
        s.networks = [];
        for (let i = 0; i < n; i++) s.subnationals.push({ id: `C-${String(i).padStart(3, '0')}`, name: `c${i}`, kind: 'region', central: 'F' });
      },
    });
    const ids = b.world.subnationals.filter((u) => u.id.startsWith('C-')).map((u) => u.id);
    for (const id of ids) b.world.issues[0]!.units[id]!.salience = 0.5;
    b.world.tick = tick;
    const h1 = unit(b.world, 'H-1');
    h1.goals = { acid: 1 };
    return { got: candidatePartners(b.idx(), h1), ids };
  }

  it('up to 64 co-affected units are all candidates', () => {
    const { got, ids } = crowd(64, 3);
    expect(got).toEqual(ids);
  });

  it('beyond 64, an evenly spaced selection of 64 that rotates with the tick', () => {
    for (const tick of [0, 1, 5]) {
      const { got, ids } = crowd(100, tick);
      const offset = (tick * 7919) % 100;
      const expected = [...new Set(Array.from({ length: 64 }, (_, i) => ids[(offset + Math.floor((i * 100) / 64)) % 100]!))].sort();
      expect(got.length).toBe(64);
      expect(got).toEqual(expected);
    }
    expect(crowd(100, 0).got).not.toEqual(crowd(100, 1).got);
    // 65 units: all but one, and the one left out moves with the tick.
    expect(crowd(65, 0).got.length).toBe(64);
    expect(crowd(65, 0).got).not.toContain('C-064');
  });
});

describe('issueGoals', () => {
  it('issues with a positive weight, in id order; core and unknown goals left out', () => {
    const { world, idx } = build({
      edit: (s) => {
        s.issues.push({ id: 'zeta', name: 'Z', domain: 'environment' }, { id: 'beta', name: 'B', domain: 'environment' });
        s.subnationals[0].goals = { zeta: 1, economic: 1, acid: 0.5, beta: 0, other: 2 };
      },
    });
    expect(issueGoals(idx(), unit(world, 'H-1'))).toEqual(['acid', 'zeta']);
  });
});

describe('emissionShare', () => {
  it("a unit's base emission relative to the largest emitter", () => {
    const { model } = build();
    expect(emissionShare(model.scenario.issues.find((x) => x.id === 'acid'), 'H-1')).toBe(0.25);
    expect(emissionShare(model.scenario.issues.find((x) => x.id === 'acid'), 'H-2')).toBe(1);
    expect(emissionShare(model.scenario.issues.find((x) => x.id === 'acid'), 'F-1')).toBe(0);
    expect(emissionShare(model.scenario.issues.find((x) => x.id === 'acid'), 'nobody')).toBe(0);
    expect(emissionShare(model.scenario.issues.find((x) => x.id === 'no-such-issue'), 'H-1')).toBe(0);
  });

  it('0 for everyone when nobody emits', () => {
    const { model } = build({ edit: (s) => (s.issues[0].units = { 'H-1': { emission: 0 } }) });
    expect(emissionShare(model.scenario.issues.find((x) => x.id === 'acid'), 'H-1')).toBe(0);
  });
});

describe('lessonKey', () => {
  const regimeOf = (c: string) => `R(${c})`;
  it("the actor's regime, then the partner's (role order), '-' for a state or network partner", () => {
    const { world, idx } = build();
    expect(lessonKey(idx(), unit(world, 'H-1'), 'F-1', regimeOf)).toBe('R(H)|R(F)');
    expect(lessonKey(idx(), unit(world, 'F-1'), 'H-1', regimeOf)).toBe('R(F)|R(H)');
    expect(lessonKey(idx(), unit(world, 'H-1'), 'G', regimeOf)).toBe('R(H)|-');
    expect(lessonKey(idx(), unit(world, 'H-1'), 'NET', regimeOf)).toBe('R(H)|-');
  });
});

describe('decide: the best option at or above actThreshold', () => {
  it('proposes the best external option, with its scoring and the why', () => {
    const { proposals } = run({ edit: (s) => (s.subnationals[0].tradeTies = { 'F-1': 0.9, G: 0.2 }) });
    expect(proposals.length).toBe(1);
    const p = ext(proposals[0]);
    expect(p.type).toBe('external');
    expect(p.actor).toBe('H-1');
    expect(p.partner).toBe('F-1');
    expect(p.instrument).toBe('mou');
    expect(p.scored).toEqual({ goals: { economic: 0.9 }, total: 0.9, utility: 0.9, lead: 'economic', domain: 'economy', issue: null });
    expect(p.why).toEqual({ goals: { economic: 0.9 }, terms: { cost: 0, load: 0, noise: 0 }, score: 0.9, threshold: 0.5, alternatives: [{ action: 'mou', partner: 'G', score: 0.2 }] });
  });

  it('proposes at exactly the threshold, not below it', () => {
    expect(run({ parameters: { actThreshold: 0.9 } }).proposals.length).toBe(1);
    expect(run({ parameters: { actThreshold: 0.9001 } }).proposals).toEqual([]);
  });

  it('a low threshold counts (0.3 clears 0.1)', () => {
    const { proposals } = run({ parameters: { actThreshold: 0.1 }, edit: (s) => (s.subnationals[0].tradeTies = { 'F-1': 0.3 }) });
    expect(proposals.length).toBe(1);
    expect(proposals[0]!.why.threshold).toBe(0.1);
  });

  it('rounds the goals and score it reports, not the scoring', () => {
    const p = ext(run({ edit: (s) => (s.subnationals[0].tradeTies = { 'F-1': 0.876543 }) }).proposals[0]);
    expect(p.why.goals).toEqual({ economic: 0.8765 });
    expect(p.why.score).toBe(0.8765);
    expect(p.scored.utility).toBe(0.876543);
  });

  it('on a tie, the first option weighed (partners in id order, instruments in catalog order)', () => {
    const p = ext(run({ formulas: { utility: '1' }, instruments: only('mou', 'visit') }).proposals[0]);
    expect(p.partner).toBe('F-1');
    expect(p.instrument).toBe('visit');
    expect(weighed(p)).toEqual(['visit>F-1', 'mou>F-1']);
  });

  it('shows the five best alternatives, best first (ties in the order weighed)', () => {
    const p = ext(run({ formulas: { 'goal.economic': 'fit' }, instruments: only('visit', 'mou', 'agreement', 'treaty', 'office', 'forum', 'twinning') }).proposals[0]);
    expect(p.instrument).toBe('office');
    expect(p.partner).toBe('F-1');
    expect(p.why.alternatives).toEqual([
      { action: 'treaty', partner: 'F-1', score: 0.8 },
      { action: 'agreement', partner: 'F-1', score: 0.7 },
      { action: 'mou', partner: 'F-1', score: 0.4 },
      { action: 'visit', partner: 'F-1', score: 0.3 },
      { action: 'twinning', partner: 'F-1', score: 0.3 },
    ]);
  });

  it('nothing to weigh, or nothing good enough: no proposal', () => {
    expect(run({ instruments: only() }).proposals).toEqual([]);
    expect(run({ parameters: { actThreshold: -100 }, formulas: { utility: '-100.5' } }).proposals).toEqual([]);
    expect(h1(run({ parameters: { actThreshold: -100 }, formulas: { utility: '-99.5' } }).proposals)?.why.score).toBe(-99.5);
  });

  it('membership only with networks, and networks only for membership', () => {
    const p = h1(run({ parameters: { actThreshold: -10 }, formulas: { utility: '1' }, instruments: only('mou', 'membership') }).proposals);
    expect(weighed(p)).toEqual(['mou>F-1', 'membership>NET']);
  });

  it('every actor that finds an option proposes once, in id order', () => {
    const { proposals } = run({
      edit: (s) => {
        s.subnationals[2].goals = { economic: 1 };
        s.subnationals[2].tradeTies = { 'H-1': 0.7 };
      },
    });
    expect(proposals.map((p) => [p.actor, ext(p).partner, p.why.score])).toEqual([
      ['F-1', 'H-1', 0.7],
      ['H-1', 'F-1', 0.9],
    ]);
  });
});

describe('decide: domestic options', () => {
  const acid = (formulas: Record<string, string>, edit?: (s: Record<string, any>) => void, extra: Options = {}) =>
    run({
      parameters: { actThreshold: -50 },
      instruments: only(),
      ...extra,
      formulas: { lobby: '-60', localLaw: '-60', ...formulas },
      edit: (s) => {
        s.subnationals[0].goals = { economic: 1, acid: 0.5 };
        edit?.(s);
      },
    });

  it('lobbying and an own law on each issue goal, with the issue as the goal of the why', () => {
    const p = acid({ lobby: '0.25', localLaw: '0.125' }).proposals[0]!;
    expect(p).toEqual({ type: 'lobby', actor: 'H-1', issue: 'acid', why: { goals: { acid: 0.25 }, score: 0.25, threshold: -50, alternatives: [{ action: 'local-law', issue: 'acid', score: 0.125 }] } });
    const q = acid({ lobby: '0.125', localLaw: '0.25' }).proposals[0]!;
    expect(q).toEqual({ type: 'local-law', actor: 'H-1', issue: 'acid', why: { goals: { acid: 0.25 }, score: 0.25, threshold: -50, alternatives: [{ action: 'lobby', issue: 'acid', score: 0.125 }] } });
  });

  it('no own law where it has one already', () => {
    const withLaw = run(
      { parameters: { actThreshold: -50 }, instruments: only(), formulas: { lobby: '0.125', localLaw: '0.25' }, edit: (s) => (s.subnationals[0].goals = { acid: 0.5 }) },
      (w) => unit(w, 'H-1').laws.push('acid'),
    ).proposals[0]!;
    expect(withLaw.type).toBe('lobby');
    expect(withLaw.why.alternatives).toEqual([]);
  });

  const value = (variable: string, edit?: (s: Record<string, any>) => void, setup?: (w: World) => void, parameters: Record<string, number> = {}) =>
    run(
      {
        parameters: { actThreshold: -50, ...parameters },
        instruments: only(),
        formulas: { lobby: '-60', localLaw: variable },
        edit: (s) => {
          s.subnationals[0].goals = { economic: 1, acid: 0.5 };
          edit?.(s);
        },
      },
      setup,
    ).proposals[0]!.why.score;

  it('the own-law formula reads each variable of its scope', () => {
    expect(value('weight')).toBe(0.5);
    expect(value('salience', undefined, (w) => (w.issues[0]!.units['H-1']!.salience = 0.375))).toBe(0.375);
    expect(value('damage', undefined, (w) => (w.issues[0]!.units['H-1']!.damage = 0.625))).toBe(0.625);
    expect(value('position', (s) => (s.subnationals[0].position = { acid: -0.25 }))).toBe(-0.25);
    expect(value('centralPosition', (s) => (s.centrals[0].executive = { stance: { acid: 0.75 } }))).toBe(0.75);
    expect(value('capacity', (s) => (s.subnationals[0].capacity = 4))).toBe(4);
    expect(value('emissionShare')).toBe(0.25);
    expect(value('identityStrength', (s) => (s.subnationals[0].attributes = { identityStrength: 0.3 }))).toBe(0.3);
    expect(value('identityStrength')).toBe(0);
  });

  it('load is its instruments in force or pending over its capacity', () => {
    const setup = (w: World) => w.instruments.push(inForce('I-1', { kind: 'mou' }), inForce('I-2', { kind: 'visit', status: 'awaiting-approval' }), inForce('I-3', { kind: 'visit', status: 'expired' }));
    // `load` is a variable of the lobbying formula (not of the own-law one).
    const p = run(
      { parameters: { actThreshold: -50 }, instruments: only(), formulas: { lobby: 'load', localLaw: '-60' }, edit: (s) => Object.assign(s.subnationals[0], { goals: { acid: 0.5 }, capacity: 4 }) },
      setup,
    ).proposals[0]!;
    expect(p.type).toBe('lobby');
    expect(p.why.score).toBe(0.5);
  });

  it('centralLaw is 1 once its own central has a law on the issue (not another central, not a unit)', () => {
    expect(value('centralLaw', undefined, (w) => w.issues[0]!.laws.push({ by: 'H', tick: 0 }))).toBe(1);
    expect(value('centralLaw', undefined, (w) => w.issues[0]!.laws.push({ by: 'F', tick: 0 }, { by: 'H-2', tick: 0 }))).toBe(0);
  });

  it('the lobbying formula is its own (it reads the same scope)', () => {
    const p = acid({ lobby: 'weight * 3', localLaw: '-60' }).proposals[0]!;
    expect(p.type).toBe('lobby');
    expect(p.why.score).toBe(1.5);
  });

  it('noise: one decide draw per option, scaled by parameter noise', () => {
    const { proposals } = acid({ lobby: 'noise', localLaw: 'noise - 10' }, undefined, { parameters: { actThreshold: -50, noise: 0.5 } });
    const s = Streams.fromSeed(1);
    const [a, b] = [s.normal('decide'), s.normal('decide')];
    expect(proposals[0]!.why.score).toBe(r4(0.5 * a));
    expect(proposals[0]!.why.alternatives).toEqual([{ action: 'local-law', issue: 'acid', score: r4(0.5 * b - 10) }]);
  });
});

describe('decide: lessons and offices', () => {
  const offices = { instruments: only('office', 'mou'), formulas: { utility: '1' } };

  it('one office per host: none proposed where it has one in force or pending', () => {
    expect(weighed(run(offices).proposals[0])).toEqual(['mou>F-1', 'office>F-1']);
    expect(weighed(run(offices, (w) => w.instruments.push(inForce('I-1'))).proposals[0])).toEqual(['mou>F-1']);
    expect(weighed(run(offices, (w) => w.instruments.push(inForce('I-1', { status: 'awaiting-approval' }))).proposals[0])).toEqual(['mou>F-1']);
  });

  it("another's office, an office elsewhere, one closed, or another instrument does not count", () => {
    const two = ['mou>F-1', 'office>F-1'];
    expect(weighed(run(offices, (w) => w.instruments.push(inForce('I-1', { initiator: 'F-1' }))).proposals[0])).toEqual(two);
    expect(weighed(run(offices, (w) => w.instruments.push(inForce('I-1', { parties: ['H-1', 'G'] }))).proposals[0])).toEqual(two);
    expect(weighed(run(offices, (w) => w.instruments.push(inForce('I-1', { status: 'lapsed' }))).proposals[0])).toEqual(two);
    expect(weighed(run(offices, (w) => w.instruments.push(inForce('I-1', { kind: 'mou' }))).proposals[0])).toEqual(two);
  });

  const lesson = (key: string, tie = 'mou>F-1', date = '2000-01-01', rules?: RuleSet[]) =>
    weighed(run({ ...offices, rules }, (w) => (unit(w, 'H-1').learned = { [tie]: key }), 1, date).proposals[0]);

  it('a tie learnt forbidden under the regimes in force is not proposed again', () => {
    expect(lesson('HX[]|FX[]')).toEqual(['office>F-1']);
  });

  it('the lesson is keyed in role order, per instrument and partner', () => {
    expect(lesson('FX[]|HX[]')).toEqual(['mou>F-1', 'office>F-1']);
    expect(lesson('HX[]|FX[]', 'mou>G')).toEqual(['mou>F-1', 'office>F-1']);
    expect(lesson('HX[]|FX[]', 'visit>F-1')).toEqual(['mou>F-1', 'office>F-1']);
  });

  it('a lesson learnt under another regime does not hold (the date decides the regime)', () => {
    const rules = [ruleSet('HX', { valid: { to: '2001-01-01' } }), ruleSet('FX')];
    expect(lesson('HX[]|FX[]', 'mou>F-1', '2000-06-01', rules)).toEqual(['office>F-1']);
    expect(lesson('HX[]|FX[]', 'mou>F-1', '2001-06-01', rules)).toEqual(['mou>F-1', 'office>F-1']);
    expect(lesson('silent:HX:2001-01-01[]|FX[]', 'mou>F-1', '2001-06-01', rules)).toEqual(['office>F-1']);
  });

  it('the regime of each party is looked up for every lesson (two units of one country)', () => {
    const b = build({
      ...offices,
      edit: (s) => {
        s.subnationals[1].goals = { economic: 1 };
        s.subnationals[1].neighbours = ['F-1'];
      },
    });
    unit(b.world, 'H-1').learned = { 'mou>F-1': 'HX[]|FX[]' };
    unit(b.world, 'H-2').learned = { 'mou>F-1': 'HX[]|FX[]' };
    const proposals = decide(b.model, b.idx(), Streams.fromSeed(1), '2000-01-01');
    expect(proposals.map(weighed)).toEqual([['office>F-1'], ['office>F-1']]);
  });
});

describe('decide: draws', () => {
  it('month ticks at one deliberation a month: no deliberation draw, one noise draw per option in order', () => {
    const { proposals, streams } = run({
      instruments: only('visit', 'mou'),
      formulas: { utility: 'noise + 10' },
      parameters: { noise: 1 },
      edit: (s) => (s.subnationals[0].tradeTies = { 'F-1': 0.5, G: 0.5 }),
    });
    const s = Streams.fromSeed(1);
    const n = [0, 1, 2, 3].map(() => r4(s.normal('decide') + 10));
    const scores = [proposals[0]!.why.score, ...proposals[0]!.why.alternatives.map((a) => a.score)];
    const weighedOrder = weighed(proposals[0]);
    const expected: Record<string, number> = { 'visit>F-1': n[0]!, 'mou>F-1': n[1]!, 'visit>G': n[2]!, 'mou>G': n[3]! };
    expect(Object.fromEntries(weighedOrder.map((k, i) => [k, scores[i]]))).toEqual(expected);
    expectConsumed(streams, 8);
  });

  it('samples partnersPerTick partners (whole ones) when there are more candidates', () => {
    const edit = (s: Record<string, any>) => {
      s.subnationals[0].tradeTies = { 'F-1': 0.5, G: 0.5, F: 0.5 };
      s.networks = [];
    };
    const three = run({ formulas: { utility: '1' }, edit, parameters: { partnersPerTick: 3 } });
    expect(weighed(three.proposals[0]).length).toBe(3);
    expectConsumed(three.streams, 6);
    const one = run({ formulas: { utility: '1' }, edit, parameters: { partnersPerTick: 1.9 } });
    expect(weighed(one.proposals[0]).length).toBe(1);
    // One uniform to sample, one normal to score.
    expectConsumed(one.streams, 3);
    const none = run({ formulas: { utility: '1' }, edit, parameters: { partnersPerTick: -1 } });
    expect(none.proposals).toEqual([]);
    expectConsumed(none.streams, 0);
  });

  it('deliberation is a rate per month: under week ticks a unit deliberates with chance rate x dt, one draw each', () => {
    const dt = (7 * 12) / 365.25;
    // Seeds whose second decide draw (H-1's: units deliberate in id order, F-1 first) is above / below the weekly chance.
    let above = 1;
    while (nth(above, 1) < 0.5) above++;
    let below = 1;
    while (nth(below, 1) >= dt - 0.02) below++;
    const week = { tick: 'week' as const };
    const silent = run(week, undefined, above);
    expect(silent.proposals).toEqual([]);
    // Every unit draws once, whether it deliberates or has nothing to weigh.
    expectConsumed(silent.streams, 3, above);
    expect(run(week, undefined, below).proposals.length).toBe(1);
    // A rate of 4 a month is nearly once a week (0.92); 5 a month caps at 1: no draw.
    const capped = run({ ...week, parameters: { deliberationRate: 5 } }, undefined, above);
    expect(capped.proposals.length).toBe(1);
    expectConsumed(capped.streams, 2, above);
    let between = 1;
    while (!(nth(between, 1) > 0.5 && nth(between, 1) < 0.9)) between++;
    expect(run({ ...week, parameters: { deliberationRate: 4 } }, undefined, between).proposals.length).toBe(1);
    expect(run({ ...week, parameters: { deliberationRate: 2 } }, undefined, between).proposals).toEqual([]);
  });

  it('under month ticks a rate of 0.5 a month is a chance of one half', () => {
    let above = 1;
    while (nth(above, 1) < 0.55) above++;
    let below = 1;
    while (nth(below, 1) >= 0.45) below++;
    expect(run({ parameters: { deliberationRate: 0.5 } }, undefined, above).proposals).toEqual([]);
    expect(run({ parameters: { deliberationRate: 0.5 } }, undefined, below).proposals.length).toBe(1);
  });
});
