/**
 * Phase `central` on a hand-made world with scripted random draws: what each formula reads, when a law
 * passes, when centrals conclude an agreement (and consult first), how powers over units' instruments are
 * used, and how relation modes are scored. Decisions only: nothing in the world changes.
 */
import { describe, expect, it } from 'vitest';
import { dateOf } from '../../model/calendar.ts';
import type { Instrument, World } from '../../model/world.ts';
import type { PowerRule, RuleSet } from '../../rules/rule-set.ts';
import { scenarioSchema } from '../../scenario/schema.ts';
import { initialWorld } from '../initial-world.ts';
import { buildModel, type Model } from '../model.ts';
import type { Streams } from '../rng.ts';
import { WorldIndex } from '../world-index.ts';
import { central, relationMode, type RelationScores } from './central.ts';
import { RELATIONS } from '../../model/vocabulary.ts';

function ruleSet(id: string, extra: Partial<RuleSet> = {}): RuleSet {
  return {
    id, country: id, name: `Rule set ${id}`, valid: {}, legalBasis: 'test', sources: [], subnationalKinds: ['land', 'region'], rules: [], powers: [],
    silence: { binding: 'allow', nonBinding: 'allow', citation: `${id} silence` }, silent: [], options: {}, ...extra,
  };
}

/** Random draws in a script: uniforms and normals in order (0.99 and 0 once the script runs out), every call recorded. */
class Script {
  readonly calls: string[] = [];
  constructor(
    private readonly uniforms: number[] = [],
    private readonly normals: number[] = [],
  ) {}
  uniform(stream: string): number {
    this.calls.push(`u:${stream}`);
    return this.uniforms.length > 0 ? this.uniforms.shift()! : 0.99;
  }
  normal(stream: string): number {
    this.calls.push(`n:${stream}`);
    return this.normals.length > 0 ? this.normals.shift()! : 0;
  }
}

interface Setup {
  tick?: 'month' | 'week';
  parameters?: Record<string, number>;
  formulas?: Record<string, string>;
  powers?: PowerRule[];
  /** Powers of B's rule set (B is OPEN-like otherwise). */
  powersB?: PowerRule[];
  agreement?: { between: [string, string]; instrument?: string; requiresLaw?: string[] } | null;
  noRuleSetForA?: boolean;
  /** B and C without a rule set in force (so they use no power). */
  noRuleSetForB?: boolean;
  /** Centrals that may pass a law on env (A unless said). */
  law?: string[] | null;
}

function setup(o: Setup = {}) {
  const scenario = scenarioSchema.parse({
    paradip: 1, id: 'central', title: 'Central', calendar: { tick: o.tick ?? 'month', start: '2000-01', end: '2003-12' },
    centrals: [
      {
        id: 'A', name: 'Alpha', ruleSet: 'HOME', neighbours: ['B'], executive: { leader: 'Ada', stance: { env: 0.3 } }, attitude: { B: 0.9, C: -0.4 },
        legislature: {
          chambers: [
            { id: 'lower', name: 'Lower', threshold: 0.5, support: { env: 0.6 }, gatekeepers: [{ id: 'g1', name: 'G1', role: 'chair', position: { env: 0.2 } }, { id: 'g2', name: 'G2', role: 'leader', position: { env: 0.1 } }] },
            { id: 'upper', name: 'Upper', threshold: 0.6, support: { env: 0.7 } },
          ],
        },
      },
      { id: 'B', name: 'Beta', ruleSet: 'BETA', neighbours: ['A'], executive: { stance: { env: 0.7 } } },
      { id: 'C', name: 'Gamma', ruleSet: 'BETA', executive: { stance: { env: -0.5 } } },
    ],
    subnationals: [
      { id: 'A-1', name: 'Alpha one', kind: 'land', central: 'A', neighbours: ['B-1'], competences: ['environment', 'economy'], goals: { env: 1 } },
      { id: 'A-2', name: 'Alpha two', kind: 'land', central: 'A', competences: ['economy'] },
      { id: 'A-3', name: 'Alpha three', kind: 'land', central: 'A', competences: ['environment'] },
      { id: 'B-1', name: 'Beta one', kind: 'region', central: 'B', neighbours: ['A-1'], competences: ['environment'] },
      { id: 'C-1', name: 'Gamma one', kind: 'region', central: 'C' },
    ],
    issues: [
      { id: 'env', name: 'Environment', domain: 'environment', law: o.law === undefined ? { centrals: ['A'] } : o.law && { centrals: o.law }, agreement: o.agreement === undefined ? null : o.agreement },
      { id: 'air', name: 'Air', domain: 'atmosphere' },
    ],
    behaviour: { parameters: o.parameters ?? {}, formulas: o.formulas ?? {} },
  });
  const ruleSets = [ruleSet('HOME', { powers: o.powers ?? [], valid: o.noRuleSetForA ? { from: '2010-01-01' } : {} }), ruleSet('BETA', { powers: o.powersB ?? [], valid: o.noRuleSetForB ? { from: '2010-01-01' } : {} })];
  const model = buildModel(scenario, ruleSets);
  const world = initialWorld(model, 1);
  return { model, world };
}

function decide(model: Model, world: World, tick = 0, script = new Script()) {
  world.tick = tick;
  const before = JSON.stringify(world);
  const out = central(model, new WorldIndex(world), script as unknown as Streams, dateOf(model.calendar, tick));
  expect(JSON.stringify(world)).toBe(before);
  return { ...out, relations: listed(world, out.relations) };
}

/** The relation scores as one record per scored unit, in world order, with its why where the mode changes. */
function listed(world: World, r: RelationScores): { subnational: string; score: number; mode: string; why?: Record<string, unknown> }[] {
  return world.subnationals.flatMap((u, i) => {
    if (Number.isNaN(r.score[i]!)) return [];
    const why = r.why.get(i);
    return [{ subnational: u.id, score: r.score[i]!, mode: RELATIONS[r.mode[i]!]!, ...(why ? { why } : {}) }];
  });
}

const c = (world: World, id: string) => world.centrals.find((x) => x.id === id)!;
const u = (world: World, id: string) => world.subnationals.find((x) => x.id === id)!;
const issue = (world: World, id: string) => world.issues.find((x) => x.id === id)!;

function inForce(world: World, o: Partial<Instrument> & { id: string }): Instrument {
  const inst: Instrument = {
    kind: 'mou', initiator: 'A-1', parties: ['A-1', 'B-1'], domain: 'environment', issue: 'env', status: 'in-force', proposedTick: 0, signedTick: 0,
    endedTick: null, reviewedTick: null, duchacek: 'cross-border', protodiplomacy: false, citations: [], legal: [], approvals: [], denunciationDemandedTick: null, denunciationDemandedBy: null, ...o,
  };
  world.instruments.push(inst);
  return inst;
}

