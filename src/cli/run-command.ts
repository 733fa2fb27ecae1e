/**
 * `paradip run`: one seeded run, headless (progress lines and a summary; JSON Lines with --format json) or,
 * in a terminal, under the live UI. Outputs go to --out; the engine writes the same ticks either way.
 */
import { runTicks } from '../engine/run.ts';
import { indicatorNames } from '../engine/phases/observe.ts';
import { addEvents, formatSummary, newTally, NO_DUCHACEK, type Tally } from '../experiment/tally.ts';
import { APPROVAL_STEPS, DUCHACEK_TYPES, INSTRUMENTS } from '../model/vocabulary.ts';
import { problemLines } from '../scenario/problem.ts';
import { parseArgs } from './args.ts';
import { NonFiniteError, readCheckpointFile } from './checkpoint-file.ts';
import { EXIT, holdOutputs, OutputError, print, type Io } from './io.ts';
import { prepareRun, type Prepared, type RunRequest } from './prepare-run.ts';
import { provenance } from './provenance.ts';
import { prepareResume, type Resume } from './run-dir.ts';
import { RunWriter } from './run-writer.ts';
import { runWithUi, wantsUi } from './ui-host.ts';
import { isAbsolute, resolve } from 'node:path';

export const RUN_USAGE = `paradip run <scenario.yaml> --seed <n> [--out <dir>] [--until <date>] [--variant <name>]
            [--set <path>=<value>]... [--checkpoint-every <ticks>] [--from <checkpoint.json>]
            [--format text|json] [--quiet] [--no-ui] [--paused]
       paradip run --resume <dir> [--format text|json] [--quiet]`;

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
  paused: { type: 'boolean' },
  resume: { type: 'string' },
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
  if (flags['resume'] !== undefined) {
    const others = Object.keys(flags).filter((k) => !['resume', 'format', 'quiet', 'ui'].includes(k));
    if (positionals.length > 0 || others.length > 0) return usage(io, `--resume continues a run as it was started: give no scenario${others.length ? `, nor --${others.join(', --')}` : ''}`);
    return resume(io, flags['resume'] as string, { json: format === 'json', quiet: flags['quiet'] === true });
  }

  const request: RunRequest = {
    scenario: positionals[0] ?? null,
    seed: (flags['seed'] as number | undefined) ?? null,
    variant: (flags['variant'] as string | undefined) ?? null,
    sets: (flags['set'] as string[] | undefined) ?? [],
    until: (flags['until'] as string | undefined) ?? null,
    from: (flags['from'] as string | undefined) ?? null,
    cwd: io.cwd,
  };
  if (request.from !== null) {
    // A checkpoint is untrusted input: every check of a scenario and of the world's consistency, before anything runs.
    const cp = readCheckpointFile(isAbsolute(request.from) ? request.from : resolve(io.cwd, request.from), request.from);
    if (!cp.ok) {
      for (const line of problemLines(cp.problems)) print(io.stderr, line);
      return EXIT.badInput;
    }
  }
  const ui = wantsUi(io, flags['ui'] !== false && format === 'text' && flags['quiet'] !== true);
  // A plain line at once: the screen (Ink, React, the scenario checked) takes a second or two on a busy machine.
  if (ui) print(io.stdout, `paradip: opening ${request.scenario ?? request.from ?? 'the run'} (seed ${request.seed ?? 'of the checkpoint'})...`);
  const prep = prepareRun(request);
  if (!prep.ok) {
    for (const line of problemLines(prep.problems)) print(io.stderr, line);
    return EXIT.badInput;
  }
  const out = (flags['out'] as string | undefined) ?? null;
  // The live UI only in a terminal (stdin and stdout TTYs, CI unset); --no-ui, --format json, --quiet: plain lines.
  if (ui) {
    return runWithUi(io, prep.prepared, { request, out, every, paused: flags['paused'] === true });
  }
  return headless(io, prep.prepared, { out, every, json: format === 'json', quiet: flags['quiet'] === true });
}

interface HeadlessOptions {
  out: string | null;
  every: number;
  json: boolean;
  quiet: boolean;
  /** Continuing a killed run in place (--resume): its directory's plan and the ticks of the whole run. */
  resume?: Resume;
}

