/**
 * Phase `apply` on a hand-made world: every outcome kind is written exactly once, with the event that says so,
 * and nothing else changes. Decisions and verdicts are built by hand, so each branch is reached on purpose.
 */
import { describe, expect, it } from 'vitest';
import { dateOf, deadlineTick } from '../../model/calendar.ts';
import type { Instrument, World } from '../../model/world.ts';
import type { ApprovalStep, PowerRule, RuleSet } from '../../rules/rule-set.ts';
import type { PartyAssessment } from '../../rules/assess.ts';
import { scenarioSchema } from '../../scenario/schema.ts';
import { EventLog } from '../events.ts';
import { initialWorld } from '../initial-world.ts';
import { buildModel, type Model } from '../model.ts';
import { Streams } from '../rng.ts';
import { WorldIndex } from '../world-index.ts';
import { apply, type TickOutcomes } from './apply.ts';
import { relationScores, type CentralDecisions } from './central.ts';
import { RELATIONS, type Relation } from '../../model/vocabulary.ts';
import type { Proposal } from './decide.ts';
import type { LegalVerdict } from './legal.ts';

function ruleSet(id: string, extra: Partial<RuleSet> = {}): RuleSet {
  return {
    id, country: id, name: `Rule set ${id}`, valid: {}, legalBasis: 'test', sources: [], subnationalKinds: ['land', 'region'], rules: [], powers: [],
    silence: { binding: 'allow', nonBinding: 'allow', citation: `${id} silence` }, silent: [], options: {}, ...extra,
  };
}

const OPEN = ruleSet('OPEN');

interface Setup {
  tick?: 'month' | 'week' | 'year';
  parameters?: Record<string, number>;
  instruments?: Record<string, { cost: number; term?: number; review?: number }>;
  ruleSets?: RuleSet[];
  ruleOptions?: Record<string, string | number | boolean>;
}

function setup(o: Setup = {}) {
  const scenario = scenarioSchema.parse({
    paradip: 1, id: 'apply', title: 'Apply', calendar: { tick: o.tick ?? 'month', start: '2000-01', end: '2003-12' },
    centrals: [
      {
        id: 'H', name: 'Home', ruleSet: 'HOME', neighbours: ['N'], ruleOptions: o.ruleOptions ?? {}, executive: { leader: 'Ada', stance: { env: 0.3 } },
        legislature: {
          chambers: [
            { id: 'lower', name: 'Lower', gatekeepers: [{ id: 'g1', name: 'G1' }, { id: 'g2', name: 'G2' }] },
            { id: 'upper', name: 'Upper', gatekeepers: [{ id: 'g3', name: 'G3' }] },
          ],
        },
      },
      { id: 'N', name: 'Neighbour', ruleSet: 'OPEN', neighbours: ['H'], executive: { leader: 'Bo' } },
    ],
    subnationals: [
      { id: 'H-1', name: 'Home region', kind: 'land', central: 'H', neighbours: ['N-1'], capacity: 2 },
      { id: 'H-2', name: 'Other home region', kind: 'land', central: 'H' },
      { id: 'N-1', name: 'Neighbour region', kind: 'region', central: 'N', neighbours: ['H-1'] },
    ],
    issues: [
      { id: 'env', name: 'Environment', domain: 'environment', law: { centrals: ['H'] } },
      { id: 'air', name: 'Air', domain: 'atmosphere' },
    ],
    behaviour: { parameters: o.parameters ?? {}, instruments: o.instruments ?? {} },
  });
  const model = buildModel(scenario, o.ruleSets ?? [ruleSet('HOME'), OPEN]);
  const world = initialWorld(model, 1);
  return { model, world };
}

/** A unit's relation score for `run`. */
interface Scored {
  subnational: string;
  score: number;
  mode: string;
  why?: { inputs: Record<string, number>; thresholds: Record<string, number> };
}

/** Runs `apply` at `tick` on the world and returns its events without seq/tick/date. */
function run(model: Model, world: World, tick: number, o: Partial<Omit<TickOutcomes, 'central'>> & { central?: Partial<Omit<CentralDecisions, 'relations'>> & { relations?: Scored[] } } = {}) {
  world.tick = tick;
  const idx = new WorldIndex(world);
  const log = new EventLog(world, dateOf(model.calendar, tick));
  // Relations as a list of scored units (the others not scored), into the phase's arrays by place.
  const relations = relationScores(world.subnationals.length);
  for (const r of o.central?.relations ?? []) {
    const i = world.subnationals.findIndex((u) => u.id === r.subnational);
    relations.score[i] = r.score;
    relations.mode[i] = RELATIONS.indexOf(r.mode as Relation);
    if (r.why) relations.why.set(i, r.why);
  }
  const central: CentralDecisions = { positions: [], support: [], gatekeepers: [], lawStatus: [], laws: [], agreements: [], consultations: [], demands: [], endings: [], ...o.central, relations };
  apply(model, idx, Streams.fromSeed(1), log, { proposals: o.proposals ?? [], approvals: o.approvals ?? [], reviews: o.reviews ?? [], central });
  for (const e of log.events) {
    expect(e.tick).toBe(tick);
    expect(e.date).toBe(dateOf(model.calendar, tick));
  }
  return log.events.map(({ seq: _seq, tick: _tick, date: _date, ...rest }) => rest);
}

const WHY = { goals: { economic: 0.5 }, score: 0.4, threshold: 0.1, alternatives: [] };

function external(instrument: Extract<Proposal, { type: 'external' }>['instrument'], partner = 'N-1', lead = 'economic', actor = 'H-1'): Extract<Proposal, { type: 'external' }> {
  return {
    type: 'external', actor, partner, instrument,
    scored: { goals: { [lead]: 0.5 }, total: 0.5, utility: 0.4, lead, domain: lead === 'env' ? 'environment' : 'economy', issue: lead === 'env' ? 'env' : null },
    why: WHY,
  };
}

function part(party: string, verdict: PartyAssessment['verdict'], steps: ApprovalStep[] = [], ruleSetId = 'HOME'): PartyAssessment {
  return { party, ruleSet: ruleSetId, verdict, rule: `${ruleSetId}-rule`, citations: [`${party} citation`], steps };
}

function verdictOf(parts: PartyAssessment[], verdict?: LegalVerdict['verdict']): LegalVerdict {
  const v = verdict ?? (parts.some((p) => p.verdict === 'forbidden') ? 'forbidden' : parts.some((p) => p.verdict === 'needs-approval') ? 'needs-approval' : 'allowed');
  return { verdict: v, citations: parts.flatMap((p) => p.citations), parts };
}

const accepted = { accepted: true, why: { score: 0.9 } };

