/**
 * `paradip check`: runs a scenario over many seeds (on worker threads) and tells, for every declared target,
 * how often the model reproduces the historical pattern. Exit 0 when every target meets its pass rate, 1 when
 * one does not, 2 for bad input. `--json` prints the same report as one object.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { batches, planFor, runSeeds, seedList, targetsOverSeeds, type SeedJob, type SeedResult, type TargetOverSeeds } from '../experiment/seeds.ts';
import { describeExpectation, targetProblems } from '../experiment/targets.ts';
import type { Override } from '../scenario/overrides.ts';
import { problemLines, type Problem } from '../scenario/problem.ts';
import { parseYaml } from '../scenario/source.ts';
import { parseArgs } from './args.ts';
import { readText } from './files.ts';
import { EXIT, print, type Io } from './io.ts';
import { prepareRun } from './prepare-run.ts';
import { lastTick } from '../engine/run.ts';
import { runTasks } from './worker-pool.ts';

export const CHECK_USAGE = `paradip check <scenario.yaml> [--seeds <n>] [--first-seed <s>] [--variant <name>]
            [--set <path>=<value>]... [--workers <n>] [--json]`;

const FLAGS = {
  seeds: { type: 'number', integer: true },
  'first-seed': { type: 'number', integer: true },
  variant: { type: 'string' },
  set: { type: 'string', multiple: true },
  workers: { type: 'number', integer: true },
  json: { type: 'boolean' },
} as const;

export interface CheckRequest {
  scenario: string;
  seeds: number;
  firstSeed: number;
  variant: string | null;
  sets: string[];
  /** Threads (this one included); 1 runs in this thread; null: `defaultWorkers` for the scenario's size. */
  workers: number | null;
  cwd: string;
}

export interface CheckReport {
  id: string;
  title: string;
  targets: TargetOverSeeds[];
}

/** The report, and the overrides it ran with (typed as parsed: `--set x=0.4` is the number 0.4). */
export type Checked = { ok: true; report: CheckReport; overrides: Override[] } | { ok: false; problems: Problem[] };

/**
 * Agent-ticks a thread must have to be worth starting. Each thread warms up the JIT on its own, which costs
 * about as much as a few hundred thousand agent-ticks: measured on 2 cores, 100 acid-rain seeds (480,000
 * agent-ticks) ran slower on 2 threads than on 1, 1,000 seeds (4.8 million) 1.4x faster (docs/performance.md).
 */
export const AGENT_TICKS_PER_THREAD = 1_500_000;

/** Default threads: one per core for long jobs, fewer for short ones, never more than seeds. */
export function defaultWorkers(seeds: number, agentTicksPerSeed = Number.POSITIVE_INFINITY): number {
  const worth = Math.max(1, Math.floor((seeds * agentTicksPerSeed) / AGENT_TICKS_PER_THREAD));
  return Math.max(1, Math.min(availableParallelism(), seeds, worth));
}

/** Loads the scenario as `run` does, checks its targets, runs the seeds; no targets gives an empty report. */
export async function checkTargets(req: CheckRequest): Promise<Checked> {
  const prep = prepareRun({ scenario: req.scenario, seed: req.firstSeed, variant: req.variant, sets: req.sets, until: null, from: null, cwd: req.cwd });
  if (!prep.ok) return prep;
  const { model, meta } = prep.prepared.run;
  const targets = model.scenario.targets;
  const found = targets.flatMap((t, i) => targetProblems(t).map((p) => ({ ...p, path: ['targets', i, ...p.path] })));
  if (found.length > 0) {
    const read = readText(resolve(req.cwd, req.scenario));
    const parsed = read.ok ? parseYaml(read.text, req.scenario) : null;
    return {
      ok: false,
      problems: found.map((p): Problem => {
        const at = parsed?.ok ? parsed.source.locate(p.path) : { line: 0, column: 0 };
        return { code: 'invalid-value', file: req.scenario, line: at.line, column: at.column, path: p.path, message: p.message, ...(p.expected ? { expected: p.expected } : {}) };
      }),
    };
  }
  const report: CheckReport = { id: model.scenario.id, title: model.scenario.title, targets: [] };
  if (targets.length === 0) return { ok: true, report, overrides: meta.overrides };
  const job: SeedJob = { scenario: model.scenario, ruleSets: [...model.ruleSets], variant: meta.variant, overrides: meta.overrides, plan: planFor(targets, model.calendar) };
  // Batches are placed by index, so the results are in seed order whatever the number of workers.
  // Small batches (about 32 per thread; one or two seeds for 100 seeds on 2 threads) keep every thread busy to
  // the end, and keep the main thread, which runs its share between handing out tasks, quick to answer.
  const workers = req.workers ?? defaultWorkers(req.seeds, prep.prepared.run.world.subnationals.length * (lastTick(model) + 1));
  const tasks = batches(seedList(req.firstSeed, req.seeds), workers * 8);
  const results = (await runTasks<number[], SeedResult[]>({ kind: 'seeds', job }, tasks, workers, (seeds) => runSeeds(job, seeds))).flat();
  return { ok: true, report: { ...report, targets: targetsOverSeeds(targets, results, model.calendar) }, overrides: meta.overrides };
}

