/**
 * `paradip run` under the terminal UI: the command line's side of a live session. It opens runs (the first
 * one already prepared; restarts through prepareRun with the new variant, seed or rule-set override) and their
 * output directories, and writes every tick exactly as a headless run does (same RunWriter, same checkpoints),
 * so events.jsonl is byte-identical with or without the UI. Restarts write to fresh sibling directories
 * (<out>-2, <out>-3, ...); no two runs share one. Ink and React are loaded only here, on demand.
 */
import { existsSync, readdirSync } from 'node:fs';
import { indicatorNames } from '../engine/phases/observe.ts';
import type { TickResult } from '../engine/step.ts';
import { addEvents, formatSummary, newTally, type Tally } from '../experiment/tally.ts';
import { formatProblem } from '../scenario/problem.ts';
import type { LiveHost, OpenedRun, RunSettings } from '../ui/session.ts';
import { loadRuleSets } from './files.ts';
import { EXIT, print, type Io } from './io.ts';
import { prepareRun, type Prepared, type PrepareResult, type RunRequest } from './prepare-run.ts';
import { provenance } from './provenance.ts';
import { RunWriter } from './run-writer.ts';

export interface UiRunOptions {
  request: RunRequest;
  out: string | null;
  every: number;
  /** --paused: the screen opens paused, so a class can walk through the panels before the first tick. */
  paused?: boolean;
}

interface Written {
  out: string | null;
  writer: RunWriter | null;
  tally: Tally;
  prepared: Prepared;
  interrupted: boolean | null;
}

/** True when the live UI should open: both streams are terminals, CI is not set, and plain output was not asked for. */
export function wantsUi(io: Io, asked: boolean): boolean {
  const ci = io.env['CI'];
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
  return asked && !inCi && io.stdout.isTTY === true && io.stdin.isTTY === true;
}

export async function runWithUi(io: Io, first: Prepared, o: UiRunOptions): Promise<number> {
  const written: Written[] = [];
  const opened = openOutputs(first, o.out, o, written);
  if (!opened.ok) {
    print(io.stderr, `error: ${opened.error}`);
    return opened.code;
  }
  const lib = loadRuleSets(o.request.scenario === null ? null : o.request.scenario);
  const countries = new Map<string, string[]>();
  if (lib.ok) for (const r of lib.ruleSets) countries.set(r.country, [...(countries.get(r.country) ?? []), r.name]);
  const meta = first.run.meta;
  const initial: RunSettings = { variant: meta.variant, seed: meta.seed, ruleSets: {} };
  let restarts = 0;
  const host: LiveHost = {
    initial,
    sets: o.request.sets,
    canRestart: o.request.scenario !== null && o.request.from === null,
    // A country with several periods (AR-1853, AR-1994) is one choice: the engine picks the period by date.
    ruleSets: [...countries.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([country, names]) => ({ country, name: names.length > 1 ? `${names[0]!.replace(/\s*\(.*\)$/, '')} (${names.length} periods, chosen by date)` : names[0]! })),
    open(settings) {
      const prep = prepareRestart(o.request, settings);
      if (!prep.ok) return { ok: false, error: prep.problems.map(formatProblem).join('; ') };
      const dir = o.out === null ? null : sibling(o.out, restarts + 2);
      const r = openOutputs(prep.prepared, dir, o, written);
      if (!r.ok) return r;
      restarts++;
      return { ...r, notes: prep.prepared.swapNotes ?? [] };
    },
  };
  const [{ LiveSession }, { openUi }] = await Promise.all([import('../ui/live-session.ts'), import('../ui/open-ui.tsx')]);
  const session = new LiveSession(host, opened.opened, initial, { paused: o.paused === true });
  const onSignal = (): void => session.quit('interrupt');
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.on(s, onSignal);
  let how: 'quit' | 'interrupt';
  try {
    session.start();
    how = await openUi(session, { stdin: io.stdin as NodeJS.ReadStream, stdout: io.stdout as NodeJS.WriteStream, stderr: io.stderr as NodeJS.WriteStream });
  } catch (e) {
    // A bug in the engine: like a headless run, leave no half-written output behind.
    for (const w of written) if (w.interrupted === null) w.writer?.abort();
    throw e;
  } finally {
    for (const s of signals) process.off(s, onSignal);
  }
  const last = written[written.length - 1]!;
  print(io.stdout, formatSummary(last.tally, last.prepared.run.world, last.prepared.run.model.scenario.title));
  for (const w of written) {
    if (w.out) print(io.stdout, `outputs in ${w.out}${w.interrupted ? ' (interrupted: complete up to the last tick run)' : ''}`);
  }
  return how === 'interrupt' ? 130 : EXIT.ok;
}

/**
 * prepareRun for a restart with the keys' settings: a rule-set swap (key g) is an override like any other; the
 * scenario loader drops the central's options that the new country's rule sets do not know.
 */
export function prepareRestart(req: RunRequest, settings: RunSettings): PrepareResult {
  const swaps = Object.entries(settings.ruleSets);
  const sets = [...req.sets, ...swaps.map(([c, x]) => `centrals.${c}.ruleSet=${x}`)];
  return prepareRun({ ...req, seed: settings.seed, variant: settings.variant, sets, restart: true });
}


/** The output directory of the n-th run of a session: <out>-n, or the next free one after it. */
function sibling(out: string, n: number): string {
  const base = out.replace(/[/\\]+$/, '');
  for (let i = n; ; i++) {
    const dir = `${base}-${i}`;
    if (!existsSync(dir) || readdirSync(dir).length === 0) return dir;
  }
}

function openOutputs(prepared: Prepared, out: string | null, o: UiRunOptions, written: Written[]): { ok: true; opened: OpenedRun } | { ok: false; error: string; code: number } {
  const { run, last } = prepared;
  const firstTick = run.world.tick;
  // run.json as the headless loop in run-command.ts writes it; its start (run.json.partial) makes the run resumable.
  const runJson = (to: number | null, interrupted: boolean | null) => ({
    ...provenance(run, prepared),
    checkpointEvery: o.every > 0 ? o.every : null,
    ticks: { from: firstTick, to, last },
    interrupted,
  });
  let writer: RunWriter | null = null;
  if (out !== null) {
    const w = RunWriter.open(out, indicatorNames(run.model), runJson(null, null));
    if (!w.ok) return { ok: false, error: w.error, code: w.code };
    writer = w.writer;
  }
  const record: Written = { out, writer, tally: newTally(), prepared, interrupted: null };
  written.push(record);
  const sink = {
    tick(result: TickResult): void {
      addEvents(record.tally, result.events);
      record.tally.ticks++;
      record.tally.lastDate = result.date;
      // The same writes, in the same order, as the headless loop in run-command.ts.
      writer?.tick(result.tick, result.date, result.events, result.indicators);
      if (writer && o.every > 0 && result.tick % o.every === 0) writer.checkpoint(result.tick, run);
    },
    end(interrupted: boolean): void {
      if (record.interrupted !== null) return;
      record.interrupted = interrupted;
      writer?.finish(runJson(run.world.tick - 1, interrupted));
    },
  };
  return { ok: true, opened: { run, last, out, sink } };
}