function instrument(world: World, id: string): Instrument {
  return world.instruments.find((i) => i.id === id)!;
}

/** An in-force instrument placed directly in the world. */
function inForce(world: World, o: Partial<Instrument> & { id: string }): Instrument {
  const inst: Instrument = {
    kind: 'mou', initiator: 'H-1', parties: ['H-1', 'N-1'], domain: 'environment', issue: 'env', status: 'in-force', proposedTick: 0, signedTick: 0,
    endedTick: null, reviewedTick: null, duchacek: 'cross-border', protodiplomacy: false, citations: [], legal: [], approvals: [], denunciationDemandedTick: null, denunciationDemandedBy: null, ...o,
  };
  world.instruments.push(inst);
  return inst;
}

describe('apply: pressure decay', () => {
  it('keeps pressureDecay of every central\'s pressure per month under month ticks', () => {
    const { model, world } = setup({ parameters: { pressureDecay: 0.5 } });
    world.pressure = { H: { env: 0.8, air: 0.2 }, N: { env: 0.4 } };
    expect(run(model, world, 3)).toEqual([]);
    expect(world.pressure).toEqual({ H: { env: 0.4, air: 0.1 }, N: { env: 0.2 } });
  });

  it('keeps pressureDecay ^ dt per tick under week ticks (a month of weeks keeps the monthly share)', () => {
    const { model, world } = setup({ tick: 'week', parameters: { pressureDecay: 0.5 } });
    world.pressure = { H: { env: 1 }, N: {} };
    run(model, world, 1);
    expect(world.pressure['H']!['env']).toBeCloseTo(Math.pow(0.5, (7 * 12) / 365.25), 12);
    expect(world.pressure['N']).toEqual({});
  });

  it('the default decay is 0.9 a month', () => {
    const { model, world } = setup();
    world.pressure = { H: { env: 1 }, N: {} };
    run(model, world, 1);
    expect(world.pressure['H']!['env']).toBeCloseTo(0.9, 12);
  });
});

describe('apply: domestic proposals', () => {
  it('lobbying adds lobbyPressure * capacity to the decayed pressure of the actor\'s central', () => {
    const { model, world } = setup({ parameters: { pressureDecay: 0.5, lobbyPressure: 0.25 } });
    world.pressure['H'] = { env: 0.6, air: 0.2 };
    const events = run(model, world, 2, { proposals: [{ proposal: { type: 'lobby', actor: 'H-1', issue: 'env', why: WHY }, verdict: null, veto: null, response: null }] });
    expect(world.pressure['H']).toEqual({ env: 0.3 + 0.25 * 2, air: 0.1 });
    expect(events).toEqual([{ kind: 'lobby.delivered', by: 'H-1', to: 'H', issue: 'env', why: WHY }]);
    expect(world.instruments).toEqual([]);
    expect(world.counters.instrument).toBe(0);
  });

  it('lobbying a central with no pressure record yet creates it', () => {
    const { model, world } = setup({ parameters: { lobbyPressure: 0.25 } });
    delete world.pressure['H'];
    run(model, world, 0, { proposals: [{ proposal: { type: 'lobby', actor: 'H-2', issue: 'air', why: WHY }, verdict: null, veto: null, response: null }] });
    expect(world.pressure['H']).toEqual({ air: 0.25 });
  });

  it('two lobbies on one issue in a tick add up', () => {
    const { model, world } = setup({ parameters: { lobbyPressure: 0.25 } });
    const lobby = (actor: string) => ({ proposal: { type: 'lobby' as const, actor, issue: 'env', why: WHY }, verdict: null, veto: null, response: null });
    run(model, world, 0, { proposals: [lobby('H-1'), lobby('H-2')] });
    expect(world.pressure['H']).toEqual({ env: 0.5 + 0.25 });
  });

  it('with lobbyAgainst, a unit below its central lobbies against: its pressure counts negative and the event says so', () => {
    const lobby = (actor: string) => ({ proposal: { type: 'lobby' as const, actor, issue: 'env', why: WHY }, verdict: null, veto: null, response: null });
    const { model, world } = setup({ parameters: { lobbyPressure: 0.25, lobbyAgainst: 1 } });
    world.centrals.find((c) => c.id === 'H')!.executive.position['env'] = 0.5;
    world.subnationals.find((u) => u.id === 'H-1')!.position['env'] = 0.2; // capacity 2, behind its central
    world.subnationals.find((u) => u.id === 'H-2')!.position['env'] = 0.5; // level with it: for action
    world.pressure['H'] = {};
    const events = run(model, world, 0, { proposals: [lobby('H-1'), lobby('H-2')] });
    expect(world.pressure['H']).toEqual({ env: -0.25 * 2 + 0.25 });
    expect(events).toEqual([
      { kind: 'lobby.delivered', by: 'H-1', to: 'H', issue: 'env', against: true, why: WHY },
      { kind: 'lobby.delivered', by: 'H-2', to: 'H', issue: 'env', why: WHY },
    ]);
    // Without lobbyAgainst (the default) the same lobbying all counts for action.
    const plain = setup({ parameters: { lobbyPressure: 0.25 } });
    plain.world.centrals.find((c) => c.id === 'H')!.executive.position['env'] = 0.5;
    plain.world.subnationals.find((u) => u.id === 'H-1')!.position['env'] = 0.2;
    plain.world.pressure['H'] = {};
    expect(run(plain.model, plain.world, 0, { proposals: [lobby('H-1')] })).toEqual([{ kind: 'lobby.delivered', by: 'H-1', to: 'H', issue: 'env', why: WHY }]);
    expect(plain.world.pressure['H']).toEqual({ env: 0.25 * 2 });
  });

  it('a local law is recorded on the actor and on the issue, with the tick', () => {
    const { model, world } = setup();
    const law = (issue: string) => ({ proposal: { type: 'local-law' as const, actor: 'H-2', issue, why: WHY }, verdict: null, veto: null, response: null });
    const events = run(model, world, 4, { proposals: [law('env')] });
    expect(world.subnationals.find((u) => u.id === 'H-2')!.laws).toEqual(['env']);
    expect(world.issues.find((x) => x.id === 'env')!.laws).toEqual([{ by: 'H-2', tick: 4 }]);
    expect(world.issues.find((x) => x.id === 'air')!.laws).toEqual([]);
    expect(events).toEqual([{ kind: 'law.enacted', by: 'H-2', level: 'subnational', issue: 'env', why: WHY }]);
    run(model, world, 5, { proposals: [law('air')] });
    expect(world.subnationals.find((u) => u.id === 'H-2')!.laws).toEqual(['env', 'air']);
    expect(world.issues.find((x) => x.id === 'air')!.laws).toEqual([{ by: 'H-2', tick: 5 }]);
    expect(world.issues.find((x) => x.id === 'env')!.laws).toEqual([{ by: 'H-2', tick: 4 }]);
    expect(world.instruments).toEqual([]);
  });
});

