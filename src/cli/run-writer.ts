/**
 * The run directory: run.json, events.jsonl, indicators.csv, checkpoints/<tick>.json. Streams are written
 * under `.partial` names and renamed when the run ends (normally or by interruption at a tick boundary), so
 * a reader never sees a half-written file under a final name.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SimEvent } from '../engine/events.ts';
import { writeAtomic } from './files.ts';

export class RunWriter {
  private readonly events: number;
  private readonly indicators: number;
  private closed = false;

  private constructor(
    readonly dir: string,
    private readonly created: boolean,
  ) {
    this.events = openSync(join(dir, 'events.jsonl.partial'), 'w');
    this.indicators = openSync(join(dir, 'indicators.csv.partial'), 'w');
  }

  /** Opens a run directory; refuses one that already holds files, so no earlier run is mixed in. */
  static open(dir: string, indicatorNames: readonly string[]): { ok: true; writer: RunWriter } | { ok: false; error: string } {
    const exists = existsSync(dir);
    if (exists && readdirSync(dir).length > 0) return { ok: false, error: `output directory ${dir} is not empty; choose a new --out` };
    mkdirSync(dir, { recursive: true });
    const w = new RunWriter(dir, !exists);
    writeSync(w.indicators, `${['tick', 'date', ...indicatorNames].join(',')}\n`);
    return { ok: true, writer: w };
  }

  tick(tick: number, date: string, events: readonly SimEvent[], indicators: readonly number[]): void {
    if (events.length > 0) writeSync(this.events, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    writeSync(this.indicators, `${tick},${date},${indicators.map(formatNumber).join(',')}\n`);
  }

  checkpoint(tick: number, json: string): void {
    writeAtomic(join(this.dir, 'checkpoints', `${tick}.json`), json);
  }

  finish(runJson: unknown): void {
    this.close();
    renameSync(join(this.dir, 'events.jsonl.partial'), join(this.dir, 'events.jsonl'));
    renameSync(join(this.dir, 'indicators.csv.partial'), join(this.dir, 'indicators.csv'));
    writeAtomic(join(this.dir, 'run.json'), `${JSON.stringify(runJson, null, 2)}\n`);
  }

  /** Removes everything this run wrote (after an error), and the directory if the run created it. */
  abort(): void {
    this.close();
    if (this.created) rmSync(this.dir, { recursive: true, force: true });
    else for (const f of ['events.jsonl.partial', 'indicators.csv.partial', 'checkpoints']) rmSync(join(this.dir, f), { recursive: true, force: true });
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.events);
    closeSync(this.indicators);
  }
}

/** Numbers as R and pandas read them: integers plain, others to 8 significant digits, NA for missing. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return 'NA';
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(8)));
}
