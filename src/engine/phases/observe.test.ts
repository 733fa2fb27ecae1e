/**
 * Phase `observe`: one indicator row per tick, built-ins first (instruments in force, approvals pending, laws,
 * mean salience per issue), then the scenario's own indicators in file order, each computed on its own.
 */
import { describe, expect, it } from 'vitest';
import type { Instrument, World } from '../../model/world.ts';
import type { RuleSet } from '../../rules/rule-set.ts';
import { scenarioSchema } from '../../scenario/schema.ts';
import { initialWorld } from '../initial-world.ts';
import { buildModel } from '../model.ts';
import { indicatorNames, observe } from './observe.ts';

const OPEN: RuleSet = {
  id: 'OPEN', country: 'OPEN', name: 'Open', valid: {}, legalBasis: 'test', sources: [], subnationalKinds: ['region'], rules: [], powers: [],
  silence: { binding: 'allow', nonBinding: 'allow', citation: 'open' }, silent: [], options: {},
};

function setup(indicators: unknown[] = []) {
  const scenario = scenarioSchema.parse({
    paradip: 1, id: 'observe', title: 'Observe', calendar: { tick: 'month', start: '2000-01', end: '2000-12' },
    centrals: [
      { id: 'H', name: 'Home', ruleSet: 'OPEN', executive: { stance: { env: 0.25 } } },
      { id: 'N', name: 'Neighbour', ruleSet: 'OPEN' },
    ],
    subnationals: [
      { id: 'H-1', name: 'One', kind: 'region', central: 'H' },
      { id: 'H-2', name: 'Two', kind: 'region', central: 'H' },
      { id: 'N-1', name: 'Three', kind: 'region', central: 'N' },
    ],
    issues: [
      { id: 'env', name: 'Environment', domain: 'environment', units: { 'H-1': { sensitivity: 1, emission: 2 }, 'H-2': { sensitivity: 0.5 }, 'N-1': { emission: 5 } } },
      { id: 'air', name: 'Air', domain: 'atmosphere' },
    ],
    indicators,
  });
  const model = buildModel(scenario, [OPEN]);
  const world = initialWorld(model, 1);
  const env = world.issues.find((x) => x.id === 'env')!;
  env.units['H-1']!.salience = 0.5;
  env.units['H-2']!.salience = 0.25;
  env.units['N-1']!.salience = 0.9;
  env.units['H-1']!.damage = 0.25;
  env.units['N-1']!.deposition = 4;
  return { model, world };
}

function add(world: World, o: Partial<Instrument> & { id: string }): void {
  world.instruments.push({
    kind: 'mou', initiator: 'H-1', parties: ['H-1', 'N-1'], domain: 'environment', issue: 'env', status: 'in-force', proposedTick: 0, signedTick: 0,
    endedTick: null, reviewedTick: null, duchacek: 'cross-border', protodiplomacy: false, citations: [], legal: [], approvals: [], denunciationDemandedTick: null, denunciationDemandedBy: null, ...o,
  });
}

describe('observe: built-in indicators', () => {
  it('names: built-ins, salience per issue in id order, then the scenario\'s indicators in file order', () => {
    const { model } = setup([{ id: 'zeta', value: 'tick' }, { id: 'alpha', value: 'tick' }]);
    expect(indicatorNames(model)).toEqual(['in_force', 'awaiting_approval', 'laws', 'salience_air', 'salience_env', 'zeta', 'alpha']);
  });

  it('counts instruments in force and awaiting approval (no other status), laws on every issue, mean salience over sensitive units', () => {
    const { model, world } = setup();
    add(world, { id: 'i1' });
    add(world, { id: 'i2' });
    add(world, { id: 'i3', status: 'awaiting-approval' });
    for (const status of ['proposed', 'refused', 'denounced', 'expired', 'lapsed', 'taken-over'] as const) add(world, { id: status, status });
    world.issues.find((x) => x.id === 'env')!.laws.push({ by: 'H', tick: 0 }, { by: 'H-1', tick: 0 });
    world.issues.find((x) => x.id === 'air')!.laws.push({ by: 'N', tick: 0 });
    // salience_air: no unit is sensitive to air, so 0; salience_env: H-1 and H-2 (sensitivity > 0), not N-1.
    expect(observe(model, world)).toEqual([2, 1, 3, 0, 0.375]);
  });

  it('an issue with no state in the world observes NaN, not a failure', () => {
    const { model, world } = setup([{ id: 'air-mean', mean: { issue: 'air', field: 'salience', units: ['H-1'] } }]);
    world.issues = world.issues.filter((x) => x.id !== 'air');
    const row = observe(model, world);
    expect(row.slice(0, 3)).toEqual([0, 0, 0]);
    expect(row[3]).toBeNaN();
    expect(row[4]).toBe(0.375);
    expect(row[5]).toBeNaN();
  });

  it('an empty world observes zeros', () => {
    const { model, world } = setup();
    expect(observe(model, world)).toEqual([0, 0, 0, 0, 0.375]);
  });
});

