/**
 * Phase `issues` on a tiny hand-built world: emissions (base x data series x laws), deposition through a
 * transfer decaying with distance, damage, salience and position, each from its formula with the variables
 * it documents; one noise draw per unit and issue; the emission series interpolated between dated points.
 */
import { describe, expect, it } from 'vitest';
import type { Instrument, World } from '../../model/world.ts';
import type { RuleSet } from '../../rules/rule-set.ts';
import { scenarioSchema, type IssueSpec } from '../../scenario/schema.ts';
import { initialWorld } from '../initial-world.ts';
import { buildModel, type Model } from '../model.ts';
import { Streams } from '../rng.ts';
import { issues, seriesFactor, transferWeight } from './issues.ts';
import { silentRuleSets } from '../../../test/support/silent-rule-sets.ts';

const RULES: RuleSet[] = silentRuleSets(['HX', 'FX']);

interface Options {
  formulas?: Record<string, string>;
  parameters?: Record<string, number>;
  tick?: 'month' | 'week';
  edit?: (s: Record<string, any>) => void;
}

/**
 * H-1 at (0, 0) emits 10, H-2 at (300, 400) emits 4 (500 km from H-1), F-1 at (0, 1000) is sensitive (1),
 * F-2 has no location (sensitive), H-3 near H-1 feels nothing (sensitivity 0), F-3 near H-1 is not named by the
 * issue. Transfer length scale 500 km.
 */
function build(o: Options = {}): { model: Model; world: World } {
  const s: Record<string, any> = {
    paradip: 1,
    id: 'issues',
    title: 'Issues',
    calendar: { tick: o.tick ?? 'month', start: '2000-01-01', end: '2001-12-31' },
    centrals: [
      { id: 'H', name: 'Home', ruleSet: 'HX', neighbours: ['F'] },
      { id: 'F', name: 'Foreign', ruleSet: 'FX', neighbours: ['H'] },
    ],
    subnationals: [
      { id: 'H-1', name: 'H one', kind: 'region', central: 'H', location: [0, 0] },
      { id: 'H-2', name: 'H two', kind: 'region', central: 'H', location: [300, 400] },
      { id: 'H-3', name: 'H three', kind: 'region', central: 'H', location: [1, 1] },
      { id: 'F-1', name: 'F one', kind: 'region', central: 'F', location: [0, 1000] },
      { id: 'F-2', name: 'F two', kind: 'region', central: 'F' },
      // Not named by the issue at all: no emission, no sensitivity.
      { id: 'F-3', name: 'F three', kind: 'region', central: 'F', location: [10, 10] },
    ],
    issues: [
      {
        id: 'acid',
        name: 'Acid rain',
        domain: 'environment',
        transfer: { lengthScale: 500 },
        units: { 'H-1': { emission: 10 }, 'H-2': { emission: 4, sensitivity: 0.5 }, 'F-1': { sensitivity: 1 }, 'F-2': { sensitivity: 1 }, 'H-3': { sensitivity: 0 } },
      },
    ],
    behaviour: {
      parameters: { ...o.parameters },
      formulas: { damage: 'deposition', salience: '0', subnationalPosition: '0', ...o.formulas },
    },
  };
  o.edit?.(s);
  const model = buildModel(scenarioSchema.parse(s), RULES);
  return { model, world: initialWorld(model, 1) };
}

function run(o: Options = {}, setup?: (w: World) => void, date = '2000-01-01') {
  const b = build(o);
  setup?.(b.world);
  const streams = Streams.fromSeed(1);
  issues(b.model, b.world, streams, date);
  const state = (issue = 'acid') => b.world.issues.find((x) => x.id === issue)!.units;
  return { ...b, streams, state };
}

const pos = (w: World, id: string, issue = 'acid') => w.subnationals.find((u) => u.id === id)!.position[issue];

function inForce(id: string, over: Partial<Instrument> = {}): Instrument {
  return {
    id,
    kind: 'mou',
    initiator: 'H-1',
    parties: ['H-1', 'F-1'],
    domain: 'environment',
    issue: 'acid',
    status: 'in-force',
    proposedTick: 0,
    signedTick: 0,
    endedTick: null,
    reviewedTick: null,
    duchacek: 'global',
    protodiplomacy: false,
    citations: [],
    legal: [],
    approvals: [],
    denunciationDemandedTick: null,
    denunciationDemandedBy: null,
    ...over,
  };
}