/** A world where every input of the centrals' formulas on `env` has a distinct value. */
function richWorld(o: Setup = {}) {
  const s = setup(o);
  const { world } = s;
  c(world, 'A').executive.position['env'] = 0.25;
  world.pressure['A'] = { env: 0.123456 };
  delete world.pressure['C'];
  const env = issue(world, 'env');
  env.units['A-1'] = { emission: 0, deposition: 0, damage: 0.5, salience: 0.6 };
  env.units['A-2'] = { emission: 0, deposition: 0, damage: 0.1, salience: 0.2 };
  env.units['A-3'] = { emission: 0, deposition: 0, damage: 0, salience: 0.9 };
  env.laws.push({ by: 'A-1', tick: 0 }, { by: 'A-2', tick: 0 }, { by: 'A-3', tick: 0 });
  inForce(world, { id: 'i000001' });
  return s;
}

describe('central: executive positions', () => {
  it('every central moves on every issue by centralPosition; the reasons are its inputs, rounded', () => {
    const { model, world } = richWorld();
    const out = decide(model, world);
    const zero = { stance: 0, pressure: 0, salience: 0, ties: 0, laws: 0 };
    expect(out.positions).toEqual([
      { central: 'A', issue: 'air', value: 0, why: { ...zero, foreign: 0 } },
      { central: 'A', issue: 'env', value: 0.3 + 0.2 * 0.123456 + 0.1 * 0.4, why: { stance: 0.3, pressure: 0.1235, salience: 0.4, ties: 1, laws: 3, foreign: 0.7 } },
      { central: 'B', issue: 'air', value: 0, why: { ...zero, foreign: 0 } },
      { central: 'B', issue: 'env', value: 0.7, why: { ...zero, stance: 0.7, ties: 1, foreign: 0.25 } },
      { central: 'C', issue: 'air', value: 0, why: { ...zero, foreign: 0 } },
      { central: 'C', issue: 'env', value: -0.5, why: { ...zero, stance: -0.5, foreign: 0.7 } },
    ]);
  });

  const inputs: [string, number][] = [['stance', 0.3], ['position', 0.25], ['pressure', 0.123456], ['salience', 0.4], ['ties', 1], ['laws', 3], ['foreign', 0.7]];
  it.each(inputs)('centralPosition reads %s', (name, value) => {
    const { model, world } = richWorld({ formulas: { centralPosition: name } });
    expect(decide(model, world).positions.find((p) => p.central === 'A' && p.issue === 'env')!.value).toBeCloseTo(value, 12);
  });

  it('centralPosition reads law: 1 once the central itself has enacted a law on the issue (a unit\'s law does not count)', () => {
    const { model, world } = setup({ formulas: { centralPosition: 'law' } });
    const law = () => Object.fromEntries(decide(model, world).positions.filter((p) => p.issue === 'env').map((p) => [p.central, p.value]));
    issue(world, 'env').laws.push({ by: 'A-1', tick: 0 });
    expect(law()).toEqual({ A: 0, B: 0, C: 0 });
    issue(world, 'env').laws.push({ by: 'A', tick: 0 });
    expect(law()).toEqual({ A: 1, B: 0, C: 0 });
  });

  it('foreign is the highest other position, and never below 0', () => {
    const { model, world } = setup({ formulas: { centralPosition: 'foreign' } });
    const pos = (o: Record<string, number>) => {
      for (const [id, v] of Object.entries(o)) c(world, id).executive.position['env'] = v;
      return Object.fromEntries(decide(model, world).positions.filter((p) => p.issue === 'env').map((p) => [p.central, p.value]));
    };
    expect(pos({ A: 0.4, B: 0.2, C: 0.9 })).toEqual({ A: 0.9, B: 0.9, C: 0.4 });
    expect(pos({ A: 0.4, B: 0.6, C: 0.1 })).toEqual({ A: 0.6, B: 0.4, C: 0.6 });
    expect(pos({ A: 0.9, B: 0.2, C: 0.5 })).toEqual({ A: 0.5, B: 0.9, C: 0.9 });
    expect(pos({ A: 0.5, B: 0.5, C: 0.1 })).toEqual({ A: 0.5, B: 0.5, C: 0.5 });
    expect(pos({ A: 0.3, B: -0.2, C: -0.6 })).toEqual({ A: 0, B: 0.3, C: 0.3 });
    expect(pos({ A: -0.3, B: -0.2, C: -0.6 })).toEqual({ A: 0, B: 0, C: 0 });
  });
});

describe('central: chambers and gatekeepers', () => {
  it('every chamber\'s support moves by chamberSupport, every gatekeeper by gatekeeperPosition', () => {
    const { model, world } = richWorld();
    const out = decide(model, world);
    const a = 1 - 0.95;
    const position = 0.3 + 0.2 * 0.123456 + 0.1 * 0.4;
    const target = (support: number) => support + a * (0.2 + 0.3 * 0.123456 + 0.3 * 0.4 + 0.3 * position - support);
    expect(out.support.map((s) => [s.central, s.chamber, s.issue])).toEqual([['A', 'lower', 'air'], ['A', 'upper', 'air'], ['A', 'lower', 'env'], ['A', 'upper', 'env']]);
    expect(out.support[2]!.value).toBeCloseTo(target(0.6), 12);
    expect(out.support[3]!.value).toBeCloseTo(target(0.7), 12);
    expect(out.support[0]!.value).toBeCloseTo(target(0) - a * (0.3 * 0.123456 + 0.3 * 0.4 + 0.3 * position), 12);
    expect(out.gatekeepers).toEqual([
      { central: 'A', chamber: 'lower', gatekeeper: 'g1', issue: 'air', value: 0 },
      { central: 'A', chamber: 'lower', gatekeeper: 'g2', issue: 'air', value: 0 },
      { central: 'A', chamber: 'lower', gatekeeper: 'g1', issue: 'env', value: 0.2 },
      { central: 'A', chamber: 'lower', gatekeeper: 'g2', issue: 'env', value: 0.1 },
    ]);
  });

  const chamberInputs: [string, number][] = [['support', 0.7], ['pressure', 0.123456], ['salience', 0.4], ['ties', 1], ['laws', 3], ['foreign', 0.7], ['position', 0.3]];
  it.each(chamberInputs)('chamberSupport reads %s (upper chamber, env)', (name, value) => {
    const { model, world } = richWorld({ formulas: { chamberSupport: name, centralPosition: 'stance' } });
    const out = decide(model, world);
    expect(out.support.find((s) => s.chamber === 'upper' && s.issue === 'env')!.value).toBeCloseTo(value, 12);
    expect(out.support.find((s) => s.chamber === 'lower' && s.issue === 'env')!.value).toBeCloseTo(name === 'support' ? 0.6 : value, 12);
  });

  const gatekeeperInputs: [string, number, number][] = [['position', 0.2, 0.1], ['pressure', 0.123456, 0.123456], ['salience', 0.4, 0.4], ['ties', 1, 1], ['laws', 3, 3], ['executive', 0.3, 0.3], ['support', 0.6, 0.6]];
  it.each(gatekeeperInputs)('gatekeeperPosition reads %s', (name, g1, g2) => {
    const { model, world } = richWorld({ formulas: { gatekeeperPosition: name, centralPosition: 'stance' } });
    const out = decide(model, world).gatekeepers.filter((g) => g.issue === 'env');
    expect(out.map((g) => g.gatekeeper)).toEqual(['g1', 'g2']);
    expect(out[0]!.value).toBeCloseTo(g1, 12);
    expect(out[1]!.value).toBeCloseTo(g2, 12);
  });
});