describe('apply: external proposals that do not go through', () => {
  const proposedEvent = (id: string, instrumentKind: string, extra: Record<string, unknown> = {}) => ({
    kind: 'action.proposed', id, instrument: instrumentKind, actor: 'H-1', parties: ['H-1', 'N-1'], domain: 'economy', issue: null, duchacek: 'cross-border', protodiplomacy: false, why: WHY, ...extra,
  });

  it('without a verdict: forbidden with no citation, and nothing learnt', () => {
    const { model, world } = setup();
    const events = run(model, world, 1, { proposals: [{ proposal: external('mou'), verdict: null, veto: null, response: accepted }] });
    expect(events).toEqual([
      proposedEvent('i000001', 'mou'),
      { kind: 'action.forbidden', id: 'i000001', instrument: 'mou', actor: 'H-1', parties: ['H-1', 'N-1'], domain: 'economy', issue: null, citations: [], why: { assessments: [] } },
    ]);
    expect(world.subnationals.find((u) => u.id === 'H-1')!.learned).toEqual({});
    expect(world.instruments).toEqual([]);
    expect(world.counters.instrument).toBe(1);
  });

  it('forbidden: the actor learns the tie is forbidden under both regimes in force on the tick\'s date', () => {
    const ruleSets = [ruleSet('HOME', { valid: { to: '2000-03-01' } }), ruleSet('HOME-2', { country: 'HOME', valid: { from: '2000-03-01' } }), OPEN];
    const { model, world } = setup({ ruleSets, ruleOptions: { strict: true } });
    const v = verdictOf([part('H-1', 'forbidden'), part('N-1', 'allowed', [], 'OPEN')]);
    const events = run(model, world, 2, { proposals: [{ proposal: external('treaty'), verdict: v, veto: null, response: accepted }] });
    expect(events[1]).toEqual({ kind: 'action.forbidden', id: 'i000001', instrument: 'treaty', actor: 'H-1', parties: ['H-1', 'N-1'], domain: 'economy', issue: null, citations: ['H-1 citation', 'N-1 citation'], why: { assessments: v.parts } });
    expect(events).toHaveLength(2);
    expect(world.subnationals.find((u) => u.id === 'H-1')!.learned).toEqual({ 'treaty>N-1': 'HOME-2[strict=true]|OPEN[]' });
    expect(world.instruments).toEqual([]);
  });

  it('vetoed: the veto\'s central, citation and reasons; no instrument', () => {
    const { model, world } = setup();
    const veto = { central: 'H', citation: 'veto citation', why: { veto: -0.3 } };
    const events = run(model, world, 1, { proposals: [{ proposal: external('mou'), verdict: verdictOf([part('H-1', 'allowed')]), veto, response: accepted }] });
    expect(events).toEqual([
      proposedEvent('i000001', 'mou'),
      { kind: 'action.vetoed', id: 'i000001', instrument: 'mou', actor: 'H-1', parties: ['H-1', 'N-1'], domain: 'economy', issue: null, by: 'H', citations: ['veto citation'], why: { veto: -0.3 } },
    ]);
    expect(world.instruments).toEqual([]);
    expect(world.subnationals.find((u) => u.id === 'H-1')!.learned).toEqual({});
  });

  it('declined by the partner, with its reasons; with no response at all, declined without reasons', () => {
    const { model, world } = setup();
    const events = run(model, world, 1, {
      proposals: [
        { proposal: external('mou'), verdict: verdictOf([part('H-1', 'allowed')]), veto: null, response: { accepted: false, why: { score: -1 } } },
        { proposal: external('visit'), verdict: verdictOf([part('H-1', 'allowed')]), veto: null, response: null },
      ],
    });
    expect(events).toEqual([
      proposedEvent('i000001', 'mou'),
      { kind: 'action.declined', id: 'i000001', instrument: 'mou', actor: 'H-1', parties: ['H-1', 'N-1'], domain: 'economy', issue: null, by: 'N-1', why: { score: -1 } },
      proposedEvent('i000002', 'visit'),
      { kind: 'action.declined', id: 'i000002', instrument: 'visit', actor: 'H-1', parties: ['H-1', 'N-1'], domain: 'economy', issue: null, by: 'N-1', why: {} },
    ]);
    expect(world.instruments).toEqual([]);
  });
});

describe('apply: instruments signed at once', () => {
  it('an allowed, accepted proposal is signed the same tick with every field set', () => {
    const { model, world } = setup();
    const v = verdictOf([part('H-1', 'allowed'), part('N-1', 'allowed', [], 'OPEN')]);
    const events = run(model, world, 5, { proposals: [{ proposal: external('agreement', 'N-1', 'env'), verdict: v, veto: null, response: accepted }] });
    const inst = instrument(world, 'i000001');
    expect(inst).toEqual({
      id: 'i000001', kind: 'agreement', initiator: 'H-1', parties: ['H-1', 'N-1'], domain: 'environment', issue: 'env', status: 'in-force', proposedTick: 5, signedTick: 5,
      endedTick: null, reviewedTick: null, duchacek: 'cross-border', protodiplomacy: false, citations: ['H-1 citation', 'N-1 citation'],
      legal: [{ party: 'H-1', ruleSet: 'HOME', rule: 'HOME-rule' }, { party: 'N-1', ruleSet: 'OPEN', rule: 'OPEN-rule' }], approvals: [], denunciationDemandedTick: null, denunciationDemandedBy: null,
    });
    expect(events).toEqual([
      { kind: 'action.proposed', id: 'i000001', instrument: 'agreement', actor: 'H-1', parties: ['H-1', 'N-1'], domain: 'environment', issue: 'env', duchacek: 'cross-border', protodiplomacy: false, why: WHY },
      {
        kind: 'instrument.signed', id: 'i000001', instrument: 'agreement', parties: ['H-1', 'N-1'], initiator: 'H-1', domain: 'environment', issue: 'env', duchacek: 'cross-border',
        protodiplomacy: false, citations: ['H-1 citation', 'N-1 citation'], legal: inst.legal, approvals: [],
      },
    ]);
    expect(world.subnationals.find((u) => u.id === 'H-1')!.sanctions).toBe(0);
  });

  it('ids count on from the world\'s counter, six digits', () => {
    const { model, world } = setup();
    world.counters.instrument = 41;
    run(model, world, 0, { proposals: [{ proposal: external('mou'), verdict: verdictOf([part('H-1', 'allowed')]), veto: null, response: accepted }] });
    expect(world.instruments.map((i) => i.id)).toEqual(['i000042']);
    expect(world.counters.instrument).toBe(42);
  });

  it('a tie with a foreign state is global or transregional, a protodiplomatic lead flags protodiplomacy', () => {
    const { model, world } = setup();
    const v = verdictOf([part('H-2', 'allowed')]);
    run(model, world, 0, { proposals: [{ proposal: external('office', 'N', 'protodiplomatic', 'H-2'), verdict: v, veto: null, response: accepted }] });
    const inst = instrument(world, 'i000001');
    expect(inst.duchacek).toBe('transregional');
    expect(inst.protodiplomacy).toBe(true);
    expect(inst.parties).toEqual(['H-2', 'N']);
    expect(inst.domain).toBe('economy');
  });
});