describe('emissions', () => {
  it('base emission, times the central’s series factor, times a cut for each law binding the unit', () => {
    const edit = (s: Record<string, any>) => (s.issues[0].emissionSeries = { H: { '2000-01': 0.5 } });
    const laws = (w: World) => w.issues[0]!.laws.push({ by: 'H-1', tick: 0 }, { by: 'H', tick: 0 }, { by: 'F-1', tick: 0 });
    const { state } = run({ edit, parameters: { lawCut: 0.3 } }, laws);
    expect(state()['H-1']!.emission).toBeCloseTo(10 * 0.5 * 0.7 * 0.7, 12);
    expect(state()['H-2']!.emission).toBeCloseTo(4 * 0.5 * 0.7, 12);
  });

  it('no law, no series: the base emission; a law of another unit or central does not bind', () => {
    const { state } = run({ parameters: { lawCut: 0.3 } }, (w) => w.issues[0]!.laws.push({ by: 'H-2', tick: 0 }, { by: 'F', tick: 0 }));
    expect(state()['H-1']!.emission).toBe(10);
    expect(state()['H-2']!.emission).toBeCloseTo(2.8, 12);
  });

  it('recomputed from the base each tick (never compounding), units that emit nothing stay at 0', () => {
    const b = build({ parameters: { lawCut: 0.5 } });
    b.world.issues[0]!.laws.push({ by: 'H-1', tick: 0 });
    const streams = Streams.fromSeed(1);
    issues(b.model, b.world, streams, '2000-01-01');
    issues(b.model, b.world, streams, '2000-02-01');
    expect(b.world.issues[0]!.units['H-1']!.emission).toBe(5);
    expect(b.world.issues[0]!.units['F-1']!.emission).toBe(0);
  });
});

describe('deposition and damage', () => {
  const d = Math.hypot(300, 600);

  it('each source at weight exp(-distance / lengthScale), its own emission at weight 1', () => {
    const { state } = run();
    expect(state()['H-1']!.deposition).toBeCloseTo(10 + 4 * Math.exp(-1), 12);
    expect(state()['H-2']!.deposition).toBeCloseTo(4 + 10 * Math.exp(-1), 12);
    expect(state()['F-1']!.deposition).toBeCloseTo(10 * Math.exp(-2) + 4 * Math.exp(-d / 500), 12);
  });

  it('the distance is the straight line between the two locations, in both coordinates', () => {
    const edit = (s: Record<string, any>) => {
      s.subnationals[5].location = [600, 800];
      s.issues[0].units['F-3'] = { sensitivity: 1 };
    };
    const { state } = run({ edit });
    // 1000 km from H-1 at (0, 0), 500 km from H-2 at (300, 400).
    expect(state()['F-3']!.deposition).toBeCloseTo(10 * Math.exp(-2) + 4 * Math.exp(-1), 12);
  });

  it('the decay follows the length scale', () => {
    const { state } = run({ edit: (s) => (s.issues[0].transfer = { lengthScale: 1000 }) });
    expect(state()['F-1']!.deposition).toBeCloseTo(10 * Math.exp(-1) + 4 * Math.exp(-d / 1000), 12);
  });

  it('nothing reaches a unit without a location, nor one that feels nothing', () => {
    const { state } = run();
    expect(state()['F-2']!.deposition).toBe(0);
    expect(state()['H-3']!.deposition).toBe(0);
    expect(state()['H-3']!.damage).toBe(0);
    expect(state()['F-3']!.deposition).toBe(0);
    expect(state()['F-3']!.emission).toBe(0);
  });

  it('a source without a location receives only its own emission', () => {
    const { state } = run({ edit: (s) => (s.subnationals[1].location = null) });
    expect(state()['H-2']!.deposition).toBe(4);
    expect(state()['H-1']!.deposition).toBe(10);
  });

  it('damage from the damage formula, reading deposition and the unit’s sensitivity', () => {
    const { state } = run({ formulas: { damage: 'sensitivity * 10 + deposition' } });
    expect(state()['F-1']!.damage).toBeCloseTo(10 + state()['F-1']!.deposition, 12);
    expect(state()['H-2']!.damage).toBeCloseTo(5 + state()['H-2']!.deposition, 12);
    expect(state()['H-1']!.damage).toBeCloseTo(state()['H-1']!.deposition, 12);
  });
});

