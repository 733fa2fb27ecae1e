/**
 * The steps every shipped scenario's test takes: prepare it as `paradip run` does (a file that does not load
 * fails the test with its problems' positions), run it to its end, and measure its declared targets over
 * seeds as `paradip check` does.
 */
import { join } from 'node:path';
import { checkTargets } from '../../src/cli/check-command.ts';
import { prepareRun, type Prepared } from '../../src/cli/prepare-run.ts';
import type { SimEvent } from '../../src/engine/events.ts';
import { runTicks } from '../../src/engine/run.ts';
import type { TargetOverSeeds } from '../../src/experiment/seeds.ts';
import type { World } from '../../src/model/world.ts';

export const ROOT = join(import.meta.dirname, '../..');

export function prepareScenario(file: string, variant: string | null = null, seed = 1, until: string | null = null): Prepared {
  const r = prepareRun({ scenario: file, seed, variant, sets: [], until, from: null, cwd: ROOT });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n'));
  return r.prepared;
}

export interface ScenarioRun {
  prepared: Prepared;
  events: SimEvent[];
  world: World;
  /** The indicator row of the last tick run (in-force, awaiting approval, laws, then the scenario's own). */
  lastIndicators: number[];
}

export function runScenario(file: string, variant: string | null = null, seed = 1, until: string | null = null): ScenarioRun {
  const prepared = prepareScenario(file, variant, seed, until);
  const events: SimEvent[] = [];
  let lastIndicators: number[] = [];
  for (const t of runTicks(prepared.run, prepared.last)) events.push(...t.events), (lastIndicators = t.indicators);
  return { prepared, events, world: prepared.run.world, lastIndicators };
}

/** The scenario's declared targets over seeds 1..seeds, on 2 threads, as `paradip check` reports them. */
export async function targetsOver(file: string, seeds: number): Promise<TargetOverSeeds[]> {
  const checked = await checkTargets({ scenario: file, seeds, firstSeed: 1, variant: null, sets: [], workers: 2, cwd: ROOT });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.report.targets;
}