describe('observe: the scenario\'s indicators', () => {
  it('count: instruments with a status (in force by default)', () => {
    const { model, world } = setup([{ id: 'all', count: {} }, { id: 'pending', count: { status: 'awaiting-approval' } }]);
    add(world, { id: 'i1' });
    add(world, { id: 'i2', status: 'awaiting-approval' });
    add(world, { id: 'i3', status: 'refused' });
    expect(observe(model, world).slice(5)).toEqual([1, 1]);
  });

  it('count: by instrument, issue and Duchacek type, each filter on its own', () => {
    const { model, world } = setup([
      { id: 'treaties', count: { instrument: 'treaty' } },
      { id: 'on-air', count: { issue: 'air' } },
      { id: 'global', count: { duchacek: 'global' } },
      { id: 'all-three', count: { instrument: 'treaty', issue: 'air', duchacek: 'global' } },
    ]);
    add(world, { id: 'i1', kind: 'treaty', issue: 'env', duchacek: 'cross-border' });
    add(world, { id: 'i2', kind: 'mou', issue: 'air', duchacek: 'cross-border' });
    add(world, { id: 'i3', kind: 'mou', issue: 'env', duchacek: 'global' });
    add(world, { id: 'i4', kind: 'treaty', issue: 'air', duchacek: 'global' });
    add(world, { id: 'i5', kind: 'treaty', issue: 'air', duchacek: 'global', status: 'denounced' });
    expect(observe(model, world).slice(5)).toEqual([2, 2, 2, 1]);
  });

  it('count: by central, an instrument with one of its units or the central itself as a party', () => {
    const { model, world } = setup([{ id: 'of-H', count: { central: 'H' } }, { id: 'of-N', count: { central: 'N' } }]);
    add(world, { id: 'i1', parties: ['H-1', 'N-1'] });
    add(world, { id: 'i2', parties: ['H-2', 'H-1'] });
    add(world, { id: 'i3', parties: ['N', 'H'], initiator: 'N', duchacek: null });
    add(world, { id: 'i4', parties: ['N-1', 'net'], initiator: 'N-1', duchacek: null });
    add(world, { id: 'i5', parties: ['H-2', 'net'], initiator: 'H-2', duchacek: null });
    expect(observe(model, world).slice(5)).toEqual([4, 3]);
  });

  it('mean: of a field over the units named, or over the units sensitive to the issue', () => {
    const { model, world } = setup([
      { id: 'sal', mean: { issue: 'env', field: 'salience', units: ['H-1', 'N-1'] } },
      { id: 'dam', mean: { issue: 'env', field: 'damage' } },
      { id: 'dep', mean: { issue: 'env', field: 'deposition', units: ['N-1'] } },
      { id: 'emi', mean: { issue: 'env', field: 'emission', units: ['H-1', 'N-1', 'nobody'] } },
      { id: 'none', mean: { issue: 'env', field: 'salience', units: [] } },
      { id: 'ghost', mean: { issue: 'sea', field: 'salience' } },
    ]);
    const row = observe(model, world).slice(5);
    expect(row.slice(0, 5)).toEqual([0.7, 0.125, 4, 7 / 3, 0]);
    expect(row[5]).toBeNaN();
  });

  it('value: a number in the world by path; anything else is NaN', () => {
    const { model, world } = setup([
      { id: 'stance', value: 'centrals.H.executive.stance.env' },
      { id: 'tick', value: 'tick' },
      { id: 'text', value: 'centrals.H.name' },
      { id: 'missing', value: 'centrals.X.name' },
    ]);
    world.tick = 7;
    const row = observe(model, world).slice(5);
    expect(row.slice(0, 2)).toEqual([0.25, 7]);
    expect(row[2]).toBeNaN();
    expect(row[3]).toBeNaN();
  });

  it('indicators follow the built-ins in file order, one value each', () => {
    const { model, world } = setup([{ id: 'b', value: 'tick' }, { id: 'a', count: {} }, { id: 'c', mean: { issue: 'env', field: 'salience' } }]);
    world.tick = 3;
    add(world, { id: 'i1' });
    expect(observe(model, world)).toEqual([1, 0, 0, 0, 0.375, 3, 1, 0.375]);
  });
});