describe('salience', () => {
  it('reads the previous salience and the new damage', () => {
    const { state } = run({ formulas: { salience: 'salience' } }, (w) => (w.issues[0]!.units['F-1']!.salience = 0.3));
    expect(state()['F-1']!.salience).toBe(0.3);
    const damage = run({ formulas: { salience: 'damage', damage: 'deposition * 2' } }).state;
    expect(damage()['F-1']!.salience).toBeCloseTo(damage()['F-1']!.damage, 12);
    expect(damage()['F-1']!.salience).toBeGreaterThan(0);
  });

  it("reads the unit's instruments in force on the issue, and the laws on it", () => {
    const ties = (w: World) =>
      w.instruments.push(
        inForce('I-1'),
        inForce('I-2', { parties: ['H-1', 'H-2'] }),
        inForce('I-3', { status: 'awaiting-approval' }),
        inForce('I-4', { issue: null }),
        inForce('I-5', { issue: 'smog' }),
      );
    const { state } = run({ formulas: { salience: 'ties' } }, ties);
    expect(state()['H-1']!.salience).toBe(2);
    expect(state()['H-2']!.salience).toBe(1);
    expect(state()['F-1']!.salience).toBe(1);
    expect(state()['F-2']!.salience).toBe(0);
    const laws = run({ formulas: { salience: 'laws' } }, (w) => w.issues[0]!.laws.push({ by: 'H', tick: 0 }, { by: 'F-1', tick: 0 })).state;
    expect(laws()['F-2']!.salience).toBe(2);
  });

  it("reads the unit's sensitivity", () => {
    const { state } = run({ formulas: { salience: 'sensitivity' } });
    expect(state()['H-2']!.salience).toBe(0.5);
    expect(state()['F-1']!.salience).toBe(1);
    expect(state()['H-1']!.salience).toBe(0);
  });

  it('one standard normal draw per unit, in unit order', () => {
    const { state, streams } = run({ formulas: { salience: 'noise' } });
    const s = Streams.fromSeed(1);
    const n = [0, 1, 2, 3, 4, 5].map(() => s.normal('issues'));
    // Units in id order: F-1, F-2, F-3, H-1, H-2, H-3.
    expect(state()['F-1']!.salience).toBe(n[0]);
    expect(state()['F-2']!.salience).toBe(n[1]);
    expect(state()['F-3']!.salience).toBe(n[2]);
    expect(state()['H-1']!.salience).toBe(n[3]);
    expect(state()['H-2']!.salience).toBe(n[4]);
    expect(state()['H-3']!.salience).toBe(n[5]);
    expect(streams.uniform('issues')).toBe(s.uniform('issues'));
  });

  it('salience moves with dt (the default formula: a rate per month)', () => {
    const month = run({ formulas: { salience: 'salience + dt' } }, (w) => (w.issues[0]!.units['F-1']!.salience = 0.1)).state;
    expect(month()['F-1']!.salience).toBeCloseTo(1.1, 12);
    const week = run({ tick: 'week', formulas: { salience: 'salience + dt' } }, (w) => (w.issues[0]!.units['F-1']!.salience = 0.1)).state;
    expect(week()['F-1']!.salience).toBeCloseTo(0.1 + (7 * 12) / 365.25, 12);
  });
});

describe('position', () => {
  it('reads the current position, the new salience, the damage and the emission share', () => {
    const setup = (w: World) => {
      w.subnationals.find((u) => u.id === 'H-2')!.position = { acid: -0.4 };
      w.issues[0]!.units['H-2']!.salience = 0.2;
    };
    expect(pos(run({ formulas: { subnationalPosition: 'position' } }, setup).world, 'H-2')).toBe(-0.4);
    expect(pos(run({ formulas: { subnationalPosition: 'position' } }, setup).world, 'H-1')).toBe(0);
    expect(pos(run({ formulas: { salience: 'salience + 0.5', subnationalPosition: 'salience' } }, setup).world, 'H-2')).toBe(0.7);
    expect(pos(run({ formulas: { subnationalPosition: 'emissionShare' } }, setup).world, 'H-2')).toBe(0.4);
    expect(pos(run({ formulas: { subnationalPosition: 'emissionShare' } }, setup).world, 'H-1')).toBe(1);
    expect(pos(run({ formulas: { subnationalPosition: 'emissionShare' } }, setup).world, 'F-1')).toBe(0);
    const b = run({ formulas: { subnationalPosition: 'damage', damage: 'deposition + 1' } }, setup);
    expect(pos(b.world, 'H-2')).toBeCloseTo(b.state()['H-2']!.damage, 12);
  });
});

describe('several issues', () => {
  it('in id order, each with its own units, draws continuing from one issue to the next', () => {
    const { world, streams } = run({
      formulas: { salience: 'noise', subnationalPosition: 'salience' },
      edit: (s) => s.issues.unshift({ id: 'smog', name: 'Smog', domain: 'health', units: { 'F-1': { emission: 3 } } }),
    });
    const s = Streams.fromSeed(1);
    const n = Array.from({ length: 12 }, () => s.normal('issues'));
    expect(world.issues.map((x) => x.id)).toEqual(['acid', 'smog']);
    expect(world.issues[1]!.units['F-1']!.salience).toBe(n[6]);
    expect(world.issues[1]!.units['H-3']!.salience).toBe(n[11]);
    expect(world.issues[1]!.units['F-1']!.emission).toBe(3);
    expect(world.issues[1]!.units['F-1']!.deposition).toBe(3);
    expect(world.issues[1]!.units['H-1']!.deposition).toBe(0);
    expect(pos(world, 'F-1', 'smog')).toBe(n[6]);
    expect(pos(world, 'F-1', 'acid')).toBe(n[0]);
    expect(streams.uniform('issues')).toBe(s.uniform('issues'));
  });
});

