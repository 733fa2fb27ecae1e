/**
 * `paradip merge <shard-dir>... --out <dir>`: the finished shards of one sweep (`sweep --shard i/n`, on one
 * machine or many) as one result, byte-identical to the same sweep run whole. Refused, with nothing written,
 * unless the shards are of the same sweep, all n of them are there once, each complete, and together they
 * hold every run exactly once. Shards run by different builds (git commit, Node or V8; another paradip
 * version is another sweep, refused) are merged with a warning that names them: a seeded run gives the same
 * numbers on any Node, but another commit may not, and the merged experiment.json records one build (the
 * first shard's).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import type { Experiment } from '../experiment/load-experiment.ts';
import type { Column } from '../experiment/results-table.ts';
import { resultFiles } from '../experiment/sweep-results.ts';
import type { SweepRow } from '../experiment/sweep-runner.ts';
import type { DesignPoint } from '../experiment/design.ts';
import type { ExperimentSpec } from '../experiment/experiment-schema.ts';
import { parseArgs } from './args.ts';
import { EXIT, print, type Io } from './io.ts';
import { JOURNAL, SweepDir } from './sweep-dir.ts';

/** experiment.json's fields that say which build ran a shard (see `Versions`). */
const BUILD_FIELDS = ['gitCommit', 'node', 'v8'] as const;

export const MERGE_USAGE = 'paradip merge <shard-dir>... --out <dir>';

interface ShardRecord {
  hash: string;
  shard: { index: number; count: number } | null;
  runCount: number;
  columns: Column[];
  points: DesignPoint[];
  parameters: ExperimentSpec['parameters'];
  measures: ExperimentSpec['measures'];
  [key: string]: unknown;
}

export async function mergeCommand(io: Io, argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, { out: { type: 'string' } });
  if (!parsed.ok) return usage(io, parsed.error);
  const dirs = parsed.args.positionals;
  const out = parsed.args.flags['out'] as string | undefined;
  if (dirs.length === 0) return usage(io, 'which shards? give the result directories of `sweep --shard`');
  if (out === undefined) return usage(io, 'where to? give --out <dir> (new or empty)');
  const at = (d: string): string => (isAbsolute(d) ? d : resolve(io.cwd, d));
  const fail = (message: string): number => {
    print(io.stderr, `error: ${message}; nothing written`);
    return EXIT.badInput;
  };
  const records: ShardRecord[] = [];
  for (const d of dirs) {
    if (existsSync(join(at(d), JOURNAL))) return fail(`${d} is not finished (it has ${JOURNAL}): run its sweep command again to complete it`);
    const file = join(at(d), 'experiment.json');
    if (!existsSync(file) || !existsSync(join(at(d), 'runs.parquet'))) return fail(`${d} is not a finished sweep shard (no experiment.json and runs.parquet)`);
    try {
      records.push(JSON.parse(readFileSync(file, 'utf8')) as ShardRecord);
    } catch (e) {
      return fail(`${d}/experiment.json is not JSON: ${(e as Error).message}`);
    }
  }
  const first = records[0]!;
  for (const [i, r] of records.entries()) {
    if (r.shard === null) return fail(`${dirs[i]} is a whole sweep, not a shard`);
    if (r.hash !== first.hash) return fail(`${dirs[i]} is a shard of another sweep than ${dirs[0]} (experiment hash ${r.hash.slice(0, 12)} vs ${first.hash.slice(0, 12)})`);
  }
  const builds = BUILD_FIELDS.filter((f) => records.some((r) => r[f] !== first[f]));
  for (const f of builds) {
    const seen = dirs.map((d, i) => `${d}: ${String(records[i]![f])}`).join(', ');
    print(io.stderr, `warning: the shards were run by different builds (${f}: ${seen}); experiment.json records ${dirs[0]}'s`);
  }
  const count = first.shard!.count;
  const indexes = records.map((r) => r.shard!.index);
  const dup = indexes.find((x, i) => indexes.indexOf(x) !== i);
  if (dup !== undefined) return fail(`shard ${dup} of ${count} is given twice`);
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !indexes.includes(i));
  if (records.some((r) => r.shard!.count !== count) || missing.length > 0) return fail(`the sweep has ${count} shards; missing: ${missing.slice(0, 20).join(', ') || 'none'}${records.some((r) => r.shard!.count !== count) ? '; some shards say a different count' : ''}`);
  // Rows back from each shard's Parquet file (typed: no text parsing), checked run by run.
  const rows = new Map<number, SweepRow>();
  const measures = first.measures.map((m) => m.name);
  for (const [i, d] of dirs.entries()) {
    const objects = (await parquetReadObjects({ file: await asyncBufferFromFile(join(at(d), 'runs.parquet')) })) as Record<string, unknown>[];
    for (const o of objects) {
      const run = Number(o['run']);
      if (run % count !== records[i]!.shard!.index) return fail(`${d} holds run ${run}, which belongs to shard ${run % count}`);
      if (rows.has(run)) return fail(`run ${run} is in two shards`);
      rows.set(run, { run, point: Number(o['point']), seed: Number(o['seed']), measures: measures.map((m) => (o[m] === null || o[m] === undefined ? NaN : Number(o[m]))), status: o['status'] as 'ok' | 'error', error: String(o['error'] ?? '') });
    }
  }
  const lost = Array.from({ length: first.runCount }, (_, r) => r).filter((r) => !rows.has(r));
  if (lost.length > 0) return fail(`${lost.length} runs are in no shard (first: ${lost.slice(0, 10).join(', ')})`);
  // The merged experiment.json is the shards' with no shard: what the whole sweep writes.
  const record = { ...first, shard: null };
  const e = { spec: { parameters: first.parameters, measures: first.measures }, points: first.points } as unknown as Experiment;
  const target = at(out);
  const opened = SweepDir.open(target, { format: 'paradip-sweep-journal', version: 1, hash: first.hash, shard: null }, () => false);
  if (!opened.ok || opened.state !== 'running') {
    print(io.stderr, `error: ${opened.ok ? `${out} already holds a finished sweep; choose a new --out` : opened.error}`);
    return opened.ok ? EXIT.badInput : opened.code;
  }
  opened.dir.finish(resultFiles(e, record, [...rows.values()]));
  print(io.stdout, `${out}: ${rows.size} runs from ${count} shards; runs.csv, runs.parquet, experiment.json`);
  return EXIT.ok;
}

function usage(io: Io, error: string): number {
  print(io.stderr, `error: ${error}\nusage: ${MERGE_USAGE}`);
  return EXIT.badInput;
}