describe('apply: sanctions of protodiplomacy', () => {
  const sanctionSetup = (powers: PowerRule[], ruleOptions: Record<string, boolean> = {}) =>
    setup({ ruleSets: [ruleSet('HOME', { powers, options: { harsh: { default: false, values: [false, true], description: 'd', citation: 'c' } } }), OPEN], ruleOptions });
  const proto = (kind: 'mou' | 'treaty' = 'mou', lead = 'protodiplomatic') => ({ proposal: external(kind, 'N-1', lead), verdict: verdictOf([part('H-1', 'allowed')]), veto: null, response: accepted });

  it('a central with a sanction power sanctions a protodiplomatic instrument when it is signed', () => {
    const { model, world } = sanctionSetup([{ power: 'sanction', citation: 'sanction citation' }]);
    const events = run(model, world, 3, { proposals: [proto()] });
    expect(events.map((e) => e.kind)).toEqual(['action.proposed', 'instrument.signed', 'central.sanctioned']);
    expect(events[2]).toEqual({ kind: 'central.sanctioned', central: 'H', subnational: 'H-1', id: 'i000001', citation: 'sanction citation' });
    expect(world.subnationals.find((u) => u.id === 'H-1')!.sanctions).toBe(1);
    run(model, world, 4, { proposals: [proto()] });
    expect(world.subnationals.find((u) => u.id === 'H-1')!.sanctions).toBe(2);
  });

  it('no sanction for an instrument that is not protodiplomatic', () => {
    const { model, world } = sanctionSetup([{ power: 'sanction', citation: 'sanction citation' }]);
    const events = run(model, world, 3, { proposals: [proto('mou', 'economic')] });
    expect(events.map((e) => e.kind)).toEqual(['action.proposed', 'instrument.signed']);
    expect(world.subnationals.find((u) => u.id === 'H-1')!.sanctions).toBe(0);
  });

  it('no sanction without a sanction power (another power does not do)', () => {
    const { model, world } = sanctionSetup([{ power: 'denounce', citation: 'denounce citation' }]);
    const events = run(model, world, 3, { proposals: [proto()] });
    expect(events.map((e) => e.kind)).toEqual(['action.proposed', 'instrument.signed']);
    expect(world.subnationals.find((u) => u.id === 'H-1')!.sanctions).toBe(0);
  });

  it('the power must reach the instrument\'s kind', () => {
    const { model, world } = sanctionSetup([{ power: 'sanction', instruments: ['treaty'], citation: 'treaties only' }]);
    expect(run(model, world, 3, { proposals: [proto('mou')] }).map((e) => e.kind)).toEqual(['action.proposed', 'instrument.signed']);
    expect(run(model, world, 3, { proposals: [proto('treaty')] }).map((e) => e.kind)).toEqual(['action.proposed', 'instrument.signed', 'central.sanctioned']);
  });

  it('a date-limited power applies to instruments signed from its date (the tick\'s date)', () => {
    const { model, world } = sanctionSetup([{ power: 'sanction', concludedFrom: '2000-06-01', citation: 'from June' }]);
    expect(run(model, world, 4, { proposals: [proto()] }).map((e) => e.kind)).toEqual(['action.proposed', 'instrument.signed']);
    expect(run(model, world, 5, { proposals: [proto()] }).map((e) => e.kind)).toEqual(['action.proposed', 'instrument.signed', 'central.sanctioned']);
  });

  it('a power under an option condition follows the central\'s option setting', () => {
    const powers: PowerRule[] = [{ power: 'sanction', when: { option: 'harsh', equals: true }, citation: 'harsh' }];
    const off = sanctionSetup(powers);
    expect(run(off.model, off.world, 3, { proposals: [proto()] }).map((e) => e.kind)).toEqual(['action.proposed', 'instrument.signed']);
    const on = sanctionSetup(powers, { harsh: true });
    expect(run(on.model, on.world, 3, { proposals: [proto()] }).map((e) => e.kind)).toEqual(['action.proposed', 'instrument.signed', 'central.sanctioned']);
  });

  it('no rule set in force for the central: no sanction, no failure', () => {
    const { model, world } = setup({ ruleSets: [ruleSet('HOME', { valid: { from: '2001-01-01' }, powers: [{ power: 'sanction', citation: 'later' }] }), OPEN] });
    expect(run(model, world, 3, { proposals: [proto()] }).map((e) => e.kind)).toEqual(['action.proposed', 'instrument.signed']);
    expect(world.subnationals.find((u) => u.id === 'H-1')!.sanctions).toBe(0);
  });
});

