import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { Alea, Streams } from './rng.ts';

describe('Alea', () => {
  it('draws what seedrandom.alea draws, bit for bit, and leaves the same state', () => {
    const ref = seedrandom.alea('paradip/7/decide', { state: true });
    const own = new Alea(seedrandom.alea('paradip/7/decide', { state: true }).state());
    let differ = 0;
    for (let i = 0; i < 1_000_000; i++) {
      // Mixed as the engine mixes them: doubles, and now and then a bare next (32 bits).
      const a = i % 97 === 0 ? ref() : ref.double();
      const b = i % 97 === 0 ? own.next() : own.double();
      if (!Object.is(a, b)) differ++;
    }
    expect(differ).toBe(0);
    expect(JSON.stringify(own.state())).toBe(JSON.stringify(ref.state()));
  });

  it('gives the normal draws of the Box-Muller formula on two doubles', () => {
    const ref = seedrandom.alea('x', { state: true });
    const own = new Alea(seedrandom.alea('x', { state: true }).state());
    const out = new Float64Array(1);
    for (let i = 0; i < 1000; i++) {
      const u = 1 - ref.double();
      const v = ref.double();
      own.normalInto(out, 0);
      expect(out[0]).toBe(Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    }
  });
});

describe('Streams', () => {
  it('resumes from its state where it left off, whichever door the draws went through', () => {
    const a = Streams.fromSeed(3);
    const out = new Float64Array(2);
    for (let i = 0; i < 100; i++) a.generator('decide').normalInto(out, 0), a.uniform('issues');
    const b = Streams.fromState(JSON.parse(JSON.stringify(a.state())) as Record<string, unknown>);
    for (let i = 0; i < 100; i++) {
      a.normalInto('decide', out, 0);
      b.generator('decide').normalInto(out, 1);
      expect(out[1]).toBe(out[0]);
      expect(b.uniform('issues')).toBe(a.uniform('issues'));
    }
  });

  it('writes each stream state with the keys and values seedrandom writes', () => {
    const s = Streams.fromSeed(5);
    for (let i = 0; i < 10; i++) s.uniform('respond');
    const ref = seedrandom.alea('paradip/5/respond', { state: true });
    for (let i = 0; i < 10; i++) ref.double();
    expect(JSON.stringify(s.state()['respond'])).toBe(JSON.stringify(ref.state()));
    expect(JSON.stringify(s.state()['central'])).toBe(JSON.stringify(seedrandom.alea('paradip/5/central', { state: true }).state()));
  });
});
