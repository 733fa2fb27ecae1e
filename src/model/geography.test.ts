import { describe, expect, it } from 'vitest';
import { duchacek, partnerCategories, type Geography } from './geography.ts';
import type { Central, Subnational } from './world.ts';

// Country A borders B; C borders neither. A-1 borders B-1 (cross-border); A-2 borders only A-1.
const central = (id: string, neighbours: string[]) => ({ id, neighbours }) as unknown as Central;
const unit = (id: string, c: string, neighbours: string[]) => ({ id, central: c, neighbours }) as unknown as Subnational;
const units = [unit('A-1', 'A', ['A-2', 'B-1']), unit('A-2', 'A', ['A-1']), unit('B-1', 'B', ['A-1']), unit('B-2', 'B', []), unit('C-1', 'C', [])];
const centrals = [central('A', ['B']), central('B', ['A']), central('C', [])];
const geo: Geography = {
  subnational: (id) => units.find((u) => u.id === id),
  central: (id) => centrals.find((c) => c.id === id),
  isNetwork: (id) => id === 'NET',
};
const u = (id: string) => geo.subnational(id)!;

describe("Duchacek's typology (seed-catalog 1.5)", () => {
  it('cross-border: units across a border', () => expect(duchacek(geo, u('A-1'), 'B-1')).toBe('cross-border'));
  it('transregional: units of neighbouring states without a common border', () => {
    expect(duchacek(geo, u('A-2'), 'B-1')).toBe('transregional');
    expect(duchacek(geo, u('A-1'), 'B-2')).toBe('transregional');
  });
  it('global: units of states without a common border', () => expect(duchacek(geo, u('A-1'), 'C-1')).toBe('global'));
  it('a unit bordering a foreign state is cross-border with that state', () => {
    expect(duchacek(geo, u('A-1'), 'B')).toBe('cross-border');
    expect(duchacek(geo, u('A-2'), 'B')).toBe('transregional');
    expect(duchacek(geo, u('A-2'), 'C')).toBe('global');
  });
  it('no type for domestic ties and networks', () => {
    expect(duchacek(geo, u('A-1'), 'A-2')).toBeNull();
    expect(duchacek(geo, u('A-1'), 'NET')).toBeNull();
  });
});

describe('partner categories', () => {
  it('a cross-border unit is also a unit of a neighbouring state and a foreign unit', () => {
    expect(partnerCategories(geo, u('A-1'), 'B-1')).toEqual(['neighbour-subnational', 'neighbour-state-unit', 'foreign-subnational']);
  });
  it('states, distant units, domestic units and networks', () => {
    expect(partnerCategories(geo, u('A-2'), 'B')).toEqual(['neighbour-state', 'foreign-state']);
    expect(partnerCategories(geo, u('A-2'), 'C')).toEqual(['foreign-state']);
    expect(partnerCategories(geo, u('A-2'), 'C-1')).toEqual(['foreign-subnational']);
    expect(partnerCategories(geo, u('A-2'), 'A-1')).toEqual(['domestic-subnational']);
    expect(partnerCategories(geo, u('A-2'), 'NET')).toEqual(['network']);
  });
});
