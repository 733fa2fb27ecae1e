/**
 * Randomness is state. One seeded alea generator per named stream, derived from (seed, stream name), so adding a
 * stream or a draw in one phase does not reshuffle the others; each stream's state lives in the world and in
 * every checkpoint (seedrandom's `{ state: true }`). This is the only door to seedrandom.
 */
import seedrandom from 'seedrandom';

export const STREAMS = ['issues', 'decide', 'respond', 'central'] as const;
export type StreamName = (typeof STREAMS)[number];

type Alea = ReturnType<typeof seedrandom.alea>;

export class Streams {
  /** One generator per stream, in a plain object: the hot loops draw millions of times per run. */
  private readonly gens: Readonly<Record<StreamName, Alea>>;

  private constructor(gens: Map<StreamName, Alea>) {
    this.gens = Object.fromEntries(gens) as Record<StreamName, Alea>;
  }

  /** Fresh streams for a seed. The seed is required: a run never picks one silently. */
  static fromSeed(seed: number | string): Streams {
    return new Streams(new Map(STREAMS.map((s) => [s, seedrandom.alea(`paradip/${seed}/${s}`, { state: true })])));
  }

  /** Streams resumed from saved state (a checkpoint). */
  static fromState(state: Readonly<Record<string, unknown>>): Streams {
    return new Streams(
      new Map(
        STREAMS.map((s) => {
          const saved = state[s];
          if (saved === undefined) throw new Error(`checkpoint has no state for RNG stream "${s}"`);
          return [s, seedrandom.alea('', { state: saved as seedrandom.State.Alea })];
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
    const g = this.gen(stream);
    const u = 1 - g.double();
    const v = g.double();
    out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
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