export async function checkCommand(io: Io, argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, FLAGS);
  if (!parsed.ok) return usage(io, parsed.error);
  const { flags, positionals } = parsed.args;
  if (positionals.length !== 1) return usage(io, positionals.length === 0 ? 'which scenario? give a scenario file' : `one scenario at a time, found ${positionals.length}`);
  const seeds = (flags['seeds'] as number | undefined) ?? 100;
  const firstSeed = (flags['first-seed'] as number | undefined) ?? 1;
  if (seeds < 1 || seeds > 1_000_000) return usage(io, `--seeds needs a whole number from 1 to 1000000, found ${seeds}`);
  if (firstSeed < 0 || !Number.isSafeInteger(firstSeed + seeds)) return usage(io, `--first-seed needs a whole number >= 0, found ${firstSeed}`);
  const workers = (flags['workers'] as number | undefined) ?? null;
  if (workers !== null && (workers < 1 || workers > 256)) return usage(io, `--workers needs a whole number from 1 to 256, found ${workers}`);
  const variant = (flags['variant'] as string | undefined) ?? null;
  const file = positionals[0]!;
  const checked = await checkTargets({ scenario: file, seeds, firstSeed, variant, sets: (flags['set'] as string[] | undefined) ?? [], workers, cwd: io.cwd });
  if (!checked.ok) {
    for (const line of problemLines(checked.problems)) print(io.stderr, line);
    return EXIT.badInput;
  }
  const { report } = checked;
  if (report.targets.length === 0) {
    print(io.stderr, `error: ${file}: the scenario declares no targets, so there is nothing to check (add a "targets:" list; see README.md)`);
    return EXIT.badInput;
  }
  const allPass = report.targets.every((t) => t.pass);
  if (flags['json'] === true) print(io.stdout, JSON.stringify(reportJson(report, file, variant, firstSeed, seeds, checked.overrides)));
  else print(io.stdout, formatReport(report, variant, firstSeed, seeds));
  return allPass ? EXIT.ok : EXIT.failed;
}

/** The report as one JSON object; values are in seed order (seed = first + index). */
export function reportJson(report: CheckReport, file: string, variant: string | null, first: number, count: number, overrides: readonly Override[] = []): Record<string, unknown> {
  return {
    scenario: report.id,
    title: report.title,
    file,
    variant,
    overrides,
    seeds: { first, count },
    pass: report.targets.every((t) => t.pass),
    targets: report.targets.map((t) => ({
      id: t.target.id,
      description: t.target.description,
      history: t.target.history,
      expected: describeExpectation(t.target.expect),
      expect: t.target.expect,
      passRate: t.passRate,
      required: t.target.passRate,
      pass: t.pass,
      distribution: t.distribution,
      values: t.values,
    })),
  };
}

/**
 * The readable report: a table of outcomes (target, pass rate, median), each target's expectation and history
 * wrapped beneath it, so the report fits `width` columns (100 by default: long expectations and histories
 * made a 210-column table); then one line per target below its pass rate.
 */
export function formatReport(report: CheckReport, variant: string | null, first: number, count: number, width = 100): string {
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  const header = ['target', 'pass rate', 'median (min..max)'];
  const rows = report.targets.map((t) => {
    const d = t.distribution;
    return [
      t.target.id,
      `${pct(t.passRate)} ${t.pass ? '>=' : '<'} ${pct(t.target.passRate)} ${t.pass ? 'ok' : 'FAIL'}`,
      `${scalar(d.median)} (${scalar(d.min)}..${scalar(d.max)})`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const details = (i: number): string[] => {
    const t = report.targets[i]!;
    return [...wrap(`expected ${describeExpectation(t.target.expect)}`, width, '    '), ...(t.target.history ? wrap(`history ${t.target.history}`, width, '    ') : [])];
  };
  const failed = report.targets.filter((t) => !t.pass);
  const out = [
    `${report.title}: ${count} seed${count === 1 ? '' : 's'} (${first}..${first + count - 1}), variant ${variant ?? 'none'}`,
    '',
    line(header),
    ...rows.flatMap((r, i) => [line(r), ...details(i)]),
    '',
    ...failed.map((t) => `failed: ${t.target.id}: ${pct(t.passRate)} of seeds met "${describeExpectation(t.target.expect)}", ${pct(t.target.passRate)} required`),
    `${report.targets.length - failed.length} of ${report.targets.length} targets pass`,
  ];
  return out.join('\n');
}

/** Words of `text` in lines of at most `width` columns, each starting with `indent` (a longer word stays whole). */
function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let current = indent;
  for (const word of text.split(/\s+/)) {
    if (current.length > indent.length && current.length + 1 + word.length > width) {
      lines.push(current);
      current = `${indent}  ${word}`;
    } else current += current.length > indent.length ? ` ${word}` : word;
  }
  lines.push(current);
  return lines;
}

/** A distribution value for the table: dates as YYYY-MM, numbers to two decimals at most, null as "none". */
function scalar(v: number | string | boolean | null): string {
  if (v === null) return 'none';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  if (typeof v === 'string') return v.slice(0, 7);
  return String(v);
}

function usage(io: Io, error: string): number {
  print(io.stderr, `error: ${error}\nusage: ${CHECK_USAGE}`);
  return EXIT.badInput;
}
