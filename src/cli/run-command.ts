/**
 * `paradip run`: one seeded run, headless (progress lines and a summary; JSON Lines with --format json) or,
 * in a terminal, under the live UI. Outputs go to --out; the engine writes the same ticks either way.
 */
import { checkpoint, runTicks } from '../engine/run.ts';
import { indicatorNames } from '../engine/phases/observe.ts';
import { addEvents, formatSummary, newTally, type Tally } from '../experiment/tally.ts';
import { formatProblem } from '../scenario/problem.ts';
import { parseArgs } from './args.ts';
import { EXIT, print, type Io } from './io.ts';
import { prepareRun, type Prepared, type RunRequest } from './prepare-run.ts';
import { provenance } from './provenance.ts';
import { RunWriter } from './run-writer.ts';
import { runWithUi, wantsUi } from './ui-host.ts';

export const RUN_USAGE = `paradip run <scenario.yaml> --seed <n> [--out <dir>] [--until <date>] [--variant <name>]
            [--set <path>=<value>]... [--checkpoint-every <ticks>] [--from <checkpoint.json>]
            [--format text|json] [--quiet] [--no-ui]`;

const FLAGS = {
  seed: { type: 'number', integer: true },
  out: { type: 'string' },
  until: { type: 'string' },
  variant: { type: 'string' },
  set: { type: 'string', multiple: true },
  'checkpoint-every': { type: 'number', integer: true },
  from: { type: 'string' },
  format: { type: 'string' },
  quiet: { type: 'boolean' },
  ui: { type: 'boolean' },
} as const;

export async function runCommand(io: Io, argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, FLAGS);
  if (!parsed.ok) return usage(io, parsed.error);
  const { flags, positionals } = parsed.args;
  if (positionals.length > 1) return usage(io, `one scenario at a time, found ${positionals.length}`);
  const format = (flags['format'] as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(io, `--format is text or json, found "${format}"`);
  const every = (flags['checkpoint-every'] as number | undefined) ?? 0;
  if (every < 0) return usage(io, '--checkpoint-every needs a whole number of ticks >= 1');
  if (every > 0 && flags['out'] === undefined) return usage(io, '--checkpoint-every writes into the run directory: give --out');

  const request: RunRequest = {
    scenario: positionals[0] ?? null,
    seed: (flags['seed'] as number | undefined) ?? null,
    variant: (flags['variant'] as string | undefined) ?? null,
    sets: (flags['set'] as string[] | undefined) ?? [],
    until: (flags['until'] as string | undefined) ?? null,
    from: (flags['from'] as string | undefined) ?? null,
    cwd: io.cwd,
  };
  const prep = prepareRun(request);
  if (!prep.ok) {
    for (const p of prep.problems) print(io.stderr, `error: ${formatProblem(p)}`);
    return EXIT.badInput;
  }
  const out = (flags['out'] as string | undefined) ?? null;
  // The live UI only in a terminal (stdin and stdout TTYs, CI unset); --no-ui, --format json, --quiet: plain lines.
  if (wantsUi(io, flags['ui'] !== false && format === 'text' && flags['quiet'] !== true)) {
    return runWithUi(io, prep.prepared, { request, out, every });
  }
  return headless(io, prep.prepared, { out, every, json: format === 'json', quiet: flags['quiet'] === true });
}

interface HeadlessOptions {
  out: string | null;
  every: number;
  json: boolean;
  quiet: boolean;
}

async function headless(io: Io, prepared: Prepared, o: HeadlessOptions): Promise<number> {
  const { run, last } = prepared;
  let writer: RunWriter | null = null;
  if (o.out !== null) {
    const opened = RunWriter.open(o.out, indicatorNames(run.model));
    if (!opened.ok) {
      print(io.stderr, `error: ${opened.error}`);
      return EXIT.badInput;
    }
    writer = opened.writer;
  }
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const tally = newTally();
  const firstTick = run.world.tick;
  const perYear = { day: 365, week: 52, month: 12, quarter: 4, year: 1 }[run.model.calendar.unit];
  try {
    for (const result of runTicks(run, last)) {
      addEvents(tally, result.events);
      tally.ticks++;
      tally.lastDate = result.date;
      writer?.tick(result.tick, result.date, result.events, result.indicators);
      if (writer && o.every > 0 && result.tick % o.every === 0) writer.checkpoint(result.tick, JSON.stringify(checkpoint(run)));
      if (!o.quiet && ((result.tick + 1) % perYear === 0 || result.tick === last)) progress(io, o.json, result.tick, last, result.date, tally);
      // Yield now and then so a Ctrl-C is seen between ticks, never inside one.
      if (result.tick % 16 === 0) await new Promise((r) => setImmediate(r));
      if (interrupted) break;
    }
    writer?.finish({
      ...provenance(run, prepared),
      ticks: { from: firstTick, to: run.world.tick - 1, last },
      interrupted,
    });
  } catch (e) {
    writer?.abort();
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (o.json) print(io.stdout, JSON.stringify({ type: 'summary', ...summaryData(tally), out: o.out, interrupted }));
  else {
    print(io.stdout, formatSummary(tally, run.world, run.model.scenario.title));
    if (o.out) print(io.stdout, `outputs in ${o.out}${interrupted ? ' (interrupted: complete up to the last tick run)' : ''}`);
  }
  return interrupted ? 130 : EXIT.ok;
}

function progress(io: Io, json: boolean, tick: number, last: number, date: string, t: Tally): void {
  const signed = Object.values(t.signed).reduce((a, b) => a + b, 0);
  if (json) print(io.stdout, JSON.stringify({ type: 'progress', tick, last, date, signed, laws: t.laws.length, events: t.events }));
  else print(io.stdout, `${date.slice(0, 7)}  tick ${tick + 1}/${last + 1}  signed ${signed}  laws ${t.laws.length}  events ${t.events}`);
}

function summaryData(t: Tally): Record<string, unknown> {
  return { ticks: t.ticks, lastDate: t.lastDate, events: t.events, proposed: t.proposed, forbidden: t.forbidden, declined: t.declined, signed: t.signed, signedByDuchacek: t.signedByDuchacek, protodiplomatic: t.protodiplomatic, approvals: t.approvals, laws: t.laws, denounced: t.denounced, takenOver: t.takenOver };
}

function usage(io: Io, error: string): number {
  print(io.stderr, `error: ${error}\nusage: ${RUN_USAGE}`);
  return EXIT.badInput;
}
