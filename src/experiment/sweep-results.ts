/**
 * A finished sweep (or shard) as files: experiment.json (provenance: the experiment, the scenario's hash,
 * versions; no wall-clock time, so the same sweep gives the same bytes), runs.csv and runs.parquet with rows
 * sorted by run id. `merge` writes through the same function, which is why shards merged equal one machine.
 */
import { createHash } from 'node:crypto';
import type { Experiment } from './load-experiment.ts';
import { rowCells, tableColumns, toCsv, toParquet, type Column } from './results-table.ts';
import { runCount, type Shard } from './sweep-plan.ts';
import type { SweepRow } from './sweep-runner.ts';

export interface Versions {
  paradip: string;
  node: string;
  v8: string;
  gitCommit: string | null;
}

/** The sweep's identity: what decides its results (not where files are, nor which shard). */
export function sweepHash(e: Experiment, paradip: string): string {
  const { spec } = e;
  const identity = { paradip, scenarioSha256: e.scenarioSha256, library: e.library, variant: spec.variant, set: spec.set, parameters: spec.parameters, design: spec.design, seeds: spec.seeds, measures: spec.measures, points: e.points };
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

export function columnsOf(e: Experiment): Column[] {
  return tableColumns(e.spec.parameters.map((p) => p.path), e.points.map((p) => p.values), e.spec.measures.map((m) => m.name));
}

/** experiment.json's object. */
export function experimentRecord(e: Experiment, versions: Versions, hash: string, shard: Shard | null): Record<string, unknown> {
  const { spec } = e;
  return {
    format: 'paradip-experiment',
    version: 1,
    id: spec.id,
    title: spec.title,
    description: spec.description,
    file: e.file,
    scenario: { file: e.scenarioFile, sha256: e.scenarioSha256 },
    variant: spec.variant,
    overrides: e.fixed,
    parameters: spec.parameters,
    design: spec.design,
    seeds: spec.seeds,
    measures: spec.measures,
    pointCount: e.points.length,
    runCount: runCount(e),
    columns: columnsOf(e),
    points: e.points,
    ...versions,
    hash,
    shard,
  };
}

/** The three files of a finished sweep from its rows (any order; written sorted by run id). */
export function resultFiles(e: Experiment, record: Record<string, unknown>, rows: readonly SweepRow[]): { 'runs.csv': string; 'runs.parquet': Uint8Array; 'experiment.json': string } {
  const columns = columnsOf(e);
  const params = e.spec.parameters.map((p) => p.path);
  const sorted = [...rows].sort((a, b) => a.run - b.run);
  const cells = sorted.map((r) => rowCells(r, params, e.points[r.point]!.values, columns));
  const json = `${JSON.stringify(record, null, 2)}\n`;
  return {
    'runs.csv': toCsv(columns, cells),
    'runs.parquet': toParquet(columns, cells, { 'paradip.experiment': json }),
    'experiment.json': json,
  };
}