describe('seriesFactor', () => {
  const spec = (series: Record<string, Record<string, number>>) => ({ emissionSeries: series }) as unknown as IssueSpec;

  it('1 without a series for the central, or with an empty one', () => {
    expect(seriesFactor(spec({ F: { '2000-01': 2 } }), 'H', '2000-01-01')).toBe(1);
    expect(seriesFactor(spec({ H: {} }), 'H', '2000-01-01')).toBe(1);
  });

  it('linear between dated points, whatever their order in the file', () => {
    const s = spec({ H: { '2000-01-11': 10, '2000-01-01': 0 } });
    expect(seriesFactor(s, 'H', '2000-01-04')).toBeCloseTo(3, 12);
    expect(seriesFactor(s, 'H', '2000-01-10')).toBeCloseTo(9, 12);
    expect(seriesFactor(s, 'H', '2000-01-11')).toBe(10);
    expect(seriesFactor(s, 'H', '2000-01-01')).toBe(0);
  });

  it('flat before the first point and after the last', () => {
    const s = spec({ H: { '2010-01': 2, '2000-01': 1, '2005-01-01': 0 } });
    expect(seriesFactor(s, 'H', '1990-06-01')).toBe(1);
    expect(seriesFactor(s, 'H', '2000-01-01')).toBe(1);
    expect(seriesFactor(s, 'H', '2005-01-01')).toBe(0);
    expect(seriesFactor(s, 'H', '2010-01-01')).toBe(2);
    expect(seriesFactor(s, 'H', '2030-01-01')).toBe(2);
  });

  it('a month "YYYY-MM" is its first day; the segment is the one containing the date', () => {
    const s = spec({ H: { '2010-01': 2, '2000-01': 1, '2005-01-01': 0 } });
    const t = (a: string, b: string, d: string) => (Date.parse(d) - Date.parse(a)) / (Date.parse(b) - Date.parse(a));
    expect(seriesFactor(s, 'H', '2002-07-02')).toBeCloseTo(1 - t('2000-01-01', '2005-01-01', '2002-07-02'), 12);
    expect(seriesFactor(s, 'H', '2007-07-02')).toBeCloseTo(2 * t('2005-01-01', '2010-01-01', '2007-07-02'), 12);
    expect(seriesFactor(spec({ H: { '2000-02': 4, '2000-01': 0 } }), 'H', '2000-01-16')).toBeCloseTo((15 / 31) * 4, 12);
  });
});

describe('prevailing wind', () => {
  const wind = { lengthScale: 700, wind: { towards: 90, downwind: 1100, upwind: 400 } };
  it('carries farther downwind than upwind, and across the wind at the mean scale', () => {
    expect(transferWeight(wind, 500, 0)).toBeCloseTo(Math.exp(-500 / 1100), 12); // receptor east: downwind
    expect(transferWeight(wind, -500, 0)).toBeCloseTo(Math.exp(-500 / 400), 12); // receptor west: upwind
    expect(transferWeight(wind, 0, 500)).toBeCloseTo(Math.exp(-500 / 750), 12); // north: across
    expect(transferWeight(wind, 0, -500)).toBeCloseTo(Math.exp(-500 / 750), 12);
    // 45 degrees off the wind: the mean plus half the difference times cos 45.
    expect(transferWeight(wind, 300, 300)).toBeCloseTo(Math.exp(-Math.hypot(300, 300) / (750 + 350 * Math.SQRT1_2)), 12);
  });
  it('turns with the wind and is isotropic without one', () => {
    const north = { lengthScale: 700, wind: { towards: 0, downwind: 1100, upwind: 400 } };
    expect(transferWeight(north, 0, 500)).toBeCloseTo(Math.exp(-500 / 1100), 12);
    expect(transferWeight(north, 500, 0)).toBeCloseTo(Math.exp(-500 / 750), 12);
    expect(transferWeight({ lengthScale: 700 }, 300, -400)).toBeCloseTo(Math.exp(-500 / 700), 12);
    expect(transferWeight(wind, 0, 0)).toBe(1);
  });
});