describe('central: national law', () => {
  const why = (o: { g1?: number; g2?: number; lower?: number; upper?: number; executive?: number; gate?: number } = {}) => ({
    gatekeepers: [{ name: 'G1', role: 'chair', position: o.g1 ?? 0.2 }, { name: 'G2', role: 'leader', position: o.g2 ?? 0.1 }],
    support: { Lower: o.lower ?? 0.6, Upper: o.upper ?? 0.7 },
    thresholds: { Lower: 0.5, Upper: 0.6 },
    executive: o.executive ?? 0.3,
    gate: o.gate ?? 0,
  });
  const lawSetup = (parameters: Record<string, number> = {}) => setup({ parameters, formulas: { centralPosition: 'stance' } });

  it('ready: every gate open, every chamber at its threshold, the executive for it; enacted on a draw under lawChance', () => {
    const { model, world } = lawSetup({ lawChance: 0.4 });
    const script = new Script([0.39]);
    const out = decide(model, world, 0, script);
    expect(out.lawStatus).toEqual([{ central: 'A', issue: 'env', status: 'ready', why: { ...why(), blockers: [], short: [] } }]);
    expect(out.laws).toEqual([{ central: 'A', issue: 'env', why: why() }]);
    expect(script.calls).toEqual(['u:central']);
  });

  it('a chamber exactly at its threshold has the votes', () => {
    const { model, world } = lawSetup();
    c(world, 'A').legislature!.chambers[1]!.support['env'] = 0.6;
    expect(decide(model, world).lawStatus).toEqual([{ central: 'A', issue: 'env', status: 'ready', why: { ...why({ upper: 0.6 }), blockers: [], short: [] } }]);
  });

  it('a draw at lawChance enacts nothing; a status already recorded is not reported again', () => {
    const { model, world } = lawSetup({ lawChance: 0.4 });
    world.lawStatus['A'] = { env: 'ready' };
    const out = decide(model, world, 0, new Script([0.4]));
    expect(out.lawStatus).toEqual([]);
    expect(out.laws).toEqual([]);
  });

  it('lawChance is per month: under week ticks a tick gets 1 - (1 - p) ^ dt', () => {
    const { model, world } = setup({ tick: 'week', parameters: { lawChance: 0.5 }, formulas: { centralPosition: 'stance' } });
    const p = 1 - Math.pow(0.5, (7 * 12) / 365.25);
    expect(decide(model, world, 0, new Script([p - 1e-9])).laws).toHaveLength(1);
    expect(decide(model, world, 0, new Script([p + 1e-9])).laws).toHaveLength(0);
  });

  it('gatekeeper: any gatekeeper below the gate blocks, named with its role; one at the gate does not', () => {
    const { model, world } = lawSetup({ gate: 0.15, lawChance: 1 });
    const out = decide(model, world, 0, new Script([0]));
    expect(out.lawStatus).toEqual([{ central: 'A', issue: 'env', status: 'gatekeeper', why: { ...why({ gate: 0.15 }), blockers: ['G2 (leader)'], short: [] } }]);
    expect(out.laws).toEqual([]);
    const { model: m2, world: w2 } = lawSetup({ gate: 0.1, lawChance: 1 });
    expect(decide(m2, w2).lawStatus[0]!.status).toBe('ready');
  });

  it('a gatekeeper with no position on the issue stands at 0', () => {
    const { model, world } = lawSetup({ gate: 0.05 });
    delete c(world, 'A').legislature!.chambers[0]!.gatekeepers[0]!.position['env'];
    const out = decide(model, world);
    expect(out.lawStatus[0]).toMatchObject({ status: 'gatekeeper', why: { blockers: ['G1 (chair)'], gatekeepers: [{ name: 'G1', position: 0 }, { name: 'G2', position: 0.1 }] } });
  });

  it('votes: a chamber short of its threshold blocks once the gates are open', () => {
    const { model, world } = lawSetup({ lawChance: 1 });
    c(world, 'A').legislature!.chambers[1]!.support['env'] = 0.59;
    const out = decide(model, world, 0, new Script([0]));
    expect(out.lawStatus).toEqual([{ central: 'A', issue: 'env', status: 'votes', why: { ...why({ upper: 0.59 }), blockers: [], short: ['Upper'] } }]);
    expect(out.laws).toEqual([]);
    delete c(world, 'A').legislature!.chambers[0]!.support['env'];
    expect(decide(model, world).lawStatus[0]).toMatchObject({ status: 'votes', why: { short: ['Lower', 'Upper'], support: { Lower: 0, Upper: 0.59 } } });
  });

  it('gatekeepers come before votes', () => {
    const { model, world } = lawSetup({ gate: 0.5 });
    c(world, 'A').legislature!.chambers[1]!.support['env'] = 0.1;
    expect(decide(model, world).lawStatus[0]).toMatchObject({ status: 'gatekeeper', why: { blockers: ['G1 (chair)', 'G2 (leader)'], short: ['Upper'] } });
  });

  it('executive: below lawExecutiveMin the executive would veto; at it, the law is ready', () => {
    const below = lawSetup({ lawExecutiveMin: 0.31, lawChance: 1 });
    const out = decide(below.model, below.world, 0, new Script([0]));
    expect(out.lawStatus).toEqual([{ central: 'A', issue: 'env', status: 'executive', why: { ...why(), blockers: [], short: [] } }]);
    expect(out.laws).toEqual([]);
    const at = lawSetup({ lawExecutiveMin: 0.3 });
    expect(decide(at.model, at.world).lawStatus[0]!.status).toBe('ready');
  });

  it('the executive\'s position this tick decides, rounded in the reasons', () => {
    const { model, world } = setup({ formulas: { centralPosition: 'stance - 0.123456' }, parameters: { lawExecutiveMin: 0.2 } });
    expect(decide(model, world).lawStatus[0]).toMatchObject({ status: 'executive', why: { executive: 0.1765 } });
  });

  it('a central without a legislature passes a law on its executive\'s position alone', () => {
    const { model, world } = lawSetup({ lawChance: 1 });
    c(world, 'A').legislature = null;
    const out = decide(model, world, 0, new Script([0]));
    expect(out.lawStatus).toEqual([{ central: 'A', issue: 'env', status: 'ready', why: { gatekeepers: [], support: {}, thresholds: {}, executive: 0.3, gate: 0, blockers: [], short: [] } }]);
    expect(out.laws).toHaveLength(1);
  });

  it('no law step for a central not named by the issue, or one that has its law already', () => {
    const { model, world } = lawSetup({ lawChance: 1 });
    issue(world, 'env').laws.push({ by: 'A', tick: 0 });
    const script = new Script([0, 0, 0]);
    const out = decide(model, world, 0, script);
    expect(out.lawStatus).toEqual([]);
    expect(out.laws).toEqual([]);
    expect(script.calls).toEqual([]);
  });

  it('a unit\'s law on the issue is not the central\'s', () => {
    const { model, world } = lawSetup({ lawChance: 1 });
    issue(world, 'env').laws.push({ by: 'A-1', tick: 0 });
    expect(decide(model, world, 0, new Script([0])).laws).toHaveLength(1);
  });

  it('a status change is reported against the recorded one (blocked after ready, and ready again)', () => {
    const { model, world } = lawSetup({ gate: 0.15 });
    world.lawStatus['A'] = { env: 'ready' };
    expect(decide(model, world).lawStatus.map((s) => s.status)).toEqual(['gatekeeper']);
    world.lawStatus['A'] = { env: 'gatekeeper' };
    expect(decide(model, world).lawStatus).toEqual([]);
    delete world.lawStatus['A'];
    expect(decide(model, world).lawStatus.map((s) => s.status)).toEqual(['gatekeeper']);
  });
});