describe('apply: approval paths', () => {
  const consent: ApprovalStep = { step: 'consent', by: 'executive', within: '8 weeks', onSilence: 'consent', citation: 'consent citation' };
  const notify: ApprovalStep = { step: 'notify', by: 'executive', citation: 'notify citation' };
  const sign: ApprovalStep = { step: 'sign', by: 'executive', citation: 'sign citation' };
  const vote: ApprovalStep = { step: 'vote', by: 'legislature', chambers: ['upper'], threshold: 0.6, citation: 'vote citation' };
  const ratify: ApprovalStep = { step: 'ratify', by: 'own-legislature', citation: 'ratify citation' };
  const propose = (steps: ApprovalStep[], partnerSteps: ApprovalStep[] = []) => ({
    proposal: external('agreement'),
    verdict: verdictOf([part('H-1', steps.length ? 'needs-approval' : 'allowed', steps), part('N-1', partnerSteps.length ? 'needs-approval' : 'allowed', partnerSteps, 'OPEN')]),
    veto: null,
    response: accepted,
  });
  const subject = { id: 'i000001', instrument: 'agreement' };

  it('a notification is given at once, then the consent opens with its stated deadline', () => {
    const { model, world } = setup();
    const events = run(model, world, 2, { proposals: [propose([notify, consent])] });
    const due = deadlineTick(model.calendar, 2, { amount: 8, unit: 'week' });
    expect(due).toBe(4);
    expect(events.slice(1)).toEqual([
      { kind: 'approval.requested', ...subject, approval: 'i000001-H-1-1', step: 'notify', approver: 'H', organ: 'executive', party: 'H-1', citation: 'notify citation', deadline: null, onSilence: null },
      { kind: 'approval.granted', ...subject, approval: 'i000001-H-1-1', step: 'notify', approver: 'H', organ: 'executive', party: 'H-1', citation: 'notify citation', why: { notified: true } },
      { kind: 'approval.requested', ...subject, approval: 'i000001-H-1-2', step: 'consent', approver: 'H', organ: 'executive', party: 'H-1', citation: 'consent citation', deadline: '2000-05-01', onSilence: 'consent' },
    ]);
    const inst = instrument(world, 'i000001');
    expect(inst.status).toBe('awaiting-approval');
    expect(inst.signedTick).toBeNull();
    expect(inst.approvals).toEqual([
      { id: 'i000001-H-1-1', step: 'notify', approver: 'H', organ: 'executive', chambers: null, threshold: null, party: 'H-1', citation: 'notify citation', openedTick: 2, deadlineTick: null, within: null, onSilence: null, status: 'granted', resolvedTick: 2 },
      { id: 'i000001-H-1-2', step: 'consent', approver: 'H', organ: 'executive', chambers: null, threshold: null, party: 'H-1', citation: 'consent citation', openedTick: 2, deadlineTick: 4, within: '8 weeks', onSilence: 'consent', status: 'pending', resolvedTick: null },
    ]);
  });

  it('a step with no stated deadline gets approvalTimeout months; steps of each party are numbered from 1', () => {
    const { model, world } = setup({ parameters: { approvalTimeout: 5 } });
    const events = run(model, world, 1, { proposals: [propose([vote], [{ ...consent, within: undefined, onSilence: undefined }])] });
    const inst = instrument(world, 'i000001');
    expect(inst.approvals.map((a) => [a.id, a.approver, a.organ, a.chambers, a.threshold, a.status, a.openedTick, a.deadlineTick])).toEqual([
      ['i000001-H-1-1', 'H', 'legislature', ['upper'], 0.6, 'pending', 1, 6],
      ['i000001-N-1-1', 'N', 'executive', null, null, 'pending', null, null],
    ]);
    expect(events.filter((e) => e.kind === 'approval.requested')).toEqual([
      { kind: 'approval.requested', ...subject, approval: 'i000001-H-1-1', step: 'vote', approver: 'H', organ: 'legislature', party: 'H-1', citation: 'vote citation', deadline: '2000-07-01', onSilence: null },
    ]);
  });

  it('the default approvalTimeout is 12 months', () => {
    const { model, world } = setup();
    run(model, world, 1, { proposals: [propose([{ ...consent, within: undefined }])] });
    expect(instrument(world, 'i000001').approvals[0]!.deadlineTick).toBe(13);
  });

  it('a subnational\'s own legislature ratifies: the party itself is the approver', () => {
    const { model, world } = setup();
    run(model, world, 0, { proposals: [propose([ratify])] });
    expect(instrument(world, 'i000001').approvals[0]).toMatchObject({ approver: 'H-1', organ: 'own-legislature', party: 'H-1', status: 'pending', openedTick: 0, deadlineTick: 12 });
  });

  it('a central signature is a formality: granted at once, and with no step left the instrument is signed', () => {
    const { model, world } = setup();
    const events = run(model, world, 0, { proposals: [propose([sign])] });
    expect(events.map((e) => e.kind)).toEqual(['action.proposed', 'approval.requested', 'approval.granted', 'instrument.signed']);
    expect(events[2]).toEqual({ kind: 'approval.granted', ...subject, approval: 'i000001-H-1-1', step: 'sign', approver: 'H', organ: 'executive', party: 'H-1', citation: 'sign citation', why: { signedBy: 'H', formality: true } });
    expect(events[3]!['approvals']).toEqual([{ step: 'sign', approver: 'H', organ: 'executive', outcome: 'granted', citation: 'sign citation' }]);
    expect(instrument(world, 'i000001')).toMatchObject({ status: 'in-force', signedTick: 0 });
  });

  it('a duration that does not parse is an error, not a step that never resolves', () => {
    const { model, world } = setup();
    expect(() => run(model, world, 0, { proposals: [propose([{ ...consent, within: 'a fortnight' }])] })).toThrow('approval i000001-H-1-1: duration "a fortnight" does not parse');
  });

  it('granted: the next step opens on the tick of the decision; tacit consent on the last step signs', () => {
    const { model, world } = setup();
    run(model, world, 0, { proposals: [propose([consent, { ...consent, within: '3 months', citation: 'second' }])] });
    const e1 = run(model, world, 2, { approvals: [{ instrument: 'i000001', approval: 'i000001-H-1-1', outcome: 'granted', why: { consent: 0.4 } }] });
    expect(e1).toEqual([
      { kind: 'approval.granted', ...subject, approval: 'i000001-H-1-1', step: 'consent', approver: 'H', organ: 'executive', party: 'H-1', citation: 'consent citation', why: { consent: 0.4 } },
      { kind: 'approval.requested', ...subject, approval: 'i000001-H-1-2', step: 'consent', approver: 'H', organ: 'executive', party: 'H-1', citation: 'second', deadline: '2000-06-01', onSilence: 'consent' },
    ]);
    const inst = instrument(world, 'i000001');
    expect(inst.approvals[0]).toMatchObject({ status: 'granted', resolvedTick: 2 });
    expect(inst.approvals[1]).toMatchObject({ status: 'pending', openedTick: 2, deadlineTick: 5 });
    expect(inst.status).toBe('awaiting-approval');
    const e2 = run(model, world, 5, { approvals: [{ instrument: 'i000001', approval: 'i000001-H-1-2', outcome: 'tacit', why: { silentUntilDeadline: true } }] });
    expect(e2.map((e) => e.kind)).toEqual(['approval.tacit', 'instrument.signed']);
    expect(e2[0]).toEqual({ kind: 'approval.tacit', ...subject, approval: 'i000001-H-1-2', step: 'consent', approver: 'H', organ: 'executive', party: 'H-1', citation: 'second', why: { silentUntilDeadline: true } });
    expect(e2[1]!['approvals']).toEqual([
      { step: 'consent', approver: 'H', organ: 'executive', outcome: 'granted', citation: 'consent citation' },
      { step: 'consent', approver: 'H', organ: 'executive', outcome: 'tacit', citation: 'second' },
    ]);
    expect(inst).toMatchObject({ status: 'in-force', signedTick: 5, endedTick: null });
    expect(inst.approvals[1]).toMatchObject({ status: 'tacit', resolvedTick: 5 });
  });

  it('a step already open is not requested again (a repeated decision on the step before it)', () => {
    const { model, world } = setup();
    run(model, world, 0, { proposals: [propose([consent, { ...consent, within: '3 months', citation: 'second' }])] });
    const grant = { instrument: 'i000001', approval: 'i000001-H-1-1', outcome: 'granted' as const, why: {} };
    run(model, world, 1, { approvals: [grant] });
    const events = run(model, world, 2, { approvals: [grant] });
    expect(events.map((e) => e.kind)).toEqual(['approval.granted']);
    expect(instrument(world, 'i000001').approvals[1]).toMatchObject({ status: 'pending', openedTick: 1, deadlineTick: 4 });
  });

  it('refused: the instrument ends refused and the next step never opens', () => {
    const { model, world } = setup();
    run(model, world, 0, { proposals: [propose([consent, notify])] });
    const events = run(model, world, 1, { approvals: [{ instrument: 'i000001', approval: 'i000001-H-1-1', outcome: 'refused', why: { consent: -0.2 } }] });
    expect(events).toEqual([
      { kind: 'approval.refused', ...subject, approval: 'i000001-H-1-1', step: 'consent', approver: 'H', organ: 'executive', party: 'H-1', citation: 'consent citation', why: { consent: -0.2 } },
    ]);
    const inst = instrument(world, 'i000001');
    expect(inst).toMatchObject({ status: 'refused', endedTick: 1, signedTick: null });
    expect(inst.approvals[0]).toMatchObject({ status: 'refused', resolvedTick: 1 });
    expect(inst.approvals[1]).toMatchObject({ status: 'pending', openedTick: null });
  });
});

