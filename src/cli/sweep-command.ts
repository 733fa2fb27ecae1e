/**
 * `paradip sweep`: runs an experiment (a file, or a scenario with --vary flags) over its design points and
 * seeds on a warm worker pool, one deterministic shard of it with --shard, and writes the tidy results
 * (sweep-dir.ts, sweep-results.ts). The same command started again resumes: finished runs are kept, the
 * rest run, and the results are the same as from one uninterrupted run, for any number of workers.
 */
import { isAbsolute, resolve } from 'node:path';
import { buildExperiment, looksLikeExperiment, parseExperiment, type Experiment } from '../experiment/load-experiment.ts';
import { experimentSchema, type ExperimentSpec } from '../experiment/experiment-schema.ts';
import { parseShard, runCount, shardRuns, sweepTasks, taskSize, type Shard } from '../experiment/sweep-plan.ts';
import { experimentRecord, resultFiles, sweepHash, type Versions } from '../experiment/sweep-results.ts';
import { runSweepTask, type SweepJob, type SweepRow, type SweepTask } from '../experiment/sweep-runner.ts';
import { COMMAND_LINE } from '../scenario/load-scenario.ts';
import { parseOverride, parseValue } from '../scenario/overrides.ts';
import { problemLines, type Problem } from '../scenario/problem.ts';
import { parseYaml } from '../scenario/source.ts';
import { parseArgs } from './args.ts';
import { loadRuleSets, readText } from './files.ts';
import { EXIT, print, type Io } from './io.ts';
import { gitCommit, version } from './provenance.ts';
import { SweepDir } from './sweep-dir.ts';
import { sweepProgress } from './sweep-progress.ts';
import { runTasks } from './worker-pool.ts';
import { defaultWorkers } from './check-command.ts';

export const SWEEP_USAGE = `paradip sweep <experiment.yaml> [--out <dir>] [--workers <n>] [--shard <i>/<n>] [--seeds <n>] [--first-seed <s>] [--quiet]
       paradip sweep <scenario.yaml> --vary <path>=<a>,<b>,...|<min>:<max> [--design grid|lhs|sobol|morris] [--samples <n>]
            [--levels <n>] [--seeds <n>] [--first-seed <s>]
            [--variant <name>] [--set <path>=<value>]... [--out <dir>] [--workers <n>] [--shard <i>/<n>] [--quiet]`;