describe('central: agreements between centrals', () => {
  const agreement = { between: ['A', 'B'] as [string, string] };
  const agreeSetup = (o: Setup = {}) => {
    const s = setup({ agreement, law: null, formulas: { centralPosition: 'position' }, ...o });
    c(s.world, 'A').executive.position['env'] = 0.4;
    c(s.world, 'B').executive.position['env'] = 0.5;
    return s;
  };

  it('concluded when both positions reach agreementMin and the draw is under agreementChance', () => {
    const { model, world } = agreeSetup({ parameters: { agreementChance: 0.25, agreementMin: 0.4 } });
    const out = decide(model, world, 0, new Script([0.2499]));
    expect(out.agreements).toEqual([{ between: ['A', 'B'], issue: 'env', instrument: 'treaty', why: { positions: { A: 0.4, B: 0.5 }, agreementMin: 0.4, lawsInPlace: [] } }]);
    expect(out.consultations).toEqual([]);
    expect(decide(model, world, 0, new Script([0.25])).agreements).toEqual([]);
  });

  it('agreementChance is per month: under week ticks a tick gets 1 - (1 - p) ^ dt', () => {
    const { model, world } = agreeSetup({ tick: 'week', parameters: { agreementChance: 0.5 } });
    const p = 1 - Math.pow(0.5, (7 * 12) / 365.25);
    expect(decide(model, world, 0, new Script([p - 1e-9])).agreements).toHaveLength(1);
    expect(decide(model, world, 0, new Script([p + 1e-9])).agreements).toHaveLength(0);
  });

  it('no agreement while either position is below agreementMin; positions are read rounded', () => {
    const { model, world } = agreeSetup({ parameters: { agreementChance: 1, agreementMin: 0.45 } });
    expect(decide(model, world, 0, new Script([0])).agreements).toEqual([]);
    c(world, 'A').executive.position['env'] = 0.44999999;
    expect(decide(model, world, 0, new Script([0])).agreements).toHaveLength(1);
    c(world, 'A').executive.position['env'] = 0.6;
    c(world, 'B').executive.position['env'] = 0.449;
    expect(decide(model, world, 0, new Script([0])).agreements).toEqual([]);
    delete c(world, 'B').executive.position['env'];
    expect(decide(model, world, 0, new Script([0])).agreements).toEqual([]);
  });

  it('agreementSpan: the chance is agreementChance times the overlap above agreementMin over the span, at most 1', () => {
    // Positions A 0.4, B 0.5: the overlap above 0.3 is 0.1, so with a span of 0.4 the chance is a quarter.
    const { model, world } = agreeSetup({ parameters: { agreementChance: 0.8, agreementMin: 0.3, agreementSpan: 0.4 } });
    expect(decide(model, world, 0, new Script([0.2 - 1e-9])).agreements).toHaveLength(1);
    expect(decide(model, world, 0, new Script([0.2 + 1e-9])).agreements).toEqual([]);
    c(world, 'A').executive.position['env'] = 0.9; // B's 0.5 is now the lower: an overlap of 0.2, half the span
    expect(decide(model, world, 0, new Script([0.4 - 1e-9])).agreements).toHaveLength(1);
    expect(decide(model, world, 0, new Script([0.4 + 1e-9])).agreements).toEqual([]);
    c(world, 'B').executive.position['env'] = 0.95; // beyond the span: the full chance
    expect(decide(model, world, 0, new Script([0.8 - 1e-9])).agreements).toHaveLength(1);
    expect(decide(model, world, 0, new Script([0.8 + 1e-9])).agreements).toEqual([]);
  });

  it('the default agreementMin is 0.3', () => {
    const { model, world } = agreeSetup({ parameters: { agreementChance: 1 } });
    c(world, 'A').executive.position['env'] = 0.3;
    expect(decide(model, world, 0, new Script([0])).agreements[0]!.why).toEqual({ positions: { A: 0.3, B: 0.5 }, agreementMin: 0.3, lawsInPlace: [] });
    c(world, 'A').executive.position['env'] = 0.29;
    expect(decide(model, world, 0, new Script([0])).agreements).toEqual([]);
  });

  it('an agreement that requires laws waits for every one of them (the central\'s own law, not a unit\'s)', () => {
    const { model, world } = agreeSetup({ agreement: { between: ['A', 'B'], instrument: 'agreement', requiresLaw: ['A', 'B'] }, parameters: { agreementChance: 1 } });
    issue(world, 'env').laws.push({ by: 'A', tick: 0 }, { by: 'B-1', tick: 0 });
    expect(decide(model, world, 0, new Script([0])).agreements).toEqual([]);
    issue(world, 'env').laws.push({ by: 'B', tick: 0 });
    expect(decide(model, world, 0, new Script([0])).agreements).toEqual([{ between: ['A', 'B'], issue: 'env', instrument: 'agreement', why: { positions: { A: 0.4, B: 0.5 }, agreementMin: 0.3, lawsInPlace: ['A', 'B'] } }]);
  });

  it('not concluded again while one is in force between them; an ended one, another kind, another issue or other parties do not count', () => {
    const { model, world } = agreeSetup({ parameters: { agreementChance: 1 } });
    const other = { initiator: 'A', parties: ['A', 'B'], duchacek: null, kind: 'treaty' as const };
    inForce(world, { ...other, id: 'i1', status: 'denounced' });
    inForce(world, { ...other, id: 'i2', kind: 'mou' });
    inForce(world, { ...other, id: 'i3', issue: 'air' });
    inForce(world, { ...other, id: 'i4', parties: ['A', 'C'] });
    expect(decide(model, world, 0, new Script([0])).agreements).toHaveLength(1);
    inForce(world, { ...other, id: 'i5', parties: ['B', 'A'] });
    const script = new Script([0]);
    expect(decide(model, world, 0, script).agreements).toEqual([]);
    expect(script.calls).toEqual(['u:central']);
  });

  it('a duty to consult: the central consults its units with the competence first, and concludes consultMonths later', () => {
    const consult: PowerRule = { power: 'consult', citation: 'consult citation' };
    const { model, world } = agreeSetup({ powers: [consult], parameters: { agreementChance: 1, consultMonths: 2 } });
    u(world, 'A-1').position['env'] = 0.123456;
    const out = decide(model, world, 3, new Script([0]));
    expect(out.consultations).toEqual([{ central: 'A', issue: 'env', instrument: 'treaty', subnationals: ['A-1', 'A-3'], citation: 'consult citation', why: { positions: { 'A-1': 0.1235, 'A-3': 0 }, concludeAfterMonths: 2 } }]);
    expect(out.agreements).toEqual([]);
    world.consultations = { A: { env: 3 } };
    expect(decide(model, world, 4, new Script([0]))).toMatchObject({ consultations: [], agreements: [] });
    expect(decide(model, world, 5, new Script([0]))).toMatchObject({ consultations: [], agreements: [{ between: ['A', 'B'] }] });
  });

  it('the default wait after consulting is 3 months; a consultMonths that is no duration waits as long', () => {
    for (const consultMonths of [3, -1]) {
      const { model, world } = agreeSetup({ powers: [{ power: 'consult', citation: 'c' }], parameters: { agreementChance: 1, consultMonths } });
      world.consultations = { A: { env: 1 } };
      expect(decide(model, world, 3, new Script([0])).agreements).toEqual([]);
      expect(decide(model, world, 4, new Script([0])).agreements).toHaveLength(1);
    }
  });

  it('a consultation on another issue does not count', () => {
    const { model, world } = agreeSetup({ powers: [{ power: 'consult', citation: 'c' }], parameters: { agreementChance: 1 } });
    world.consultations = { A: { air: 0 } };
    expect(decide(model, world, 9, new Script([0])).consultations).toHaveLength(1);
  });

  it('each central with the duty consults; the other\'s duty holds the agreement too', () => {
    const { model, world } = agreeSetup({ powers: [{ power: 'consult', citation: 'a' }], powersB: [{ power: 'consult', citation: 'b' }], parameters: { agreementChance: 1 } });
    world.consultations = { A: { env: 0 } };
    const out = decide(model, world, 6, new Script([0]));
    expect(out.consultations).toEqual([{ central: 'B', issue: 'env', instrument: 'treaty', subnationals: ['B-1'], citation: 'b', why: { positions: { 'B-1': 0 }, concludeAfterMonths: 3 } }]);
    expect(out.agreements).toEqual([]);
  });

  it('a consult power that does not reach the instrument, or needs a conclusion date, imposes no duty', () => {
    for (const power of [{ power: 'consult', instruments: ['mou'], citation: 'c' }, { power: 'consult', concludedFrom: '1990-01-01', citation: 'c' }] as PowerRule[]) {
      const { model, world } = agreeSetup({ powers: [power], parameters: { agreementChance: 1 } });
      const out = decide(model, world, 0, new Script([0]));
      expect(out.consultations).toEqual([]);
      expect(out.agreements).toHaveLength(1);
    }
  });

  it('a central with no rule set in force consults no one', () => {
    const { model, world } = agreeSetup({ noRuleSetForA: true, powersB: [], parameters: { agreementChance: 1 } });
    expect(decide(model, world, 0, new Script([0])).agreements).toHaveLength(1);
  });

  it('the draw for an agreement is taken whatever happens, one per issue with an agreement', () => {
    const { model, world } = agreeSetup({ parameters: { agreementMin: 0.9 } });
    const script = new Script();
    decide(model, world, 0, script);
    expect(script.calls).toEqual(['u:central']);
  });
});

