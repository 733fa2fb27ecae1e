/**
 * A sweep's result as the analysis and the report read it (src/cli/result-dir.ts reads it from experiment.json
 * and runs.csv): the parameters, the design, the measures and one row per run.
 */
import type { DesignSpec, ParameterSpec, ParameterValue } from './design.ts';

export interface SweepRun {
  run: number;
  point: number;
  seed: number;
  params: Record<string, ParameterValue>;
  /** NaN where the measure never happened (or the run failed). */
  measures: Record<string, number>;
  status: 'ok' | 'error';
  error: string;
}

export interface SweepResult {
  dir: string;
  /** experiment.json as written, for provenance in reports. */
  experiment: Record<string, unknown>;
  params: ParameterSpec[];
  design: DesignSpec;
  /** Measure names, in runs.csv column order. */
  measures: string[];
  runs: SweepRun[];
}
