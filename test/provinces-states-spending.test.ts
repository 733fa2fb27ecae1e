/**
 * S11 (scenarios/provinces-states-spending.yaml): its declared targets hold over seeds 1-20; the data blocks are
 * exactly what scripts/provinces-states-data.mjs writes from its cited figures (no unit hand-tuned); the timeline
 * holds inputs only (export intensity, Quebec's governments); offices after the start are opened and closed by
 * decisions; the counterfactual variants move provincial spending the way the docs report.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { indicatorNames } from '../src/engine/phases/observe.ts';
import { prepareScenario, ROOT as root, runScenario, targetsOver } from './support/shipped-scenario.ts';

const FILE = 'scenarios/provinces-states-spending.yaml';
const SEEDS = 20;

const prepare = (variant: string | null = null, seed = 1, until: string | null = null) => prepareScenario(FILE, variant, seed, until);

/** Events, and the indicator row of the last tick run, by name. */
function run(variant: string | null = null, seed = 1, until: string | null = null) {
  const r = runScenario(FILE, variant, seed, until);
  const names = indicatorNames(r.prepared.run.model);
  return { events: r.events, world: r.world, at: (id: string) => r.lastIndicators[names.indexOf(id)]! };
}

describe('S11: Canadian provinces and US states, the spending puzzle', () => {
  it(`every declared target meets its pass rate over seeds 1-${SEEDS}`, async () => {
    const targets = await targetsOver(FILE, SEEDS);
    expect(targets.length).toBe(12);
    for (const t of targets) expect(t.passRate, `${t.target.id}: ${t.passRate} of seeds, ${t.target.passRate} required`).toBeGreaterThanOrEqual(t.target.passRate);
  }, 120_000);

  it('the data blocks are what scripts/provinces-states-data.mjs writes from its cited figures', () => {
    const generated = execFileSync(process.execPath, [join(root, 'scripts/provinces-states-data.mjs')], { cwd: root, encoding: 'utf8' });
    const data = parse(generated) as { subnationals: { id: string; attributes: Record<string, number>; tradeTies: Record<string, number> }[]; timeline: { id: string; set: Record<string, number> }[] };
    const { scenario } = prepare().run.model;
    expect(scenario.subnationals.map((u) => u.id)).toEqual(data.subnationals.map((u) => u.id));
    expect(scenario.subnationals.length).toBe(60);
    for (const g of data.subnationals) {
      const u = scenario.subnationals.find((x) => x.id === g.id)!;
      expect(u.tradeTies, g.id).toEqual(g.tradeTies);
      // Quebec alone adds identity and autonomy to the generated attributes.
      expect({ ...u.attributes, identityStrength: undefined, autonomyAspiration: undefined }, g.id).toEqual({ ...g.attributes, identityStrength: undefined, autonomyAspiration: undefined });
    }
    for (const t of data.timeline) expect(scenario.timeline.find((x) => x.id === t.id)?.set, t.id).toEqual(t.set);
  });

  it('the timeline holds inputs only: export intensity (data) and who governs Quebec, never an instrument', () => {
    const { scenario } = prepare().run.model;
    const input = /^subnationals\.(CA|US)-[A-Z]{2}\.attributes\.(openness|autonomyAspiration)$/;
    const paths = scenario.timeline.flatMap((t) => Object.keys(t.set));
    expect(paths.length).toBe(5 * 10 + 6 * 50 + 3);
    for (const path of paths) expect(path).toMatch(input);
    for (const v of scenario.variants) for (const path of Object.keys(v.set)) expect(path).not.toMatch(/^(timeline|instruments|holdings)/);
  });

  it('seed 1: every office in force but the inputs of 1985 was opened by a decision, and the closures are reviews', () => {
    const { events, world } = run();
    const signed = new Set(events.filter((e) => e.kind === 'instrument.signed').map((e) => e['id']));
    for (const i of world.instruments.filter((x) => x.status === 'in-force')) {
      if (i.proposedTick === 0 && i.citations[0]!.startsWith('In force when the scenario starts')) continue;
      expect(signed.has(i.id), `${i.id} (${i.initiator} in ${i.parties[1]})`).toBe(true);
    }
    const lapsed = events.filter((e) => e.kind === 'instrument.lapsed' && e['instrument'] === 'office');
    expect(lapsed.length).toBeGreaterThan(10);
    expect(lapsed.every((e) => (e['why'] as { renew: Record<string, number> }).renew[e['by'] as string]! < 0)).toBe(true);
  });

  it('variant central-reading: no province opens an office, so provincial spending at 2002 falls below a quarter of the states\'', () => {
    const base = run(null, 1, '2002-12');
    const central = run('central-reading', 1, '2002-12');
    expect(central.events.filter((e) => e.kind === 'instrument.signed' && e['instrument'] === 'office' && String(e['initiator']).startsWith('CA-'))).toEqual([]);
    expect(central.at('spending_ratio')).toBeLessThan(0.25);
    expect(base.at('spending_ratio')).toBeGreaterThan(0.8);
  });

  it('variants no-free-trade and no-quebec-nationalism lower provincial spending at 2002 (seeds 1-3)', () => {
    const mean = (variant: string | null): number => [1, 2, 3].reduce((s, seed) => s + run(variant, seed, '2002-12').at('spending_ca'), 0) / 3;
    const base = mean(null);
    expect(mean('no-free-trade')).toBeLessThan(base * 0.7);
    expect(mean('no-quebec-nationalism')).toBeLessThan(base);
  });
});
