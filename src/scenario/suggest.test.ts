import { describe, expect, it } from 'vitest';
import { closest, editDistance, listNearest, nearest } from './suggest.ts';

describe('suggestions', () => {
  it('measures edit distance', () => {
    expect(editDistance('actThreshhold', 'actThreshold')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
  it('names the nearest candidate, a difference in case counting least', () => {
    expect(closest('actThreshhold', ['acceptThreshold', 'actThreshold', 'noise'])).toBe('actThreshold');
    expect(closest('us', ['UK', 'US'])).toBe('US');
    expect(closest('x', [])).toBeNull();
  });
  it('orders ties alphabetically, so the answer never depends on the order of the candidates', () => {
    expect(nearest('AB', ['AD', 'AC'])).toEqual(['AC', 'AD']);
    expect(nearest('AB', ['AC', 'AD'])).toEqual(['AC', 'AD']);
  });
  it('lists at most ten names, nearest first, and says how many there are', () => {
    const many = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    expect(listNearest('p03', many)).toBe('p03, p00, p01, p02, p04, p05, p06, p07, p08, p09, ... (12 in all)');
    expect(listNearest('a', ['b'])).toBe('b');
    expect(listNearest('a', [])).toBe('nothing (none exist here)');
  });
});
