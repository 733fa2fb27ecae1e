/**
 * The run directory: run.json, events.jsonl, events.csv, indicators.csv, checkpoints/<tick>.json. Every row of
 * events.jsonl, events.csv and indicators.csv starts with the run id and seed (run-id.ts, event-record.ts);
 * events.csv is made from events.jsonl when the run ends, so continuing a run has one stream less to cut back.
 * Streams are written
 * under `.partial` names and renamed when the run ends (normally or by interruption at a tick boundary), so
 * a reader never sees a half-written file under a final name; `run.json.partial` says from the start how the
 * run was started, so a killed run can be continued in place (`paradip run --resume`).
 *
 * Faults (README, "Exit codes"): an output that cannot be created is exit 73, a write that fails while
 * running (disk full, file too large) is exit 74. A failed run never deletes a complete checkpoint: if it has
 * one, the directory is left as a killed run leaves it, ready for `--resume`; if it has none, everything it
 * wrote is removed.
 */
import {
  closeSync,
  existsSync,
  readSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { SimEvent } from '../engine/events.ts';
import type { Run } from '../engine/run.ts';
import { EVENT_CSV_HEADER, eventCsvRow, eventLine, eventRecord } from './event-record.ts';
import { checkpointText } from './checkpoint-file.ts';
import { errnoText, EXIT, OutputError, openOutputs } from './io.ts';

/** What RunWriter needs of run.json: every row carries the run id and seed. */
export interface RunIntent {
  runId: string;
  seed: number;
}

/** The header of indicators.csv. */
export function indicatorsHeader(indicatorNames: readonly string[]): string {
  return ['runId', 'seed', 'tick', 'date', ...indicatorNames].join(',');
}

export type Opened = { ok: true; writer: RunWriter } | { ok: false; error: string; code: number };

/** Checkpoint files of a run directory: `<tick>.json`, complete (written under .partial, then renamed). */
export const CHECKPOINT_NAME = /^(0|[1-9]\d{0,15})\.json$/;

/** What `--resume` keeps of a killed run's streams: their first bytes, up to the last complete checkpoint. */
export interface ReopenPlan {
  /** Stream files to rename to their .partial names first (a run killed while finishing, or interrupted). */
  renames: { from: string; to: string }[];
  eventsBytes: number;
  indicatorsBytes: number;
  /** A finished-but-interrupted run's run.json, replaced by `intent` before anything else changes. */
  removeRunJson: boolean;
  intent: RunIntent;
}

export class RunWriter {
  private events = -1;
  private indicators = -1;
  private closed = false;
  private done = false;
  private readonly handle = { abandon: (): void => void this.abort() };

  private constructor(
    readonly dir: string,
    private readonly created: boolean,
    /** The run id and seed every row starts with, from the run's provenance (run.json). */
    private readonly runId: string,
    private readonly seed: number,
  ) {}

  /**
   * Opens a new run directory; refuses one that already holds files, so no earlier run is mixed in. `intent`,
   * the provenance of the run (run.json without the ticks run), is written first as run.json.partial.
   */
  static open(dir: string, indicatorNames: readonly string[], intent: RunIntent): Opened {
    const cant = (what: string, e: unknown, hint = 'Choose a writable --out.'): Opened => ({
      ok: false,
      code: EXIT.cantCreate,
      error: `cannot create the run directory ${dir}: ${what}${e === null ? '' : `: ${errnoText(e)}`}. ${hint}`,
    });
    if (dir.trim() === '') return { ok: false, code: EXIT.badInput, error: '--out is empty: give the name of a new or empty directory' };
    let exists = false;
    try {
      const st = statSync(dir);
      exists = true;
      if (!st.isDirectory()) return cant(st.isFile() ? 'a file of that name exists' : 'it exists and is not a directory (a device?)', null, 'Give --out the name of a new or empty directory.');
      const entries = readdirSync(dir);
      if (entries.length > 0) {
        const unfinished = entries.includes('run.json.partial') || entries.includes('events.jsonl.partial');
        return {
          ok: false,
          code: EXIT.badInput,
          error: unfinished
            ? `output directory ${dir} holds a run that did not finish; continue it with: paradip run --resume ${dir} (or choose a new --out)`
            : `output directory ${dir} is not empty; choose a new --out`,
        };
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') return cant('a part of its path is a file', null, 'Give --out a path under a directory.');
      if (code !== 'ENOENT') return cant('cannot read it', e);
    }
    try {
      makeDir(dir);
    } catch (e) {
      return cant('cannot make it', e);
    }
    const w = new RunWriter(dir, !exists, intent.runId, intent.seed);
    try {
      w.writeWhole('run.json.partial', `${JSON.stringify(intent, null, 2)}\n`);
      w.events = openSync(join(dir, 'events.jsonl.partial'), 'w');
      w.indicators = openSync(join(dir, 'indicators.csv.partial'), 'w');
      writeAll(w.indicators, `${indicatorsHeader(indicatorNames)}\n`, join(dir, 'indicators.csv.partial'));
    } catch (e) {
      w.abort();
      return cant('cannot write in it', e instanceof OutputError ? (e.cause ?? e) : e);
    }
    openOutputs.add(w.handle);
    return { ok: true, writer: w };
  }

  /** Reopens a killed run's directory to continue it (`--resume`): the plan comes from run-dir.ts's checks. */
  static reopen(dir: string, plan: ReopenPlan): Opened {
    const w = new RunWriter(dir, false, plan.intent.runId, plan.intent.seed);
    try {
      if (plan.removeRunJson) {
        w.writeWhole('run.json.partial', `${JSON.stringify(plan.intent, null, 2)}\n`);
        rmSync(join(dir, 'run.json'), { force: true });
      }
      for (const r of plan.renames) renameSync(join(dir, r.from), join(dir, r.to));
      const cps = join(dir, 'checkpoints');
      if (existsSync(cps)) for (const name of readdirSync(cps)) if (name.endsWith('.partial')) rmSync(join(cps, name), { force: true });
      truncateSync(join(dir, 'events.jsonl.partial'), plan.eventsBytes);
      truncateSync(join(dir, 'indicators.csv.partial'), plan.indicatorsBytes);
      w.events = openSync(join(dir, 'events.jsonl.partial'), 'a');
      w.indicators = openSync(join(dir, 'indicators.csv.partial'), 'a');
    } catch (e) {
      w.close();
      return { ok: false, code: EXIT.cantCreate, error: `cannot continue the run in ${dir}: ${errnoText(e)}. Nothing was lost: the directory is as it was, apart from half-written checkpoints removed` };
    }
    openOutputs.add(w.handle);
    return { ok: true, writer: w };
  }

  tick(tick: number, date: string, events: readonly SimEvent[], indicators: readonly number[]): void {
    if (events.length > 0) writeAll(this.events, events.map((e) => eventLine(eventRecord(e), this.runId, this.seed)).join('\n') + '\n', join(this.dir, 'events.jsonl.partial'));
    writeAll(this.indicators, `${this.runId},${this.seed},${tick},${date},${indicators.map(formatNumber).join(',')}\n`, join(this.dir, 'indicators.csv.partial'));
  }

  /** Writes checkpoints/<tick>.json (throws NonFiniteError for a world JSON cannot hold, OutputError for a failed write). */
  checkpoint(tick: number, run: Run): void {
    const text = checkpointText(run);
    mkdirOrFail(join(this.dir, 'checkpoints'));
    this.writeWhole(join('checkpoints', `${tick}.json`), text);
  }

  finish(runJson: unknown): void {
    // The intent is replaced atomically: a failure here leaves the run resumable.
    this.writeWhole('run.json.partial', `${JSON.stringify(runJson, null, 2)}\n`);
    this.close();
    this.writeEventsCsv();
    try {
      renameSync(join(this.dir, 'events.csv.partial'), join(this.dir, 'events.csv'));
      renameSync(join(this.dir, 'events.jsonl.partial'), join(this.dir, 'events.jsonl'));
      renameSync(join(this.dir, 'indicators.csv.partial'), join(this.dir, 'indicators.csv'));
      renameSync(join(this.dir, 'run.json.partial'), join(this.dir, 'run.json'));
    } catch (e) {
      throw new OutputError(`cannot finish the run directory ${this.dir}: ${errnoText(e)}`, EXIT.ioError);
    }
    this.done = true;
    openOutputs.delete(this.handle);
  }

  /**
   * After a failure (or a signal before the first tick): keeps the directory resumable if it holds a complete
   * checkpoint, else removes everything this run wrote (and the directory, if the run created it). Returns the
   * ticks of the complete checkpoints kept, newest last.
   */
  abort(): number[] {
    openOutputs.delete(this.handle);
    this.close();
    if (this.done) return [];
    const cps = join(this.dir, 'checkpoints');
    let kept: number[] = [];
    try {
      if (existsSync(cps)) {
        for (const name of readdirSync(cps)) if (name.endsWith('.partial')) rmSync(join(cps, name), { force: true });
        kept = readdirSync(cps).filter((n) => CHECKPOINT_NAME.test(n)).map((n) => Number(n.slice(0, -5))).sort((a, b) => a - b);
      }
      if (kept.length > 0) return kept;
      if (this.created) rmSync(this.dir, { recursive: true, force: true });
      else for (const f of ['events.jsonl.partial', 'events.csv.partial', 'indicators.csv.partial', 'run.json.partial', 'checkpoints']) rmSync(join(this.dir, f), { recursive: true, force: true });
    } catch {
      // Cleaning up is best effort: the caller reports the first failure, not this one.
    }
    return kept;
  }

  /** events.csv.partial from events.jsonl.partial, which is complete once the streams are closed. */
  private writeEventsCsv(): void {
    const file = join(this.dir, 'events.csv.partial');
    const decoder = new StringDecoder('utf8');
    let fd = -1;
    let input = -1;
    try {
      input = openSync(join(this.dir, 'events.jsonl.partial'), 'r');
      fd = openSync(file, 'w');
      writeAll(fd, `${EVENT_CSV_HEADER}\n`, file);
      // A chunk at a time, so a long run's events are never one string in memory.
      const chunk = Buffer.alloc(1 << 20);
      let rest = '';
      for (;;) {
        const n = readSync(input, chunk, 0, chunk.length, null);
        const text = rest + (n > 0 ? decoder.write(chunk.subarray(0, n)) : decoder.end());
        const lines = text.split('\n');
        rest = n > 0 ? lines.pop()! : '';
        const rows = lines.filter((l) => l !== '').map((l) => `${eventCsvRow(JSON.parse(l) as Record<string, unknown>)}\n`);
        if (rows.length > 0) writeAll(fd, rows.join(''), file);
        if (n <= 0) break;
      }
      closeSync(input);
      input = -1;
      closeSync(fd);
    } catch (e) {
      if (input >= 0) closeQuietly(input);
      if (fd >= 0) closeQuietly(fd);
      rmSync(file, { force: true });
      throw e instanceof OutputError ? e : new OutputError(`cannot write ${file}: ${errnoText(e)}`, EXIT.ioError);
    }
  }

  /** A whole file, atomically: written under .partial, then renamed; a failed write leaves no .partial behind. */
  private writeWhole(name: string, text: string): void {
    const file = join(this.dir, name);
    const tmp = `${file}.partial`;
    let fd = -1;
    try {
      fd = openSync(tmp, 'w');
      writeAll(fd, text, tmp);
      closeSync(fd);
      fd = -1;
      renameSync(tmp, file);
    } catch (e) {
      if (fd >= 0) closeQuietly(fd);
      rmSync(tmp, { force: true });
      throw e instanceof OutputError ? e : new OutputError(`cannot write ${file}: ${errnoText(e)}`, EXIT.ioError);
    }
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.events >= 0) closeQuietly(this.events);
    if (this.indicators >= 0) closeQuietly(this.indicators);
  }
}

/** writeSync may write less than asked (a disk filling up): loop until all is written or it fails. */
function writeAll(fd: number, text: string, file: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  try {
    while (off < buf.length) {
      const n = writeSync(fd, buf, off, buf.length - off);
      if (n <= 0) throw Object.assign(new Error('no progress writing'), { code: 'EIO' });
      off += n;
    }
  } catch (e) {
    throw new OutputError(`cannot write ${file}: ${errnoText(e)}`, EXIT.ioError, { cause: e });
  }
}

/** mkdir -p with the real reason of a failure (Node's recursive mkdir reports EROFS as ENOENT). */
function makeDir(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(dir).isDirectory()) return;
    if (code !== 'ENOENT' || dirname(dir) === dir) throw e;
    makeDir(dirname(dir));
    mkdirSync(dir);
  }
}

function mkdirOrFail(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new OutputError(`cannot create ${dir}: ${errnoText(e)}`, EXIT.ioError);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // A close that fails after a failed write adds nothing to report.
  }
}

/** Numbers as R and pandas read them: integers plain, others to 8 significant digits, NA for missing. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return 'NA';
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(8)));
}