async function headless(io: Io, prepared: Prepared, o: HeadlessOptions): Promise<number> {
  const { run, last } = prepared;
  // Signals first: from here on a Ctrl-C stops at a tick boundary and leaves complete files.
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A broken stdout does not stop a run that writes files: they are completed first (io.ts).
  const release = o.out !== null ? holdOutputs() : () => {};
  const firstTick = o.resume?.firstTick ?? run.world.tick;
  const runJson = (to: number | null, stopped: boolean | null) => ({
    ...provenance(run, prepared),
    checkpointEvery: o.every > 0 ? o.every : null,
    ticks: { from: firstTick, to, last },
    interrupted: stopped,
  });
  let writer: RunWriter | null = null;
  let done = run.world.tick - 1;
  try {
    if (o.out !== null) {
      const opened = o.resume ? RunWriter.reopen(o.out, o.resume.plan) : RunWriter.open(o.out, indicatorNames(run.model), runJson(null, null));
      if (!opened.ok) {
        print(io.stderr, `error: ${opened.error}`);
        return opened.code;
      }
      writer = opened.writer;
    }
    const tally = newTally();
    const perYear = { day: 365, week: 52, month: 12, quarter: 4, year: 1 }[run.model.calendar.unit];
    try {
      for (const result of runTicks(run, last)) {
        addEvents(tally, result.events);
        tally.ticks++;
        tally.lastDate = result.date;
        writer?.tick(result.tick, result.date, result.events, result.indicators);
        if (writer && o.every > 0 && result.tick % o.every === 0) writer.checkpoint(result.tick, run);
        done = result.tick;
        if (!o.quiet && ((result.tick + 1) % perYear === 0 || result.tick === last)) progress(io, o.json, result.tick, last, result.date, tally);
        // Yield now and then so a Ctrl-C is seen between ticks, never inside one.
        if (result.tick % 16 === 0) await new Promise((r) => setImmediate(r));
        if (interrupted) break;
      }
      writer?.finish(runJson(run.world.tick - 1, interrupted));
    } catch (e) {
      if (!(e instanceof OutputError || e instanceof NonFiniteError) || writer === null) {
        writer?.abort();
        throw e;
      }
      const kept = writer.abort();
      const cause = e instanceof NonFiniteError
        ? `checkpoint after tick ${done + 1}: ${e.message} (JSON has no NaN or Infinity): a formula of the scenario yields a number that is not finite; fix the formula.`
        : `${e.message}. The run stopped at tick ${done + 1}.`;
      const after = kept.length > 0
        ? ` The complete checkpoints are kept (the newest after tick ${kept[kept.length - 1]}); ${e instanceof NonFiniteError ? 'after fixing the scenario, start a new run' : 'make room, then continue with: paradip run --resume ' + o.out}.`
        : ' It had no complete checkpoint, so its files were removed; start it again (with --checkpoint-every to make it resumable).';
      print(io.stderr, `error: ${cause}${after}`);
      return e instanceof NonFiniteError ? EXIT.badInput : e.exitCode;
    }
    if (o.json) print(io.stdout, JSON.stringify({ type: 'summary', seed: run.meta.seed, variant: run.meta.variant, overrides: run.meta.overrides, ...summaryData(tally), out: o.out, interrupted }));
    else {
      print(io.stdout, formatSummary(tally, run.world, run.model.scenario.title));
      if (o.out) print(io.stdout, `outputs in ${o.out}${interrupted ? ' (interrupted: complete up to the last tick run)' : ''}`);
    }
    return interrupted ? EXIT.interrupted : EXIT.ok;
  } finally {
    release();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** `paradip run --resume <dir>`: continues a killed or interrupted run in place, from its last complete checkpoint. */
async function resume(io: Io, dir: string, o: { json: boolean; quiet: boolean }): Promise<number> {
  if (dir.trim() === '') return usage(io, '--resume needs the run directory to continue');
  const r = prepareResume(dir, io.cwd);
  if (!r.ok) {
    print(r.code === EXIT.ok ? io.stdout : io.stderr, r.code === EXIT.ok ? r.error : `error: ${r.error}`);
    return r.code;
  }
  for (const s of r.resume.skipped) print(io.stderr, `warning: skipped ${s}`);
  if (!o.quiet && !o.json) print(io.stdout, `continuing ${dir} after tick ${r.resume.checkpointTick} (checkpoints/${r.resume.checkpointTick}.json)`);
  return headless(io, r.resume.prepared, { out: dir, every: r.resume.every, json: o.json, quiet: o.quiet, resume: r.resume });
}

function progress(io: Io, json: boolean, tick: number, last: number, date: string, t: Tally): void {
  const signed = Object.values(t.signed).reduce((a, b) => a + b, 0);
  if (json) print(io.stdout, JSON.stringify({ type: 'progress', tick, last, date, signed, laws: t.laws.length, events: t.events }));
  else print(io.stdout, `${date.slice(0, 7)}  tick ${tick + 1}/${last + 1}  signed ${signed}  laws ${t.laws.length}  events ${t.events}`);
}

/**
 * The summary as data. Every count is listed, zeros included (every instrument, Duchacek type, approval
 * outcome and step), so a table of many runs averages over all of them rather than over those where it
 * happened.
 */
export function summaryData(t: Tally): Record<string, unknown> {
  const all = (keys: readonly string[], r: Record<string, number>): Record<string, number> => Object.fromEntries([...new Set([...keys, ...Object.keys(r).sort()])].map((k) => [k, r[k] ?? 0]));
  const outcomes = ['granted', 'tacit', 'refused'];
  const duchacek = [...DUCHACEK_TYPES, NO_DUCHACEK];
  return {
    ticks: t.ticks, lastDate: t.lastDate, events: t.events, proposed: t.proposed, forbidden: t.forbidden, declined: t.declined,
    signed: all(INSTRUMENTS, t.signed),
    signedByDuchacek: all(duchacek, t.signedByDuchacek),
    bindingByDuchacek: all(duchacek, t.bindingByDuchacek),
    protodiplomatic: t.protodiplomatic,
    approvals: all(outcomes, t.approvals),
    approvalsByStep: Object.fromEntries(APPROVAL_STEPS.map((s) => [s, all(outcomes, t.approvalsByStep[s] ?? {})])),
    laws: t.laws, denounced: t.denounced, takenOver: t.takenOver,
  };
}

function usage(io: Io, error: string): number {
  print(io.stderr, `error: ${error}\nusage: ${RUN_USAGE}`);
  return EXIT.badInput;
}
