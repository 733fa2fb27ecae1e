/**
 * A sweep result directory written by hand, to the contract `paradip sweep` writes (experiment.json, runs.csv):
 * a design, some seeds per point and measures computed by known functions, so the analysis and the report can
 * be checked against known answers through the real binary, without running simulations.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { designPoints, type DesignSpec, type ParameterSpec, type ParameterValue } from '../../src/experiment/design.ts';

export interface FixtureSpec {
  params: ParameterSpec[];
  design: DesignSpec;
  seeds: number;
  /** Measure name -> value of a run (NaN for "never happened"). */
  measures: Record<string, (values: Record<string, ParameterValue>, seed: number) => number>;
  /** Runs (by run id) that failed. */
  errored?: number[];
}

function cell(v: ParameterValue | number): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes the result directory; returns its number of runs. */
export function writeSweepFixture(dir: string, spec: FixtureSpec): number {
  mkdirSync(dir, { recursive: true });
  const points = designPoints(spec.params, spec.design);
  const names = Object.keys(spec.measures);
  const paths = spec.params.map((p) => p.path);
  const lines = [['run', 'point', 'seed', ...paths, ...names, 'status', 'error'].join(',')];
  let run = 0;
  for (const p of points) {
    for (let s = 1; s <= spec.seeds; s++) {
      const failed = spec.errored?.includes(run) ?? false;
      const values = names.map((n) => (failed ? NaN : spec.measures[n]!(p.values, s)));
      lines.push([run, p.point, s, ...paths.map((x) => p.values[x]!), ...values, failed ? 'error' : 'ok', failed ? 'scenario formula gave NaN' : ''].map(cell).join(','));
      run++;
    }
  }
  const experiment = {
    format: 'paradip-experiment',
    version: 1,
    scenario: { file: 'scenarios/fixture.yaml', sha256: '0'.repeat(64) },
    variant: null,
    parameters: spec.params,
    design: spec.design,
    seeds: { first: 1, count: spec.seeds },
    measures: names.map((name) => ({ name, definition: { fixture: name } })),
    overrides: [],
    versions: { paradip: 'fixture' },
    pointCount: points.length,
    runCount: run,
  };
  writeFileSync(join(dir, 'experiment.json'), JSON.stringify(experiment, null, 2) + '\n');
  writeFileSync(join(dir, 'runs.csv'), lines.join('\n') + '\n');
  return run;
}