describe('central: powers over units\' instruments', () => {
  const demand: PowerRule = { power: 'demand-denunciation', citation: 'demand citation' };
  const denounce: PowerRule = { power: 'denounce', citation: 'denounce citation' };
  const takeOver: PowerRule = { power: 'take-over', citation: 'take-over citation' };
  /** Central A reviews its units' instruments: one uniform (reviewed?) and one normal (noise) per instrument. */
  const powerSetup = (powers: PowerRule[], o: Setup = {}) => {
    return setup({ law: null, noRuleSetForB: o.powersB === undefined, ...o, powers, formulas: { consent: '-1', ...o.formulas } });
  };

  it('reviewed (a draw under oversight) with consent below denounceBelow: a demand to denounce, with the citation', () => {
    const { model, world } = powerSetup([demand, denounce], { parameters: { oversight: 0.4 } });
    inForce(world, { id: 'i1' });
    const out = decide(model, world, 1, new Script([0.39]));
    expect(out.demands).toEqual([{ central: 'A', instrument: 'i1', citation: 'demand citation', why: { consent: -1, denounceBelow: -0.5 } }]);
    expect(out.endings).toEqual([]);
    expect(decide(model, world, 1, new Script([0.4])).demands).toEqual([]);
  });

  it('oversight is per month: under week ticks a tick gets 1 - (1 - p) ^ dt', () => {
    const { model, world } = powerSetup([demand], { tick: 'week', parameters: { oversight: 0.5 } });
    inForce(world, { id: 'i1' });
    const p = 1 - Math.pow(0.5, (7 * 12) / 365.25);
    expect(decide(model, world, 1, new Script([p - 1e-9])).demands).toHaveLength(1);
    expect(decide(model, world, 1, new Script([p + 1e-9])).demands).toHaveLength(0);
  });

  it('consent at denounceBelow is enough to keep it', () => {
    const { model, world } = powerSetup([demand], { formulas: { consent: '-0.25' }, parameters: { denounceBelow: -0.25, oversight: 1 } });
    inForce(world, { id: 'i1' });
    expect(decide(model, world, 1).demands).toEqual([]);
    const below = powerSetup([demand], { formulas: { consent: '-0.2500001' }, parameters: { denounceBelow: -0.25, oversight: 1 } });
    inForce(below.world, { id: 'i1' });
    expect(decide(below.model, below.world, 1).demands).toEqual([{ central: 'A', instrument: 'i1', citation: 'demand citation', why: { consent: -0.25, denounceBelow: -0.25 } }]);
  });

  it('without a demand power, a denounce power denounces at once; with neither, nothing', () => {
    const { model, world } = powerSetup([denounce], { parameters: { oversight: 1 } });
    inForce(world, { id: 'i1' });
    const out = decide(model, world, 1);
    expect(out.demands).toEqual([]);
    expect(out.endings).toEqual([{ instrument: 'i1', outcome: 'denounced', by: 'A', citations: ['denounce citation'], why: { consent: -1, denounceBelow: -0.5 } }]);
    const none = powerSetup([takeOver], { parameters: { oversight: 1 } });
    inForce(none.world, { id: 'i1' });
    expect(decide(none.model, none.world, 1)).toMatchObject({ demands: [], endings: [] });
  });

  it('date-limited powers reach instruments by the date they were signed', () => {
    const limited = [{ ...demand, concludedBefore: '2000-03-01' }];
    const { model, world } = powerSetup(limited, { parameters: { oversight: 1 } });
    inForce(world, { id: 'i1', signedTick: 1 });
    inForce(world, { id: 'i2', signedTick: 2 });
    expect(decide(model, world, 5).demands.map((d) => d.instrument)).toEqual(['i1']);
  });

  it('a power limited to other instruments does not reach this one', () => {
    const { model, world } = powerSetup([{ ...demand, instruments: ['treaty'] }, { ...denounce, instruments: ['mou'] }], { parameters: { oversight: 1 } });
    inForce(world, { id: 'i1', kind: 'mou' });
    inForce(world, { id: 'i2', kind: 'treaty' });
    const out = decide(model, world, 1);
    expect(out.demands.map((d) => d.instrument)).toEqual(['i2']);
    expect(out.endings.map((d) => d.instrument)).toEqual(['i1']);
  });

  it('consent is scored on the instrument: binding (agreement, treaty), protodiplomacy, the other party\'s country, the issue, the noise', () => {
    const score = (consent: string, insts: Partial<Instrument>[], parameters: Record<string, number> = {}, normals: number[] = []) => {
      const { model, world } = powerSetup([demand], { formulas: { consent }, parameters: { oversight: 1, denounceBelow: 0, ...parameters } });
      u(world, 'A-1').position['env'] = -0.6;
      u(world, 'A-1').relationScore = 0.35;
      insts.forEach((o, i) => inForce(world, { id: `i${i + 1}`, ...o }));
      return decide(model, world, 1, new Script([], normals)).demands.map((d) => [d.instrument, d.why.consent]);
    };
    expect(score('-binding', [{ kind: 'mou' }, { kind: 'agreement' }, { kind: 'treaty' }, { kind: 'office' }])).toEqual([['i2', -1], ['i3', -1]]);
    expect(score('-protodiplomacy', [{ protodiplomacy: false }, { protodiplomacy: true }])).toEqual([['i2', -1]]);
    expect(score('-attitude', [{ parties: ['A-1', 'B-1'] }, { parties: ['A-1', 'C-1'], duchacek: 'global' }, { parties: ['B-1', 'A-1'], initiator: 'B-1' }])).toEqual([['i1', -0.9], ['i3', -0.9]]);
    // alignment: 1 - |0.3 - (-0.6)| / 2 = 0.55 on the issue, 1 without one.
    expect(score('alignment - 1', [{ issue: 'env' }, { issue: null }])).toEqual([['i1', -0.45]]);
    expect(score('relationScore - 1', [{}])).toEqual([['i1', -0.65]]);
    expect(score('noise', [{}, {}], { noise: 0.5 }, [0.3, -0.4])).toEqual([['i2', -0.2]]);
  });

  it('consent is judged for the central\'s own unit, wherever it stands among the parties', () => {
    const { model, world } = powerSetup([demand], { formulas: { consent: 'relationScore - 1' }, parameters: { oversight: 1, denounceBelow: 0 } });
    u(world, 'A-1').relationScore = 0.25;
    u(world, 'A-2').relationScore = 0.5;
    inForce(world, { id: 'i1', initiator: 'B-1', parties: ['B-1', 'A-2'] });
    inForce(world, { id: 'i2', initiator: 'B', parties: ['B', 'A-1'], duchacek: 'transregional' });
    expect(decide(model, world, 1).demands.map((d) => [d.instrument, d.why.consent])).toEqual([['i1', -0.5], ['i2', -0.75]]);
  });

  it('a demand made earlier is answered: the unit complies (denounces) at comply >= 0', () => {
    const { model, world } = powerSetup([demand, takeOver], { formulas: { comply: '0' } });
    inForce(world, { id: 'i1', denunciationDemandedTick: 1 });
    const out = decide(model, world, 2);
    expect(out.endings).toEqual([{ instrument: 'i1', outcome: 'denounced', by: 'A-1', citations: [], why: { comply: 0, threshold: 0 } }]);
    expect(out.demands).toEqual([]);
  });

  it('a unit that does not comply: taken over where the central has the power, else kept', () => {
    const taken = powerSetup([demand, takeOver], { formulas: { comply: '-0.0001' } });
    inForce(taken.world, { id: 'i1', denunciationDemandedTick: 1 });
    expect(decide(taken.model, taken.world, 2).endings).toEqual([{ instrument: 'i1', outcome: 'takenOver', by: 'A', citations: ['take-over citation'], why: { comply: -0.0001, threshold: 0 } }]);
    const kept = powerSetup([demand], { formulas: { comply: '-0.0001' } });
    inForce(kept.world, { id: 'i1', denunciationDemandedTick: 1 });
    expect(decide(kept.model, kept.world, 2).endings).toEqual([{ instrument: 'i1', outcome: 'kept', by: 'A-1', citations: [], why: { comply: -0.0001, threshold: 0 } }]);
  });

  it('a take-over power limited by date reaches instruments signed in its period only', () => {
    const { model, world } = powerSetup([{ ...takeOver, concludedFrom: '2000-02-01' }], { formulas: { comply: '-1' } });
    inForce(world, { id: 'i1', signedTick: 0, denunciationDemandedTick: 2 });
    inForce(world, { id: 'i2', signedTick: 1, denunciationDemandedTick: 2 });
    expect(decide(model, world, 3).endings.map((e) => [e.instrument, e.outcome])).toEqual([['i1', 'kept'], ['i2', 'takenOver']]);
  });

  it('an instrument with no signing tick is reached by undated powers only', () => {
    const dated = powerSetup([{ ...takeOver, concludedBefore: '2000-06-01' }], { formulas: { comply: '-1' } });
    inForce(dated.world, { id: 'i1', signedTick: null, denunciationDemandedTick: 0 });
    expect(decide(dated.model, dated.world, 3).endings.map((e) => e.outcome)).toEqual(['kept']);
    const undated = powerSetup([takeOver], { formulas: { comply: '-1' } });
    inForce(undated.world, { id: 'i1', signedTick: null, denunciationDemandedTick: 0 });
    expect(decide(undated.model, undated.world, 3).endings.map((e) => e.outcome)).toEqual(['takenOver']);
  });

  it('autonomyAspiration is read even by a model that lists no attributes', () => {
    const { model, world } = powerSetup([demand], { formulas: { comply: 'autonomyAspiration', relation: 'autonomyAspiration' } });
    u(world, 'A-1').attributes = { autonomyAspiration: 0.45 };
    inForce(world, { id: 'i1', denunciationDemandedTick: 0 });
    const out = decide({ ...model, attributes: [] }, world, 1);
    expect(out.endings.map((e) => e.why.comply)).toEqual([0.45]);
    expect(out.relations.map((r) => r.score)).toEqual([0.45, 0, 0, 0, 0]);
  });

  it('comply reads the unit\'s relation score, attributes and autonomy aspiration, and the noise', () => {
    const comply = (formula: string, normals: number[] = [], parameters: Record<string, number> = {}) => {
      const { model, world } = powerSetup([demand], { formulas: { comply: formula }, parameters });
      u(world, 'A-1').relationScore = -0.3;
      u(world, 'A-1').attributes = { autonomyAspiration: 0.45, identityStrength: 0.8 };
      u(world, 'A-2').attributes = { autonomyAspiration: 0.2, identityStrength: 0.1 };
      inForce(world, { id: 'i1', denunciationDemandedTick: 0 });
      inForce(world, { id: 'i2', denunciationDemandedTick: 0, parties: ['A-2', 'B-1'], initiator: 'A-2' });
      return decide(model, world, 1, new Script([], normals)).endings.map((e) => e.why.comply);
    };
    expect(comply('relationScore')).toEqual([-0.3, 0.4]);
    expect(comply('autonomyAspiration')).toEqual([0.45, 0.2]);
    expect(comply('identityStrength')).toEqual([0.8, 0.1]);
    expect(comply('noise', [2, -1], { noise: 0.25 })).toEqual([0.5, -0.25]);
    expect(comply('0.3 + relationScore - autonomyAspiration + noise')).toEqual([-0.45, 0.5]);
  });

  // Found by these tests: every central with a unit among the parties used to answer a demand, so the partner's
  // central B, which has no power and demanded nothing, had its unit B-1 "comply" and denounce the tie although
  // A-1, the unit the demand was made to, refused. The instrument now records who demanded it.
  it('a demand is answered only by the unit it was made to, not by the foreign partner', () => {
    const { model, world } = powerSetup([demand], { powersB: [], formulas: { comply: 'identityStrength - 0.5' } });
    u(world, 'B-1').attributes = { identityStrength: 1 };
    inForce(world, { id: 'i1', denunciationDemandedTick: 1, denunciationDemandedBy: 'A' });
    expect(decide(model, world, 2).endings).toEqual([{ instrument: 'i1', outcome: 'kept', by: 'A-1', citations: [], why: { comply: -0.5, threshold: 0 } }]);
  });

  it('a model without the parameters uses the catalog defaults (denounceBelow -0.5, oversight 0.5)', () => {
    const { model, world } = powerSetup([demand], { formulas: { consent: '-0.4' } });
    inForce(world, { id: 'i1' });
    const bare = { ...model, parameters: Object.fromEntries(Object.entries(model.parameters).filter(([k]) => k !== 'denounceBelow' && k !== 'oversight')) };
    expect(decide(bare, world, 1, new Script([0.49])).demands).toEqual([]);
    const { model: m2, world: w2 } = powerSetup([demand], { formulas: { consent: '-0.6' } });
    inForce(w2, { id: 'i1' });
    const bare2 = { ...m2, parameters: Object.fromEntries(Object.entries(m2.parameters).filter(([k]) => k !== 'denounceBelow' && k !== 'oversight')) };
    expect(decide(bare2, w2, 1, new Script([0.49])).demands).toEqual([{ central: 'A', instrument: 'i1', citation: 'demand citation', why: { consent: -0.6, denounceBelow: undefined } }]);
    expect(decide(bare2, w2, 1, new Script([0.5])).demands).toEqual([]);
  });

  it('an instrument demanded this tick waits for the next one: no answer, no second demand', () => {
    const { model, world } = powerSetup([demand, denounce], { parameters: { oversight: 1 } });
    inForce(world, { id: 'i1', denunciationDemandedTick: 3 });
    expect(decide(model, world, 3)).toMatchObject({ demands: [], endings: [] });
  });

  it('two draws per instrument whatever the branch; none for ties that are not foreign, or without a rule set', () => {
    const { model, world } = powerSetup([demand], { parameters: { oversight: 1 } });
    inForce(world, { id: 'i1' });
    inForce(world, { id: 'i2', denunciationDemandedTick: 0 });
    inForce(world, { id: 'i3', parties: ['A-1', 'A-2'], duchacek: null });
    inForce(world, { id: 'i4', status: 'awaiting-approval' });
    const script = new Script();
    decide(model, world, 1, script);
    expect(script.calls).toEqual(['u:central', 'n:central', 'u:central', 'n:central']);
    const none = powerSetup([demand], { noRuleSetForA: true, parameters: { oversight: 1 } });
    inForce(none.world, { id: 'i1' });
    const s2 = new Script();
    expect(decide(none.model, none.world, 1, s2)).toMatchObject({ demands: [], endings: [] });
    expect(s2.calls).toEqual([]);
  });

  it('the draws of the first instrument do not decide for the second', () => {
    const { model, world } = powerSetup([demand], { parameters: { oversight: 0.5 } });
    inForce(world, { id: 'i1' });
    inForce(world, { id: 'i2' });
    expect(decide(model, world, 1, new Script([0.9, 0.1])).demands.map((d) => d.instrument)).toEqual(['i2']);
    expect(decide(model, world, 1, new Script([0.1, 0.9])).demands.map((d) => d.instrument)).toEqual(['i1']);
  });

  it('B, whose unit is a party too, judges the same instrument under its own rule set', () => {
    const { model, world } = powerSetup([], { powersB: [denounce], parameters: { oversight: 1 } });
    inForce(world, { id: 'i1' });
    expect(decide(model, world, 1).endings).toEqual([{ instrument: 'i1', outcome: 'denounced', by: 'B', citations: ['denounce citation'], why: { consent: -1, denounceBelow: -0.5 } }]);
  });
});

