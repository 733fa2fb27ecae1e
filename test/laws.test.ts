/**
 * Laws of the engine over generated scenarios and rule sets (fast-check): determinism, independence from the
 * order of agents in the file, resumption from any checkpoint, and the constitutional invariants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertInvariants, checkpoint, continueRun, resumeRun, runArbitrary, simulate } from '../src/testing/index.ts';

const RUNS = 40;

describe('engine laws', () => {
  it('the same scenario and seed give the same events.jsonl', () => {
    fc.assert(
      fc.property(runArbitrary(), ({ scenario, ruleSets, seed }) => {
        const a = simulate(scenario, ruleSets, seed);
        const b = simulate(structuredClone(scenario), ruleSets, seed);
        expect(b.events).toEqual(a.events);
        expect(b.indicators).toEqual(a.indicators);
      }),
      { numRuns: RUNS },
    );
  });

  it('reordering agents in the file does not change outcomes', () => {
    fc.assert(
      fc.property(runArbitrary(), fc.nat(), ({ scenario, ruleSets, seed }, shuffleSeed) => {
        const a = simulate(scenario, ruleSets, seed);
        const shuffled = structuredClone(scenario);
        shuffled.subnationals = permute(shuffled.subnationals, shuffleSeed);
        shuffled.centrals = permute(shuffled.centrals, shuffleSeed + 1);
        for (const u of shuffled.subnationals) u.neighbours = permute(u.neighbours, shuffleSeed + 2);
        const b = simulate(shuffled, [...ruleSets].reverse(), seed);
        expect(b.events).toEqual(a.events);
      }),
      { numRuns: RUNS },
    );
  });

  it('resuming from a checkpoint at any tick equals the uninterrupted run', () => {
    fc.assert(
      fc.property(runArbitrary(), fc.double({ min: 0, max: 1, noNaN: true }), ({ scenario, ruleSets, seed }, at) => {
        const whole = simulate(scenario, ruleSets, seed);
        const ticks = whole.indicators.length;
        const k = Math.min(ticks - 1, Math.floor(at * ticks));
        const first = simulate(scenario, ruleSets, seed, { ticks: k + 1 });
        // Through JSON, as a checkpoint file would be.
        const resumed = continueRun(resumeRun(JSON.parse(JSON.stringify(checkpoint(first.run)))));
        expect([...first.events, ...resumed.events]).toEqual(whole.events);
        expect([...first.indicators, ...resumed.indicators]).toEqual(whole.indicators);
      }),
      { numRuns: RUNS },
    );
  });

  it('no instrument is in force without every approval its rule sets require, none that a rule forbids, and every deadline resolves', () => {
    fc.assert(
      fc.property(runArbitrary(), ({ scenario, ruleSets, seed }) => {
        simulate(scenario, ruleSets, seed, { onTick: (run) => assertInvariants(run.model, run.world, seed) });
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('generated runs are eventful (the laws above are not vacuous)', () => {
    let signed = 0;
    let approvals = 0;
    let forbidden = 0;
    fc.assert(
      fc.property(runArbitrary(), ({ scenario, ruleSets, seed }) => {
        const { events } = simulate(scenario, ruleSets, seed);
        for (const line of events) {
          const kind = JSON.parse(line).kind as string;
          if (kind === 'instrument.signed') signed++;
          if (kind.startsWith('approval.')) approvals++;
          if (kind === 'action.forbidden') forbidden++;
        }
      }),
      { numRuns: RUNS, seed: 42 },
    );
    expect(signed).toBeGreaterThan(RUNS);
    expect(approvals).toBeGreaterThan(RUNS / 2);
    expect(forbidden).toBeGreaterThan(RUNS / 2);
  });
});

/** A deterministic permutation (not Math.random: tests replay from their seed). */
function permute<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