describe('apply: central decisions', () => {
  it('a position change is reported only when it crosses a multiple of positionStep', () => {
    const { model, world } = setup({ parameters: { positionStep: 0.25 } });
    const H = world.centrals.find((c) => c.id === 'H')!;
    const pos = (issue: string, value: number) => ({ central: 'H', issue, value, why: { stance: 0.1 } });
    expect(run(model, world, 1, { central: { positions: [pos('env', 0.49)] } })).toEqual([]);
    expect(H.executive.position['env']).toBe(0.49);
    expect(run(model, world, 2, { central: { positions: [pos('env', 0.5)] } })).toEqual([
      { kind: 'position.changed', by: 'H', issue: 'env', from: 0.49, to: 0.5, leader: 'Ada', why: { stance: 0.1 } },
    ]);
    expect(run(model, world, 3, { central: { positions: [pos('env', 0.5 - 1e-12)] } })).toEqual([]);
    expect(run(model, world, 4, { central: { positions: [pos('env', 0.123456)] } })).toEqual([
      { kind: 'position.changed', by: 'H', issue: 'env', from: 0.5, to: 0.1235, leader: 'Ada', why: { stance: 0.1 } },
    ]);
    expect(H.executive.position['env']).toBe(0.123456);
  });

  it('a position with floating error just below a multiple counts as on it (0.3 / 0.1)', () => {
    const { model, world } = setup();
    const H = world.centrals.find((c) => c.id === 'H')!;
    expect(H.executive.position['env']).toBe(0.3);
    expect(run(model, world, 1, { central: { positions: [{ central: 'H', issue: 'env', value: 0.35, why: {} }] } })).toEqual([]);
    expect(run(model, world, 2, { central: { positions: [{ central: 'H', issue: 'env', value: 0.29, why: {} }] } })).toHaveLength(1);
  });

  it('a position on an issue never held before starts from 0', () => {
    const { model, world } = setup();
    expect(run(model, world, 1, { central: { positions: [{ central: 'N', issue: 'air', value: 0.05, why: {} }] } })).toEqual([]);
    expect(world.centrals.find((c) => c.id === 'N')!.executive.position['air']).toBe(0.05);
    const { model: m2, world: w2 } = setup();
    expect(run(m2, w2, 1, { central: { positions: [{ central: 'N', issue: 'air', value: -0.15, why: {} }] } })).toEqual([
      { kind: 'position.changed', by: 'N', issue: 'air', from: 0, to: -0.15, leader: 'Bo', why: {} },
    ]);
  });

  it('chamber support and gatekeeper positions are written to the named chamber and gatekeeper', () => {
    const { model, world } = setup();
    const events = run(model, world, 1, {
      central: {
        support: [{ central: 'H', chamber: 'upper', issue: 'env', value: 0.7 }],
        gatekeepers: [{ central: 'H', chamber: 'lower', gatekeeper: 'g2', issue: 'env', value: -0.4 }, { central: 'H', chamber: 'upper', gatekeeper: 'g3', issue: 'air', value: 0.2 }],
      },
    });
    expect(events).toEqual([]);
    const [lower, upper] = world.centrals.find((c) => c.id === 'H')!.legislature!.chambers;
    expect(lower!.support).toEqual({});
    expect(upper!.support).toEqual({ env: 0.7 });
    expect(lower!.gatekeepers.map((g) => g.position)).toEqual([{}, { env: -0.4 }]);
    expect(upper!.gatekeepers.map((g) => g.position)).toEqual([{ air: 0.2 }]);
  });

  it('a law status is recorded; law.blocked is emitted for any status but ready', () => {
    const { model, world } = setup();
    world.lawStatus['H'] = { air: 'votes' };
    const events = run(model, world, 1, {
      central: { lawStatus: [{ central: 'H', issue: 'env', status: 'gatekeeper', why: { blockers: ['G1'] } }, { central: 'N', issue: 'env', status: 'ready', why: {} }] },
    });
    expect(events).toEqual([{ kind: 'law.blocked', by: 'H', issue: 'env', reason: 'gatekeeper', why: { blockers: ['G1'] } }]);
    expect(world.lawStatus).toEqual({ H: { air: 'votes', env: 'gatekeeper' }, N: { env: 'ready' } });
  });

  it('a law status for a central with no record yet creates it', () => {
    const { model, world } = setup();
    world.lawStatus = {};
    run(model, world, 1, { central: { lawStatus: [{ central: 'H', issue: 'env', status: 'votes', why: {} }], laws: [{ central: 'N', issue: 'air', why: {} }] } });
    expect(world.lawStatus).toEqual({ H: { env: 'votes' }, N: { air: 'enacted' } });
  });

  it('a national law is recorded on the issue and as enacted', () => {
    const { model, world } = setup();
    world.lawStatus['H'] = { air: 'votes', env: 'ready' };
    const events = run(model, world, 3, { central: { laws: [{ central: 'H', issue: 'env', why: { executive: 0.4 } }] } });
    expect(events).toEqual([{ kind: 'law.enacted', by: 'H', level: 'central', issue: 'env', why: { executive: 0.4 } }]);
    expect(world.issues.find((x) => x.id === 'env')!.laws).toEqual([{ by: 'H', tick: 3 }]);
    expect(world.issues.find((x) => x.id === 'air')!.laws).toEqual([]);
    expect(world.lawStatus['H']).toEqual({ air: 'votes', env: 'enacted' });
  });

  it('an agreement between centrals is signed at once under their own treaty power', () => {
    const { model, world } = setup();
    world.counters.instrument = 7;
    const events = run(model, world, 6, { central: { agreements: [{ between: ['N', 'H'], issue: 'env', instrument: 'treaty', why: {} }, { between: ['H', 'N'], issue: 'sea', instrument: 'mou', why: {} }] } });
    const citations = ['Agreement between central governments (their own treaty power)'];
    expect(world.instruments).toEqual([
      { id: 'i000008', kind: 'treaty', initiator: 'N', parties: ['N', 'H'], domain: 'environment', issue: 'env', status: 'in-force', proposedTick: 6, signedTick: 6, endedTick: null, reviewedTick: null, duchacek: null, protodiplomacy: false, citations, legal: [], approvals: [], denunciationDemandedTick: null, denunciationDemandedBy: null },
      { id: 'i000009', kind: 'mou', initiator: 'H', parties: ['H', 'N'], domain: 'sea', issue: 'sea', status: 'in-force', proposedTick: 6, signedTick: 6, endedTick: null, reviewedTick: null, duchacek: null, protodiplomacy: false, citations, legal: [], approvals: [], denunciationDemandedTick: null, denunciationDemandedBy: null },
    ]);
    expect(events).toEqual([
      { kind: 'instrument.signed', id: 'i000008', instrument: 'treaty', parties: ['N', 'H'], initiator: 'N', domain: 'environment', issue: 'env', duchacek: null, protodiplomacy: false, citations, legal: [], approvals: [] },
      { kind: 'instrument.signed', id: 'i000009', instrument: 'mou', parties: ['H', 'N'], initiator: 'H', domain: 'sea', issue: 'sea', duchacek: null, protodiplomacy: false, citations, legal: [], approvals: [] },
    ]);
  });

  it('a consultation records its tick per central and issue', () => {
    const { model, world } = setup();
    world.consultations = { H: { air: 1 } };
    const d = { central: 'H', issue: 'env', instrument: 'treaty' as const, subnationals: ['H-1'], citation: 'consult citation', why: { positions: { 'H-1': 0 } } };
    const events = run(model, world, 4, { central: { consultations: [d, { ...d, central: 'N', subnationals: [] }] } });
    expect(world.consultations).toEqual({ H: { air: 1, env: 4 }, N: { env: 4 } });
    expect(events).toEqual([
      { kind: 'central.consulted', central: 'H', subnationals: ['H-1'], issue: 'env', instrument: 'treaty', citation: 'consult citation', why: { positions: { 'H-1': 0 } } },
      { kind: 'central.consulted', central: 'N', subnationals: [], issue: 'env', instrument: 'treaty', citation: 'consult citation', why: { positions: { 'H-1': 0 } } },
    ]);
  });

  it('a demand to denounce marks the instrument with the tick', () => {
    const { model, world } = setup();
    const inst = inForce(world, { id: 'i000001' });
    const events = run(model, world, 4, { central: { demands: [{ central: 'H', instrument: 'i000001', citation: 'demand citation', why: { consent: -0.7 } }] } });
    expect(inst.denunciationDemandedTick).toBe(4);
    expect(inst.denunciationDemandedBy).toBe('H');
    expect(inst.status).toBe('in-force');
    expect(events).toEqual([{ kind: 'denunciation.demanded', id: 'i000001', instrument: 'mou', by: 'H', parties: ['H-1', 'N-1'], citation: 'demand citation', why: { consent: -0.7 } }]);
  });

  it('endings: denounced, taken over, or kept (the demand is withdrawn, nothing else)', () => {
    const { model, world } = setup();
    const a = inForce(world, { id: 'i000001', denunciationDemandedTick: 2 });
    const b = inForce(world, { id: 'i000002', denunciationDemandedTick: 2 });
    const c = inForce(world, { id: 'i000003', denunciationDemandedTick: 2, denunciationDemandedBy: 'H' });
    const events = run(model, world, 3, {
      central: {
        endings: [
          { instrument: 'i000001', outcome: 'denounced', by: 'H-1', citations: [], why: { comply: 0.2 } },
          { instrument: 'i000002', outcome: 'takenOver', by: 'H', citations: ['take-over citation'], why: { comply: -0.2 } },
          { instrument: 'i000003', outcome: 'kept', by: 'H-1', citations: [], why: { comply: -0.2 } },
        ],
      },
    });
    expect(events).toEqual([
      { kind: 'instrument.denounced', id: 'i000001', instrument: 'mou', by: 'H-1', parties: ['H-1', 'N-1'], issue: 'env', citations: [], why: { comply: 0.2 } },
      { kind: 'instrument.takenOver', id: 'i000002', instrument: 'mou', by: 'H', parties: ['H-1', 'N-1'], issue: 'env', citations: ['take-over citation'], why: { comply: -0.2 } },
    ]);
    expect([a.status, a.endedTick, a.denunciationDemandedTick]).toEqual(['denounced', 3, null]);
    expect([b.status, b.endedTick, b.denunciationDemandedTick]).toEqual(['taken-over', 3, null]);
    expect([c.status, c.endedTick, c.denunciationDemandedTick, c.denunciationDemandedBy]).toEqual(['in-force', null, null, null]);
  });

  it('decisions are applied in order: positions, support, gatekeepers, law status, laws, agreements, consultations, demands, endings', () => {
    const { model, world } = setup();
    inForce(world, { id: 'i000001' });
    inForce(world, { id: 'i000002', denunciationDemandedTick: 0 });
    world.counters.instrument = 2;
    const events = run(model, world, 1, {
      central: {
        positions: [{ central: 'H', issue: 'env', value: 0.9, why: {} }],
        lawStatus: [{ central: 'H', issue: 'env', status: 'votes', why: {} }],
        laws: [{ central: 'H', issue: 'air', why: {} }],
        agreements: [{ between: ['H', 'N'], issue: 'env', instrument: 'treaty', why: {} }],
        consultations: [{ central: 'H', issue: 'env', instrument: 'treaty', subnationals: [], citation: 'c', why: {} }],
        demands: [{ central: 'H', instrument: 'i000001', citation: 'd', why: {} }],
        endings: [{ instrument: 'i000002', outcome: 'denounced', by: 'H', citations: [], why: {} }],
      },
    });
    expect(events.map((e) => e.kind)).toEqual(['position.changed', 'law.blocked', 'law.enacted', 'instrument.signed', 'central.consulted', 'denunciation.demanded', 'instrument.denounced']);
  });
});

