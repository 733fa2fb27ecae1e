/**
 * A sweep's result directory. While running, `journal.jsonl` holds a header line (which sweep, which shard)
 * and one line per finished run, appended as runs finish (pd.read_json(..., lines=True) reads it
 * live). A sweep killed at any moment (kill -9 included) keeps every complete line; started again with the same
 * command it cuts a half-written last line, skips the runs it has and runs the rest, so every run is in
 * the results exactly once. At the end `runs.csv`, `runs.parquet` and `experiment.json` are written under
 * .partial names and renamed (experiment.json last: its presence means complete), then the journal is removed.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SweepRow } from '../experiment/sweep-runner.ts';
import type { Shard } from '../experiment/sweep-plan.ts';
import { EXIT, errnoText, OutputError } from './io.ts';

export const JOURNAL = 'journal.jsonl';
export const FINAL_FILES = ['runs.csv', 'runs.parquet', 'experiment.json'] as const;

export interface JournalHeader {
  format: 'paradip-sweep-journal';
  version: 1;
  /** The experiment's hash (sweep-command.ts): the same sweep, the same hash. */
  hash: string;
  shard: Shard | null;
}

export type Opened =
  | { ok: true; state: 'complete' }
  | { ok: true; state: 'running'; dir: SweepDir; done: Map<number, SweepRow>; cut: number }
  | { ok: false; code: number; error: string };

const rowToJson = (r: SweepRow): string => JSON.stringify({ ...r, measures: r.measures.map((m) => (Number.isFinite(m) ? m : null)) });
const rowFromJson = (o: SweepRow & { measures: (number | null)[] }): SweepRow => ({ ...o, measures: o.measures.map((m) => (m === null ? NaN : m)) });

export class SweepDir {
  private constructor(
    readonly path: string,
    private fd: number,
  ) {}

  /**
   * Opens `dir` for this sweep: new or empty (a new journal), this sweep's journal (resumed), or this
   * sweep's finished files (complete). Anything else is refused, and nothing in it is touched.
   */
  static open(dir: string, header: JournalHeader, isSameSweep: (experimentJson: string) => boolean): Opened {
    const fail = (code: number, error: string): Opened => ({ ok: false, code, error });
    let entries: string[] = [];
    try {
      if (existsSync(dir) && !statSync(dir).isDirectory()) return fail(EXIT.cantCreate, `--out ${dir} is a file, not a directory`);
      mkdirSync(dir, { recursive: true });
      entries = readdirSync(dir);
    } catch (e) {
      return fail(EXIT.cantCreate, `cannot create the result directory ${dir}: ${errnoText(e)}`);
    }
    const journal = join(dir, JOURNAL);
    const other = `${dir} holds another sweep's results; choose a new --out (or remove it)`;
    const text = entries.includes(JOURNAL) ? readFileSync(journal, 'utf8') : '';
    // A journal without a complete header line was killed while being created: start it again.
    if (text.includes('\n')) {
      const complete = text.lastIndexOf('\n') + 1;
      const lines = text.slice(0, complete).split('\n').filter((l) => l !== '');
      let head: JournalHeader | null = null;
      try {
        head = JSON.parse(lines[0] ?? 'null') as JournalHeader | null;
      } catch {
        head = null;
      }
      if (head?.format !== 'paradip-sweep-journal' || head.hash !== header.hash || JSON.stringify(head.shard) !== JSON.stringify(header.shard)) return fail(EXIT.badInput, other);
      const done = new Map<number, SweepRow>();
      for (const line of lines.slice(1)) {
        const row = rowFromJson(JSON.parse(line) as SweepRow & { measures: (number | null)[] });
        // A run twice (impossible unless the journal was edited) keeps its first line: results are deterministic.
        if (!done.has(row.run)) done.set(row.run, row);
      }
      try {
        // A line cut short by a kill: dropped, so the journal ends on a complete line before we append.
        if (complete < Buffer.byteLength(text)) truncateSync(journal, Buffer.byteLength(text.slice(0, complete)));
        return { ok: true, state: 'running', dir: new SweepDir(dir, openSync(journal, 'a')), done, cut: text.length - complete };
      } catch (e) {
        return fail(EXIT.cantCreate, `cannot continue the sweep in ${dir}: ${errnoText(e)}`);
      }
    }
    if (entries.includes('experiment.json')) {
      return isSameSweep(readFileSync(join(dir, 'experiment.json'), 'utf8')) ? { ok: true, state: 'complete' } : fail(EXIT.badInput, other);
    }
    if (entries.some((e) => !e.endsWith('.partial') && e !== JOURNAL)) return fail(EXIT.badInput, `output directory ${dir} is not empty; choose a new --out`);
    try {
      const fd = openSync(journal, 'w');
      writeSync(fd, `${JSON.stringify(header)}\n`);
      fsyncSync(fd);
      return { ok: true, state: 'running', dir: new SweepDir(dir, fd), done: new Map(), cut: 0 };
    } catch (e) {
      return fail(EXIT.cantCreate, `cannot create ${journal}: ${errnoText(e)}`);
    }
  }

  /** Appends finished runs, one line each, in one write, and syncs them to disk (OutputError, exit 74, if it cannot). */
  append(rows: readonly SweepRow[]): void {
    if (rows.length === 0) return;
    try {
      writeSync(this.fd, rows.map(rowToJson).join('\n') + '\n');
      fsyncSync(this.fd);
    } catch (e) {
      throw new OutputError(`cannot write ${join(this.path, JOURNAL)}: ${errnoText(e)}. The runs it holds are kept: make room, then run the same command to continue`, EXIT.ioError, { cause: e });
    }
  }

  /** Writes the final files (experiment.json last), then removes the journal. */
  finish(files: { 'runs.csv': string; 'runs.parquet': Uint8Array; 'experiment.json': string }): void {
    closeSync(this.fd);
    try {
      for (const name of FINAL_FILES) writeFileSync(join(this.path, `${name}.partial`), files[name]);
      for (const name of FINAL_FILES) renameSync(join(this.path, `${name}.partial`), join(this.path, name));
    } catch (e) {
      for (const name of FINAL_FILES) rmSync(join(this.path, `${name}.partial`), { force: true });
      throw new OutputError(`cannot write the results in ${this.path}: ${errnoText(e)}. Every run is kept in its journal: make room, then run the same command to finish`, EXIT.ioError, { cause: e });
    }
    rmSync(join(this.path, JOURNAL), { force: true });
  }

  close(): void {
    closeSync(this.fd);
  }
}
