/**
 * Randomness is state. One seeded alea generator per named stream, derived from (seed, stream name), so adding a
 * stream or a draw in one phase does not reshuffle the others; each stream's state lives in the world and in
 * every checkpoint (seedrandom's `{ state: true }`). This is the only door to seedrandom.
 */
import seedrandom from 'seedrandom';

export const STREAMS = ['issues', 'decide', 'respond', 'central'] as const;
export type StreamName = (typeof STREAMS)[number];

/** alea's constants, as seedrandom writes them: 2^-32 and 2^-53. */
const TWO_POW_M32 = 2.3283064365386963e-10;
const TWO_POW_M53 = 1.1102230246251565e-16;

/**
 * seedrandom's alea generator, the same arithmetic step for step (seedrandom/lib/alea.js: `next` and `double`),
 * with its state in a Float64Array instead of closures over an object: the decide loop draws about 60 times
 * per agent and tick, and a call through seedrandom's closures (double -> prng -> next) cost as much as the
 * arithmetic. Seeding stays seedrandom's (its Mash hash); the state read and written is seedrandom's
 * `{ c, s0, s1, s2 }`, in that order, so checkpoints are unchanged. Values are bit for bit seedrandom's
 * (src/engine/rng.test.ts compares them over a million draws).
 */
export class Alea {
  /** c, s0, s1, s2 as in seedrandom's Alea. */
  private readonly s = new Float64Array(4);

  constructor(state: Readonly<Record<string, unknown>>) {
    this.s[0] = state['c'] as number;
    this.s[1] = state['s0'] as number;
    this.s[2] = state['s1'] as number;
    this.s[3] = state['s2'] as number;
  }

  /** seedrandom's `next` (prng()): 32 bits in [0, 1). */
  next(): number {
    const s = this.s;
    const t = 2091639 * s[1]! + s[0]! * TWO_POW_M32;
    s[1] = s[2]!;
    s[2] = s[3]!;
    const c = t | 0;
    s[0] = c;
    return (s[3] = t - c);
  }

  /** seedrandom's `double`: 53 bits in [0, 1). */
  double(): number {
    const s = this.s;
    let t = 2091639 * s[1]! + s[0]! * TWO_POW_M32;
    s[1] = s[2]!;
    s[2] = s[3]!;
    let c = t | 0;
    const hi = t - c;
    t = 2091639 * s[1]! + c * TWO_POW_M32;
    s[1] = s[2]!;
    s[2] = hi;
    c = t | 0;
    s[0] = c;
    const lo = t - c;
    s[3] = lo;
    return hi + ((lo * 0x200000) | 0) * TWO_POW_M53;
  }

  /**
   * A standard normal by Box-Muller from two doubles (the first as 1 - u), written to out[i]: a double
   * returned from a call V8 does not inline is a new heap object, so the hot loops take theirs in typed arrays.
   */
  normalInto(out: Float64Array, i: number): void {
    // Two `double`s written out (four steps of `next`); this runs about 30 times per agent and tick.
    const s = this.s;
    let t = 2091639 * s[1]! + s[0]! * TWO_POW_M32;
    s[1] = s[2]!;
    s[2] = s[3]!;
    let c = t | 0;
    const a = t - c;
    t = 2091639 * s[1]! + c * TWO_POW_M32;
    s[1] = s[2]!;
    s[2] = a;
    c = t | 0;
    const b = t - c;
    t = 2091639 * s[1]! + c * TWO_POW_M32;
    s[1] = s[2]!;
    s[2] = b;
    c = t | 0;
    const d = t - c;
    t = 2091639 * s[1]! + c * TWO_POW_M32;
    s[1] = s[2]!;
    s[2] = d;
    c = t | 0;
    s[0] = c;
    const e = t - c;
    s[3] = e;
    const u = 1 - (a + ((b * 0x200000) | 0) * TWO_POW_M53);
    const v = d + ((e * 0x200000) | 0) * TWO_POW_M53;
    out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** The state as seedrandom writes it. */
  state(): { c: number; s0: number; s1: number; s2: number } {
    return { c: this.s[0]!, s0: this.s[1]!, s1: this.s[2]!, s2: this.s[3]! };
  }
}

export class Streams {
  /** One generator per stream, in a plain object: the hot loops draw millions of times per run. */
  private readonly gens: Readonly<Record<StreamName, Alea>>;

  private constructor(gens: Map<StreamName, Alea>) {
    this.gens = Object.fromEntries(gens) as Record<StreamName, Alea>;
  }

  /** Fresh streams for a seed. The seed is required: a run never picks one silently. */
  static fromSeed(seed: number | string): Streams {
    return new Streams(new Map(STREAMS.map((s) => [s, new Alea(seedrandom.alea(`paradip/${seed}/${s}`, { state: true }).state())])));
  }

  /** Streams resumed from saved state (a checkpoint). */
  static fromState(state: Readonly<Record<string, unknown>>): Streams {
    return new Streams(
      new Map(
        STREAMS.map((s) => {
          const saved = state[s];
          if (saved === undefined) throw new Error(`checkpoint has no state for RNG stream "${s}"`);
          // Through seedrandom, which reads a saved state as it always did.
          return [s, new Alea(seedrandom.alea('', { state: saved as seedrandom.State.Alea }).state())];
        }),
      ),
    );
  }

  /** Uniform in [0, 1) with 53 bits. */
  uniform(stream: StreamName): number {
    return this.gen(stream).double();
  }

  /** Standard normal (Box-Muller; two uniforms per draw so the draw count is fixed). */
  normal(stream: StreamName): number {
    const u = 1 - this.uniform(stream);
    const v = this.uniform(stream);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * `normal`, written to out[i] instead of returned: the hot loops keep their doubles in typed arrays, since a
   * double returned from a call V8 does not inline is a new heap object. Same draws as `normal`.
   */
  normalInto(stream: StreamName, out: Float64Array, i: number): void {
    this.gen(stream).normalInto(out, i);
  }

  /** The generator of one stream, for a hot loop that draws from it many times (same draws as through Streams). */
  generator(stream: StreamName): Alea {
    return this.gen(stream);
  }

  /**
   * Picks up to k distinct entries of the first `n` of `items` (a buffer the caller owns) by a partial
   * Fisher-Yates shuffle in place: afterwards the picks are items[0..min(n, k)), in the order of the draws (one
   * uniform draw per pick; none if n <= k). No allocation, for the decide loop.
   */
  sampleInPlace(stream: StreamName, items: Int32Array, n: number, k: number): number {
    if (n <= k) return n;
    const g = this.gen(stream);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(g.double() * (n - i));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return k;
  }

  state(): Record<string, unknown> {
    return Object.fromEntries(STREAMS.map((s) => [s, this.gen(s).state()]));
  }

  private gen(stream: StreamName): Alea {
    const g = this.gens[stream];
    if (!g) throw new Error(`unknown RNG stream "${stream}"`);
    return g;
  }
}

/**
 * A seeded uniform source in [0, 1) for one named purpose outside a run (an experiment's design, a bootstrap):
 * derived from the purpose's name and seed, so it never shares draws with a run's streams.
 */
export function uniformSource(purpose: string, seed: number): () => number {
  const gen = seedrandom.alea(`paradip/${purpose}/${seed}`);
  return () => gen.double();
}
