/**
 * The static index (ids as numbers, candidate pools, goals) is kept between ticks and rebuilt when a timeline
 * entry applies. A timeline that changes goals, trade ties or borders mid-run must therefore give the same
 * outcomes as a run resumed from a checkpoint just after it (which builds everything afresh): a stale index
 * would keep the old goals and pools.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runArbitrary } from '../testing/arbitraries.ts';
import { continueRun, simulate } from '../testing/simulate.ts';
import { tickOf } from '../model/calendar.ts';
import { checkpoint, resumeRun } from './run.ts';
import { StaticIndex, PARTY_CENTRAL, PARTY_NETWORK, PARTY_SUBNATIONAL } from './static-index.ts';

describe('StaticIndex', () => {
  it('numbers every party in id order, and pools hold known parties only, without the unit or its central', () => {
    const [g] = fc.sample(runArbitrary({ maxSubnationals: 8, minIssues: 1 }), { seed: 3, numRuns: 1 });
    const { run } = simulate(g!.scenario, g!.ruleSets, g!.seed, { ticks: 1 });
    const st = new StaticIndex(run.world);
    expect([...st.ids]).toEqual([...st.ids].sort());
    for (const [i, id] of st.ids.entries()) {
      expect(st.number.get(id)).toBe(i);
      const kind = run.world.subnationals.some((u) => u.id === id) ? PARTY_SUBNATIONAL : run.world.centrals.some((c) => c.id === id) ? PARTY_CENTRAL : PARTY_NETWORK;
      expect(st.partyKind[i], id).toBe(kind);
    }
    // A subnational's place and record by id come from its number; a central or an unknown id has neither.
    for (const c of run.world.centrals) {
      expect(st.position.get(c.id), c.id).toBeUndefined();
      expect(st.subById.has(c.id), c.id).toBe(false);
    }
    expect(st.position.has('no-such-id')).toBe(false);
    expect(st.subById.get('no-such-id')).toBeUndefined();
    expect([...st.position]).toEqual(run.world.subnationals.map((u, a) => [u.id, a]));
    expect([...st.subById.values()]).toEqual(run.world.subnationals);
    expect(st.subById.size).toBe(run.world.subnationals.length);
    run.world.subnationals.forEach((u, a) => {
      expect(st.position.get(u.id), u.id).toBe(a);
      expect(st.position.has(u.id), u.id).toBe(true);
      expect(st.subById.get(u.id), u.id).toBe(u);
      const pool = [...st.poolData.subarray(st.poolStart[a]!, st.poolStart[a + 1]!)].map((k) => st.ids[k]!);
      expect(pool, u.id).not.toContain(u.id);
      expect(pool, u.id).not.toContain(u.central);
      for (const n of u.neighbours) if (n !== u.id) expect(pool, u.id).toContain(n);
      for (const network of run.world.networks) expect(pool).toContain(network.id);
    });
  });

  it("each unit's goals (names shared by signature, weights as CSR) are its own goals with a positive weight, in name order", () => {
    let shared = 0;
    for (const g of fc.sample(runArbitrary({ maxSubnationals: 8, minIssues: 1 }), { seed: 5, numRuns: 20 })) {
      const { run } = simulate(g.scenario, g.ruleSets, g.seed, { ticks: 1 });
      const st = new StaticIndex(run.world);
      const issues = new Set(run.world.issues.map((x) => x.id));
      run.world.subnationals.forEach((u, a) => {
        const expected = Object.keys(u.goals).sort().filter((k) => u.goals[k]! > 0);
        const from = st.goalStart[a]!;
        expect(st.goalStart[a + 1]! - from, u.id).toBe(expected.length);
        expect(st.goalsOf(a).map((x) => x.goal), u.id).toEqual(expected);
        expect(st.goalsOf(a).map((x) => x.issue), u.id).toEqual(expected.map((k) => (issues.has(k) ? k : null)));
        expect([...st.goalWeight.subarray(from, from + expected.length)], u.id).toEqual(expected.map((k) => u.goals[k]));
        // Units with equal goal names share one list of names, and only they do.
        run.world.subnationals.forEach((v, b) => {
          const same = st.goalsOf(b).map((x) => x.goal).join() === expected.join();
          expect(st.goalsOf(b) === st.goalsOf(a), `${u.id} ${v.id}`).toBe(same);
          if (same && a !== b) shared++;
        });
      });
    }
    expect(shared).toBeGreaterThan(0);
  });

  it('a timeline that changes goals, trade ties, borders and attributes mid-run gives what a fresh index gives', () => {
    const cases = fc.sample(runArbitrary({ maxSubnationals: 8, minIssues: 1 }), { seed: 11, numRuns: 25 });
    let changed = 0;
    for (const g of cases) {
      const units = g.scenario.subnationals;
      const a = units[0]!;
      const b = units[units.length - 1]!;
      g.scenario.timeline.push({
        id: 'restructure',
        date: '2000-06',
        set: { [`subnationals.${a.id}.goals.X`]: 1, [`subnationals.${a.id}.goals.economic`]: 0, [`subnationals.${a.id}.tradeTies.${b.id}`]: 0.9, [`subnationals.${b.id}.attributes.autonomyAspiration`]: 0.95 },
      } as (typeof g.scenario.timeline)[number]);
      const whole = simulate(g.scenario, g.ruleSets, g.seed);
      // Stop right after the entry applied, checkpoint through JSON, resume: the resumed run indexes afresh.
      const applied = tickOf(whole.run.model.calendar, '2000-06-01');
      const first = simulate(g.scenario, g.ruleSets, g.seed, { ticks: applied + 1 });
      const resumed = continueRun(resumeRun(JSON.parse(JSON.stringify(checkpoint(first.run)))));
      expect([...first.events, ...resumed.events]).toEqual(whole.events);
      expect([...first.indicators, ...resumed.indicators]).toEqual(whole.indicators);
      const without = simulate({ ...g.scenario, timeline: g.scenario.timeline.filter((e) => e.id !== 'restructure') }, g.ruleSets, g.seed);
      if (without.events.join('\n') !== whole.events.join('\n')) changed++;
    }
    // The entry must matter in enough runs, or the comparison would not test the rebuild.
    expect(changed).toBeGreaterThan(5);
  });
});