const FLAGS = {
  out: { type: 'string' },
  workers: { type: 'number', integer: true },
  shard: { type: 'string' },
  seeds: { type: 'number', integer: true },
  'first-seed': { type: 'number', integer: true },
  vary: { type: 'string', multiple: true },
  levels: { type: 'number', integer: true },
  design: { type: 'string' },
  samples: { type: 'number', integer: true },
  variant: { type: 'string' },
  set: { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
} as const;

/** What a quick sweep from flags records: counts most questions start from, then the scenario's targets. */
function defaultMeasures(targets: string[]): ExperimentSpec['measures'] {
  const m = (name: string, description: string, rest: object): ExperimentSpec['measures'][number] => ({ name, description, ...rest }) as ExperimentSpec['measures'][number];
  return [
    m('signed', 'instruments signed', { count: { kind: 'instrument.signed' } }),
    m('binding', 'agreements and treaties signed', { count: { kind: 'instrument.signed', instrument: ['agreement', 'treaty'] } }),
    m('forbidden', 'actions forbidden by a rule set', { count: { kind: 'action.forbidden' } }),
    m('refused', 'approvals refused', { count: { kind: 'approval.refused' } }),
    m('laws', 'national laws enacted', { count: { kind: 'law.enacted' } }),
    ...targets.map((t) => m(`target.${t}`, `the scenario's target ${t}`, { target: t })),
  ];
}

/**
 * The design from flags: `--design` (grid by default); `--samples` as design.ts reads it (for a grid, the
 * levels of each range); `--levels` is a grid range's number of levels (5 by default) or a morris design's.
 */
function flagDesign(flags: Record<string, unknown>, hasRange: boolean): Record<string, unknown> {
  const kind = (flags['design'] as string | undefined) ?? 'grid';
  const levels = flags['levels'] as number | undefined;
  const samples = (flags['samples'] as number | undefined) ?? (kind === 'grid' && hasRange ? (levels ?? 5) : undefined);
  return { kind, ...(samples !== undefined ? { samples } : {}), ...(kind === 'morris' && levels !== undefined ? { levels } : {}) };
}

const cmdProblem = (message: string, expected?: string): Problem => ({ code: 'bad-argument', file: COMMAND_LINE, line: 0, column: 0, path: [], message, ...(expected ? { expected } : {}) });

/** The experiment from a file, or from a scenario and flags. */
function experimentFrom(io: Io, file: string, flags: Record<string, unknown>): { ok: true; experiment: Experiment } | { ok: false; problems: Problem[] } {
  const read = readText(isAbsolute(file) ? file : resolve(io.cwd, file));
  if (!read.ok) return { ok: false, problems: [{ ...read.problem, file }] };
  const reader = { readText, loadRuleSets };
  const seeds = flags['seeds'] as number | undefined;
  const first = flags['first-seed'] as number | undefined;
  if (looksLikeExperiment(read.text)) {
    const onlyScenario = ['vary', 'levels', 'design', 'samples', 'variant', 'set'].filter((k) => flags[k] !== undefined);
    if (onlyScenario.length > 0) return { ok: false, problems: [cmdProblem(`--${onlyScenario.join(', --')} ${onlyScenario.length > 1 ? 'go' : 'goes'} with a scenario; an experiment file says these itself`)] };
    const parsed = parseExperiment(read.text, file);
    if (!parsed.ok) return parsed;
    const spec = { ...parsed.spec, seeds: { count: seeds ?? parsed.spec.seeds.count, first: first ?? parsed.spec.seeds.first } };
    return buildExperiment(spec, file, parsed.source, io.cwd, reader);
  }
  // A scenario: the experiment is made of the flags.
  const parsed = parseYaml(read.text, file);
  if (!parsed.ok) return parsed;
  const data = parsed.data as { id?: unknown; targets?: { id?: unknown }[] } | null;
  const parameters: ExperimentSpec['parameters'] = [];
  for (const v of (flags['vary'] as string[] | undefined) ?? []) {
    const eq = v.indexOf('=');
    if (eq <= 0 || eq === v.length - 1) return { ok: false, problems: [cmdProblem(`--vary "${v}" is not path=values`, 'path=a,b,c or path=min:max')] };
    const path = v.slice(0, eq).trim();
    const rhs = v.slice(eq + 1);
    const range = /^([-+]?[\d.e+-]+):([-+]?[\d.e+-]+)$/i.exec(rhs);
    if (range) parameters.push({ path, min: Number(range[1]), max: Number(range[2]) });
    else parameters.push({ path, values: rhs.split(',').map((x) => parseValue(x.trim())) });
  }
  const set: Record<string, string | number | boolean> = {};
  for (const s of (flags['set'] as string[] | undefined) ?? []) {
    const o = parseOverride(s);
    if (!o) return { ok: false, problems: [cmdProblem(`--set "${s}" is not path=value`, 'e.g. --set behaviour.parameters.actThreshold=0.6')] };
    set[o.path] = o.value;
  }
  const targets = Array.isArray(data?.targets) ? data.targets.flatMap((t) => (typeof t?.id === 'string' ? [t.id] : [])) : [];
  const input = {
    experiment: 1,
    id: `${typeof data?.id === 'string' ? data.id : 'scenario'}-sweep`,
    scenario: isAbsolute(file) ? file : resolve(io.cwd, file),
    variant: (flags['variant'] as string | undefined) ?? null,
    set,
    parameters,
    design: flagDesign(flags, parameters.some((p) => p.values === undefined)),
    seeds: { count: seeds ?? 10, first: first ?? 1 },
    measures: defaultMeasures(targets),
  };
  const r = experimentSchema.safeParse(input);
  if (!r.success) return { ok: false, problems: r.error.issues.map((i) => cmdProblem(`${i.path.join('.')}: ${i.message}`)) };
  return buildExperiment(r.data, null, null, io.cwd, reader);
}

export async function sweepCommand(io: Io, argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, FLAGS);
  if (!parsed.ok) return usage(io, parsed.error);
  const { flags, positionals } = parsed.args;
  if (positionals.length !== 1) return usage(io, positionals.length === 0 ? 'which experiment? give an experiment file (or a scenario with --vary)' : `one experiment at a time, found ${positionals.length}`);
  const seeds = flags['seeds'] as number | undefined;
  if (seeds !== undefined && (seeds < 1 || seeds > 1_000_000)) return usage(io, `--seeds needs a whole number from 1 to 1000000, found ${seeds}`);
  const first = flags['first-seed'] as number | undefined;
  if (first !== undefined && first < 0) return usage(io, `--first-seed needs a whole number >= 0, found ${first}`);
  const levels = flags['levels'] as number | undefined;
  if (levels !== undefined && (levels < 2 || levels > 1000)) return usage(io, `--levels needs a whole number from 2 to 1000, found ${levels}`);
  let shard: Shard | null = null;
  if (flags['shard'] !== undefined) {
    const s = parseShard(flags['shard'] as string);
    if (typeof s === 'string') return usage(io, s);
    shard = s;
  }
  const built = experimentFrom(io, positionals[0]!, flags);
  if (!built.ok) {
    for (const line of problemLines(built.problems)) print(io.stderr, line);
    return EXIT.badInput;
  }
  const e = built.experiment;
  const total = runCount(e);
  const mine = shardRuns(total, shard);
  const workers = (flags['workers'] as number | undefined) ?? defaultWorkers(mine.length, e.agentTicksPerRun);
  if (workers < 1 || workers > 256) return usage(io, `--workers needs a whole number from 1 to 256, found ${workers}`);
  const versions: Versions = { paradip: version(), node: process.version, v8: process.versions.v8, gitCommit: gitCommit() };
  const hash = sweepHash(e, versions.paradip);
  const shardName = shard ? `-shard-${shard.index}-of-${shard.count}` : '';
  const out = (flags['out'] as string | undefined) ?? `sweeps/${e.spec.id}-${hash.slice(0, 8)}${shardName}`;
  const dirPath = isAbsolute(out) ? out : resolve(io.cwd, out);
  const record = experimentRecord(e, versions, hash, shard);
  const opened = SweepDir.open(dirPath, { format: 'paradip-sweep-journal', version: 1, hash, shard }, (text) => {
    try {
      const o = JSON.parse(text) as { hash?: string; shard?: Shard | null };
      return o.hash === hash && JSON.stringify(o.shard ?? null) === JSON.stringify(shard);
    } catch {
      return false;
    }
  });
  if (!opened.ok) {
    print(io.stderr, `error: ${opened.error}`);
    return opened.code;
  }
  const what = `${e.points.length} point${e.points.length === 1 ? '' : 's'} x ${e.spec.seeds.count} seed${e.spec.seeds.count === 1 ? '' : 's'}${shard ? `, shard ${shard.index} of ${shard.count} (${mine.length} of ${total} runs)` : ` = ${total} runs`}`;
  if (opened.state === 'complete') {
    print(io.stdout, `${out}: this sweep is already complete (${what}); nothing to do`);
    return EXIT.ok;
  }
  const { dir, done } = opened;
  const todo = mine.filter((r) => !done.has(r));
  const quiet = flags['quiet'] === true;
  if (!quiet && done.size > 0) print(io.stderr, `continuing ${out}: ${done.size} runs kept, ${todo.length} to run`);
  const progress = quiet ? null : sweepProgress(io, mine.length, done.size, `sweep ${e.spec.id}`);
  const job: SweepJob = { scenarioText: e.scenarioText, scenarioFile: e.scenarioFile, library: e.library, variant: e.spec.variant, measures: e.spec.measures };
  const tasks = sweepTasks(e, todo, taskSize(todo.length, workers));
  const rows = new Map(done);
  // Every finished run is in the journal before it counts; a kill at any moment loses at most runs in flight.
  const onSignal = (): void => {
    progress?.stop();
    print(io.stderr, `\ninterrupted: ${rows.size} of ${mine.length} runs kept in ${out}/journal.jsonl; run the same command to continue`);
    dir.close();
    process.exit(EXIT.interrupted);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await runTasks<SweepTask, SweepRow[]>({ kind: 'sweep', job }, tasks, workers, (t) => runSweepTask(job, t), (result) => {
      dir.append(result);
      for (const r of result) rows.set(r.run, r);
      progress?.update(rows.size);
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  progress?.stop();
  const all = mine.map((r) => rows.get(r)!);
  dir.finish(resultFiles(e, record, all));
  const errors = all.filter((r) => r.status === 'error');
  print(io.stdout, `${out}: ${what}; ${all.length - errors.length} ok, ${errors.length} failed; runs.csv, runs.parquet, experiment.json`);
  for (const r of errors.slice(0, 5)) print(io.stderr, `run ${r.run} (point ${r.point}, seed ${r.seed}) failed: ${r.error}`);
  return errors.length > 0 ? EXIT.failed : EXIT.ok;
}

function usage(io: Io, error: string): number {
  print(io.stderr, `error: ${error}\nusage: ${SWEEP_USAGE}`);
  return EXIT.badInput;
}
