/**
 * One task of a sweep: some runs of one design point, each a seeded run of the scenario with the point's
 * overrides, measured (measures.ts) into one row. The same code runs in-process and in a pool worker; a
 * worker keeps the scenario it loaded for a point while tasks of that point keep coming, so a point is
 * loaded once per worker rather than once per run. A run depends only on its point and its seed.
 */
import { indicatorNames } from '../engine/phases/observe.ts';
import { initialWorld } from '../engine/initial-world.ts';
import { buildModel, type Model } from '../engine/model.ts';
import { Streams } from '../engine/rng.ts';
import { lastTick, runTicks, type Run } from '../engine/run.ts';
import { NonFiniteFormulaError } from '../rules/formula.ts';
import type { RuleSet } from '../rules/rule-set.ts';
import { loadScenario, type Loaded } from '../scenario/load-scenario.ts';
import type { Override } from '../scenario/overrides.ts';
import { formatProblem } from '../scenario/problem.ts';
import type { MeasureSpec } from './experiment-schema.ts';
import { countriesOf, keepEvent, measurePlan, measureRun, type MeasurePlan, type RunRecord } from './measures.ts';

/** Sent once to every worker: the scenario as text (loaded per point there), its rule-set library, the measures. */
export interface SweepJob {
  scenarioText: string;
  scenarioFile: string;
  library: RuleSet[];
  variant: string | null;
  measures: MeasureSpec[];
}

export interface SweepTask {
  point: number;
  /** The experiment's fixed overrides, then the point's parameter values. */
  overrides: Override[];
  runs: { run: number; seed: number }[];
}

/** One run's row: its measures in the experiment's order; an error leaves them NaN and says why. */
export interface SweepRow {
  run: number;
  point: number;
  seed: number;
  measures: number[];
  status: 'ok' | 'error';
  error: string;
}

/** A point ready to run: its model (built once: formulas compiled once), what to keep, who belongs where. */
type Ready = { loaded: Extract<Loaded, { ok: true }>; model: Model; plan: MeasurePlan; countries: Map<string, string> };

/**
 * Points this worker has loaded, most recent last. Tasks of one point go to whichever worker is free, so a
 * worker sees a few points in turn; keeping several avoids loading one again (about 50 ms for acid-rain).
 */
const cache = new Map<string, Ready | string>();
const CACHED_POINTS = 16;

/** The scenario loaded with these overrides, or why it cannot be (the main thread checked every point first). */
function loadPoint(job: SweepJob, overrides: Override[]): Ready | string {
  const key = JSON.stringify([job.scenarioFile, job.variant, overrides]);
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const l = loadScenario(job.scenarioText, job.scenarioFile, { ruleSets: job.library, variant: job.variant, overrides });
  let loaded: Ready | string = l.ok ? '' : l.problems.map(formatProblem).join('; ');
  if (l.ok) {
    const model = buildModel(l.scenario, l.ruleSets);
    loaded = { loaded: l, model, plan: measurePlan(job.measures, l.scenario, model.calendar), countries: countriesOf(l.scenario) };
  }
  cache.set(key, loaded);
  if (cache.size > CACHED_POINTS) cache.delete(cache.keys().next().value!);
  return loaded;
}

export function runSweepTask(job: SweepJob, task: SweepTask): SweepRow[] {
  const ready = loadPoint(job, task.overrides);
  return task.runs.map(({ run, seed }) => {
    const row: SweepRow = { run, point: task.point, seed, measures: job.measures.map(() => NaN), status: 'ok', error: '' };
    if (typeof ready === 'string') return { ...row, status: 'error', error: ready };
    try {
      const record = recordRun(ready, { seed, variant: job.variant, overrides: task.overrides });
      row.measures = job.measures.map((m) => measureRun(m, record, ready.model.scenario, ready.model.calendar, ready.countries));
    } catch (e) {
      // A formula giving NaN fails this run, not the sweep; anything else is a bug and fails the sweep.
      if (!(e instanceof NonFiniteFormulaError)) throw e;
      row.status = 'error';
      row.error = `formula ${e.formula ?? e.source} gave ${e.value}${e.who ? ` for ${e.who}` : ''}${e.date ? ` on ${e.date}` : ''}`;
    }
    return row;
  });
}

/** Runs one seed to the calendar's end (as startRun would, on the point's model) and keeps what the plan asks for. */
function recordRun(ready: Ready, meta: Run['meta']): RunRecord {
  const world = initialWorld(ready.model, meta.seed);
  const run: Run = { model: ready.model, world, streams: Streams.fromState(world.rng), meta };
  const names = indicatorNames(run.model);
  const kinds = new Set(ready.plan.kinds);
  const columns = ready.plan.indicators.map((id) => ({ id, at: names.indexOf(id) }));
  const record: RunRecord = { events: [], dates: [], series: Object.fromEntries(columns.map((c) => [c.id, []])) };
  for (const r of runTicks(run, lastTick(run.model))) {
    for (const e of r.events) if (kinds.has(e.kind)) record.events.push(keepEvent(e));
    record.dates.push(r.date);
    for (const c of columns) {
      const v = c.at < 0 ? null : r.indicators[c.at];
      record.series[c.id]!.push(typeof v === 'number' && Number.isFinite(v) ? v : null);
    }
  }
  return record;
}