describe('central: relations', () => {
  it('each subnational\'s relation score and mode by the relation formula', () => {
    const { model, world } = setup();
    u(world, 'A-1').position['env'] = 0.9;
    u(world, 'A-2').attributes = { autonomyAspiration: 0.5 };
    const out = decide(model, world);
    expect(out.relations.map((r) => r.subnational)).toEqual(['A-1', 'A-2', 'A-3', 'B-1', 'C-1']);
    expect(out.relations[0]!.score).toBeCloseTo(0.7, 12);
    const thresholds = { support: 0.6, complementarity: 0.2, competition: -0.2 };
    const inputs = { alignment: 1, autonomyAspiration: 0, protodiplomaticTies: 0, sanctions: 0, refusals: 0 };
    // A change of mode carries what explains it: the formula's inputs and the thresholds.
    expect(out.relations.slice(1)).toEqual([
      { subnational: 'A-2', score: 0.5, mode: 'complementarity' },
      { subnational: 'A-3', score: 1, mode: 'support', why: { inputs, thresholds } },
      { subnational: 'B-1', score: 1, mode: 'support', why: { inputs, thresholds } },
      { subnational: 'C-1', score: 1, mode: 'support', why: { inputs, thresholds } },
    ]);
    expect(out.relations[0]!.mode).toBe('support');
  });

  it('alignment: the mean over issues with a positive goal weight of 1 - |unit - central| / 2; 1 without such issues', () => {
    const { model, world } = setup({ formulas: { relation: 'alignment' } });
    const a1 = u(world, 'A-1');
    a1.goals = { env: 1, air: 2, economic: 3, identity: 0, ghost: 1 };
    a1.position = { env: -0.5, air: 0.4 };
    c(world, 'A').executive.position = { env: 0.3 };
    u(world, 'A-2').goals = { env: 0, economic: 1 };
    const out = decide(model, world).relations;
    expect(out[0]!.score).toBeCloseTo((1 - 0.8 / 2 + 1 - 0.4 / 2) / 2, 12);
    expect(out[1]!.score).toBe(1);
  });

  it('protodiplomatic ties in force count for their initiator; refusals by the central count for the party', () => {
    const { model, world } = setup({ formulas: { relation: '10 * protodiplomaticTies + refusals' } });
    const approval = (party: string, organ: 'executive' | 'legislature' | 'own-legislature', status: 'refused' | 'granted') => ({
      id: `${party}-${organ}-${status}`, step: 'consent' as const, approver: 'A', organ, chambers: null, threshold: null, party, citation: '', openedTick: 0, deadlineTick: 1, within: null, onSilence: null, status, resolvedTick: 1,
    });
    inForce(world, { id: 'i1', protodiplomacy: true });
    inForce(world, { id: 'i2', protodiplomacy: true, parties: ['A-2', 'A-1'], initiator: 'A-2' });
    inForce(world, { id: 'i3', protodiplomacy: true, initiator: 'A-1', status: 'denounced' });
    inForce(world, { id: 'i4', protodiplomacy: false });
    inForce(world, {
      id: 'i5', status: 'refused', approvals: [approval('A-1', 'executive', 'refused'), approval('A-1', 'legislature', 'refused'), approval('A-1', 'own-legislature', 'refused'), approval('A-3', 'executive', 'granted'), approval('B-1', 'executive', 'refused')],
    });
    expect(decide(model, world).relations.map((r) => [r.subnational, r.score])).toEqual([['A-1', 12], ['A-2', 10], ['A-3', 0], ['B-1', 1], ['C-1', 0]]);
  });

  it('reads sanctions, autonomy aspiration and the units\' own attributes', () => {
    const { model, world } = setup({ formulas: { relation: '100 * sanctions + 10 * autonomyAspiration + identityStrength' } });
    u(world, 'A-1').sanctions = 2;
    u(world, 'A-1').attributes = { autonomyAspiration: 0.5, identityStrength: 0.25 };
    u(world, 'B-1').attributes = { identityStrength: 0.75 };
    expect(decide(model, world).relations.map((r) => r.score)).toEqual([205.25, 0, 0, 0.75, 0]);
  });

  it('modes follow the relation parameters', () => {
    const { model, world } = setup({ formulas: { relation: 'identityStrength' }, parameters: { relationSupport: 0.7, relationComplementarity: 0.3, relationCompetition: -0.1 } });
    const scores = [0.7, 0.69, 0.3, -0.1, -0.11];
    world.subnationals.forEach((x, i) => (x.attributes = { identityStrength: scores[i]! }));
    expect(decide(model, world).relations.map((r) => r.mode)).toEqual(['support', 'complementarity', 'complementarity', 'competition', 'conflict']);
  });
});

describe('relationMode', () => {
  it('default bands: support from 0.6, complementarity from 0.2, competition from -0.2, conflict below', () => {
    const modes = [1, 0.6, 0.5999, 0.2, 0.1999, -0.2, -0.2001, -1].map((s) => relationMode(s, {}));
    expect(modes).toEqual(['support', 'support', 'complementarity', 'complementarity', 'competition', 'competition', 'conflict', 'conflict']);
  });

  it('bands from the parameters', () => {
    const p = { relationSupport: 0.9, relationComplementarity: 0.5, relationCompetition: 0 };
    expect([0.9, 0.89, 0.5, 0.49, 0, -0.01].map((s) => relationMode(s, p))).toEqual(['support', 'complementarity', 'complementarity', 'competition', 'competition', 'conflict']);
  });
});