describe('apply: expiry by term', () => {
  it('an instrument with a term expires on the first tick at or after signing + term months', () => {
    const { model, world } = setup({ instruments: { mou: { cost: 0.2, term: 3 } } });
    const inst = inForce(world, { id: 'i000001', signedTick: 2 });
    expect(run(model, world, 4)).toEqual([]);
    expect(inst.status).toBe('in-force');
    expect(run(model, world, 5)).toEqual([{ kind: 'instrument.expired', id: 'i000001', instrument: 'mou', parties: ['H-1', 'N-1'], issue: 'env' }]);
    expect([inst.status, inst.endedTick]).toEqual(['expired', 5]);
    expect(run(model, world, 6)).toEqual([]);
  });

  it('a tick past the date expires it too (it was not applied on the day)', () => {
    const { model, world } = setup({ instruments: { mou: { cost: 0.2, term: 3 } } });
    const inst = inForce(world, { id: 'i000001', signedTick: 2 });
    run(model, world, 9);
    expect([inst.status, inst.endedTick]).toEqual(['expired', 9]);
  });

  it('under week ticks a one-month visit ends on the first week on or after the month\'s date', () => {
    const { model, world } = setup({ tick: 'week' });
    const inst = inForce(world, { id: 'i000001', kind: 'visit', signedTick: 0 });
    const due = deadlineTick(model.calendar, 0, { amount: 1, unit: 'month' });
    expect(due).toBe(5);
    expect(run(model, world, 4)).toEqual([]);
    expect(run(model, world, 5)).toHaveLength(1);
    expect(inst.status).toBe('expired');
  });

  it('no term (0) never expires; neither does an instrument not in force, or one with no signing tick', () => {
    const { model, world } = setup({ instruments: { visit: { cost: 0.1, term: 1 } } });
    const mou = inForce(world, { id: 'i000001', kind: 'mou', signedTick: 0 });
    const refused = inForce(world, { id: 'i000002', kind: 'visit', signedTick: 0, status: 'awaiting-approval' });
    const unsigned = inForce(world, { id: 'i000003', kind: 'visit', signedTick: null });
    expect(run(model, world, 30)).toEqual([]);
    expect(mou.status).toBe('in-force');
    expect(refused.status).toBe('awaiting-approval');
    expect(unsigned.status).toBe('in-force');
  });

  it('an instrument signed this tick and taken over this tick is not expired as well', () => {
    const { model, world } = setup({ instruments: { mou: { cost: 0.2, term: 1 } } });
    const inst = inForce(world, { id: 'i000001', signedTick: 0, denunciationDemandedTick: 0 });
    const events = run(model, world, 1, { central: { endings: [{ instrument: 'i000001', outcome: 'takenOver', by: 'H', citations: [], why: {} }] } });
    expect(events.map((e) => e.kind)).toEqual(['instrument.takenOver']);
    expect(inst.status).toBe('taken-over');
  });
});

describe('apply: reviews', () => {
  it('renewed: the review tick is recorded; lapsed: the instrument ends', () => {
    const { model, world } = setup();
    const a = inForce(world, { id: 'i000001' });
    const b = inForce(world, { id: 'i000002', kind: 'office', parties: ['H-1', 'N'], issue: null });
    const events = run(model, world, 36, {
      reviews: [
        { instrument: 'i000001', renewed: true, by: 'H-1', why: { renew: { 'H-1': 0.2 } } },
        { instrument: 'i000002', renewed: false, by: 'N', why: { renew: { 'H-1': -0.1 } } },
      ],
    });
    expect(events).toEqual([
      { kind: 'instrument.renewed', id: 'i000001', instrument: 'mou', parties: ['H-1', 'N-1'], by: 'H-1', issue: 'env', why: { renew: { 'H-1': 0.2 } } },
      { kind: 'instrument.lapsed', id: 'i000002', instrument: 'office', parties: ['H-1', 'N'], by: 'N', issue: null, why: { renew: { 'H-1': -0.1 } } },
    ]);
    expect([a.status, a.reviewedTick, a.endedTick]).toEqual(['in-force', 36, null]);
    expect([b.status, b.reviewedTick, b.endedTick]).toEqual(['lapsed', null, 36]);
  });

  it('a review of an instrument that ended this tick (denounced first) is ignored', () => {
    const { model, world } = setup();
    const a = inForce(world, { id: 'i000001', denunciationDemandedTick: 0 });
    const b = inForce(world, { id: 'i000002', status: 'denounced', endedTick: 3 });
    const events = run(model, world, 5, {
      central: { endings: [{ instrument: 'i000001', outcome: 'denounced', by: 'H-1', citations: [], why: {} }] },
      reviews: [{ instrument: 'i000001', renewed: true, by: 'H-1', why: {} }, { instrument: 'i000002', renewed: false, by: 'H-1', why: {} }],
    });
    expect(events.map((e) => e.kind)).toEqual(['instrument.denounced']);
    expect([a.status, a.reviewedTick, a.endedTick]).toEqual(['denounced', null, 5]);
    expect([b.status, b.endedTick]).toEqual(['denounced', 3]);
  });
});

describe('apply: relations', () => {
  it('the score is always written; the mode and relation.changed only when the mode changes', () => {
    const { model, world } = setup();
    const events = run(model, world, 1, {
      central: {
        relations: [
          { subnational: 'H-1', score: 0.3, mode: 'complementarity' },
          { subnational: 'H-2', score: -0.123456, mode: 'competition' },
          { subnational: 'N-1', score: 0.9, mode: 'support', why: { inputs: { alignment: 1 }, thresholds: { support: 0.6 } } },
        ],
      },
    });
    expect(events).toEqual([
      { kind: 'relation.changed', subnational: 'H-2', central: 'H', from: 'complementarity', to: 'competition', why: { score: -0.1235 } },
      { kind: 'relation.changed', subnational: 'N-1', central: 'N', from: 'complementarity', to: 'support', why: { score: 0.9, inputs: { alignment: 1 }, thresholds: { support: 0.6 } } },
    ]);
    const u = (id: string) => world.subnationals.find((x) => x.id === id)!;
    expect([u('H-1').relation, u('H-1').relationScore]).toEqual(['complementarity', 0.3]);
    expect([u('H-2').relation, u('H-2').relationScore]).toEqual(['competition', -0.123456]);
    expect(u('N-1').relationScore).toBe(0.9);
  });
});
