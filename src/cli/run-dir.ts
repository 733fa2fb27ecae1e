/**
 * Reading a run directory back: for `paradip replay` and `paradip explain`, run.json (provenance and the
 * resolved scenario), events.jsonl and indicators.csv; for `paradip run --resume`, a killed run's last complete
 * checkpoint and how much of its files to keep. A missing or unreadable directory is a message, not an exception.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { scenarioHash } from '../engine/checkpoint-check.ts';
import type { SimEvent } from '../engine/events.ts';
import { indicatorNames } from '../engine/phases/observe.ts';
import { lastTick, resumeRun } from '../engine/run.ts';
import { formatProblem } from '../scenario/problem.ts';
import { scenarioSchema } from '../scenario/schema.ts';
import type { Recording } from '../ui/replay-session.ts';
import { readCheckpointFile, sha256 } from './checkpoint-file.ts';
import { EXIT } from './io.ts';
import type { Prepared } from './prepare-run.ts';
import { eventFromLine } from './event-record.ts';
import { runIdOf } from './run-id.ts';
import { CHECKPOINT_NAME, indicatorsHeader, type ReopenPlan, type RunIntent } from './run-writer.ts';

export type ReadRun = { ok: true; recording: Recording } | { ok: false; error: string };

export function readRunDir(dir: string, cwd: string, { indicators = true }: { indicators?: boolean } = {}): ReadRun {
  const at = isAbsolute(dir) ? dir : resolve(cwd, dir);
  if (!existsSync(at) || !statSync(at).isDirectory()) return { ok: false, error: `no run directory ${dir}` };
  const file = (name: string): string | null => (existsSync(join(at, name)) ? readFileSync(join(at, name), 'utf8') : null);
  const runJson = file('run.json');
  if (runJson === null) {
    if (existsSync(join(at, 'run.json.partial'))) return { ok: false, error: `the run in ${dir} has not finished (it is still going, or it was killed): continue it with paradip run --resume ${dir}` };
    return { ok: false, error: `${dir} has no run.json: not a run directory, or the run is still going` };
  }
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(runJson) as Record<string, unknown>;
  } catch (e) {
    return { ok: false, error: `${join(dir, 'run.json')}: not JSON (${(e as Error).message})` };
  }
  const scenario = scenarioSchema.safeParse(meta['scenario']);
  if (!scenario.success) return { ok: false, error: `${join(dir, 'run.json')}: its scenario does not validate (written by another paradip version?)` };
  const eventsText = file('events.jsonl');
  if (eventsText === null) return { ok: false, error: `${dir} has no events.jsonl` };
  const events: SimEvent[] = [];
  const lines = eventsText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    try {
      events.push(eventFromLine(JSON.parse(lines[i]!) as Record<string, unknown>));
    } catch {
      return { ok: false, error: `${join(dir, 'events.jsonl')}:${i + 1}: not a JSON event` };
    }
  }
  let indicatorNames: string[] = [];
  const rows: number[][] = [];
  const csv = indicators ? file('indicators.csv') : null;
  if (csv !== null) {
    const [header, ...body] = csv.split('\n').filter((l) => l !== '');
    // The indicators follow the date column (runId, seed, tick, date; tick, date in files of paradip 0.1.0).
    const first = (header ?? '').split(',').indexOf('date') + 1;
    indicatorNames = (header ?? '').split(',').slice(first);
    for (const line of body) rows.push(line.split(',').slice(first).map((v) => (v === 'NA' ? Number.NaN : Number(v))));
  }
  const ticks = (meta['ticks'] ?? {}) as { from?: number; to?: number };
  const overrides = Array.isArray(meta['overrides']) ? (meta['overrides'] as { path: string; value: unknown }[]) : [];
  const names = new Map(scenario.data.centrals.map((c) => [c.id, c.name]));
  return {
    ok: true,
    recording: {
      dir,
      scenario: scenario.data,
      seed: Number(meta['seed'] ?? 0),
      variant: typeof meta['variant'] === 'string' ? meta['variant'] : null,
      ruleSets: overrides.flatMap((o) => {
        const m = /^centrals\.([^.]+)\.ruleSet$/.exec(o.path);
        return m ? [`${names.get(m[1]!) ?? m[1]}: ${String(o.value)}`] : [];
      }),
      sets: overrides.filter((o) => !/^centrals\.[^.]+\.ruleSet$/.test(o.path)).map((o) => `${o.path}=${typeof o.value === 'string' ? o.value : JSON.stringify(o.value)}`),
      firstTick: ticks.from ?? 0,
      lastTick: ticks.to ?? Math.max(0, rows.length - 1),
      interrupted: meta['interrupted'] === true,
      events,
      indicatorNames,
      indicators: rows,
    },
  };
}

/** A killed or interrupted run, ready to continue in place from its last complete checkpoint. */
export interface Resume {
  prepared: Prepared;
  /** The first tick of the whole run (ticks.from of run.json) and the --checkpoint-every it was started with. */
  firstTick: number;
  every: number;
  checkpointTick: number;
  plan: ReopenPlan;
  /** Checkpoints passed over (damaged, or newer than the run's files), one line each. */
  skipped: string[];
}

export type PreparedResume = { ok: true; resume: Resume } | { ok: false; error: string; code: number };

/**
 * `paradip run --resume <dir>`: reads how the run was started (run.json.partial, or the run.json of an
 * interrupted run), picks the newest checkpoint that passes every check of `--from`, belongs to this run and is
 * covered by the run's files, and plans how much of events.jsonl and indicators.csv to keep. Changes nothing:
 * RunWriter.reopen carries the plan out.
 */
export function prepareResume(dir: string, cwd: string): PreparedResume {
  const at = isAbsolute(dir) ? dir : resolve(cwd, dir);
  const bad = (error: string): PreparedResume => ({ ok: false, error, code: EXIT.badInput });
  if (!existsSync(at) || !statSync(at).isDirectory()) return bad(`no run directory ${dir}`);
  let intentText: string;
  let removeRunJson = false;
  if (existsSync(join(at, 'run.json'))) {
    const meta = parseJson(readFileSync(join(at, 'run.json'), 'utf8'));
    if (meta === undefined) return bad(`${join(dir, 'run.json')} is not JSON: cannot tell how the run was started`);
    if (meta['interrupted'] !== true) return { ok: false, code: EXIT.ok, error: `nothing to resume: ${dir} holds a complete run` };
    intentText = readFileSync(join(at, 'run.json'), 'utf8');
    removeRunJson = true;
  } else if (existsSync(join(at, 'run.json.partial'))) {
    intentText = readFileSync(join(at, 'run.json.partial'), 'utf8');
  } else {
    return bad(`${dir} has no run.json.partial: not a run paradip can continue (not a run directory, or written by an older paradip)`);
  }
  const intent = parseJson(intentText);
  const ticks = intent?.['ticks'] as Record<string, unknown> | undefined;
  const every = intent?.['checkpointEvery'] ?? null;
  if (
    intent === undefined || typeof ticks !== 'object' || ticks === null || !isTick(ticks['from']) || !isTick(ticks['last']) ||
    !(every === null || (Number.isSafeInteger(every) && (every as number) > 0)) || typeof intent['scenario'] !== 'object' ||
    !(intent['scenarioFile'] === null || typeof intent['scenarioFile'] === 'string') || !(intent['resumedFrom'] === null || typeof intent['resumedFrom'] === 'string') ||
    typeof intent['runId'] !== 'string' || !/^[0-9a-f]{12}$/.test(intent['runId']) || !isTick(intent['seed'])
  ) {
    return bad(`${join(dir, removeRunJson ? 'run.json' : 'run.json.partial')} is damaged: cannot tell how the run was started`);
  }
  const from = ticks['from'] as number;
  const last = ticks['last'] as number;
  const hash = scenarioHash(intent['scenario'], sha256);

  const renames: ReopenPlan['renames'] = [];
  for (const name of ['events.jsonl', 'indicators.csv']) {
    const partial = existsSync(join(at, `${name}.partial`));
    const final = existsSync(join(at, name));
    if (partial && final) return bad(`${dir} holds both ${name} and ${name}.partial: cannot tell which is the run's; move one away`);
    if (!partial && !final) return bad(`${dir} has no ${name}.partial: the run's files are gone, it cannot be continued`);
    if (final) renames.push({ from: name, to: `${name}.partial` });
  }
  const stream = (name: string): string => join(at, renames.some((r) => r.from === name) ? name : `${name}.partial`);

  const cpDir = join(at, 'checkpoints');
  const ticksFound = existsSync(cpDir) ? readdirSync(cpDir).filter((n) => CHECKPOINT_NAME.test(n)).map((n) => Number(n.slice(0, -5))).sort((a, b) => b - a) : [];
  const skipped: string[] = [];
  for (const tick of ticksFound) {
    const shown = join(dir, 'checkpoints', `${tick}.json`);
    if (tick < from || tick > last) {
      skipped.push(`${shown}: tick ${tick} is outside this run's ticks ${from}..${last}`);
      continue;
    }
    const read = readCheckpointFile(join(cpDir, `${tick}.json`), shown);
    if (!read.ok) {
      skipped.push(formatProblem(read.problems[0]!));
      continue;
    }
    const cp = read.checkpoint;
    if (cp.tick !== tick || cp.scenarioHash !== hash || cp.meta.seed !== intent['seed']) {
      skipped.push(`${shown}: a checkpoint of another run (its tick, scenario or seed differ)`);
      continue;
    }
    const run = resumeRun(cp);
    if (runIdOf(run) !== intent['runId']) {
      skipped.push(`${shown}: a checkpoint of another run (its run id differs: other rule sets or overrides)`);
      continue;
    }
    if (lastTick(run.model) < last) {
      skipped.push(`${shown}: its calendar ends before the run's last tick ${last}`);
      continue;
    }
    const eventsBytes = keptEvents(stream('events.jsonl'), tick, cp.world.counters.event, from === 0 && intent['resumedFrom'] === null);
    const header = indicatorsHeader(indicatorNames(run.model));
    const indicatorsBytes = keptRows(stream('indicators.csv'), header, from, tick);
    if (eventsBytes === null || indicatorsBytes === null) {
      skipped.push(`${shown}: the run's events.jsonl or indicators.csv stop before this checkpoint's tick`);
      continue;
    }
    const prepared: Prepared = { run, last, scenarioFile: intent['scenarioFile'] as string | null, resumedFrom: intent['resumedFrom'] as string | null };
    return {
      ok: true,
      resume: { prepared, firstTick: from, every: (every as number | null) ?? 0, checkpointTick: tick, skipped, plan: { renames, eventsBytes, indicatorsBytes, removeRunJson, intent: intent as Record<string, unknown> & RunIntent } },
    };
  }
  const why = skipped.length > 0 ? ` (${skipped.join('; ')})` : '';
  return bad(`no complete checkpoint to continue from in ${join(dir, 'checkpoints')}${why}. A run can be continued only from a checkpoint (--checkpoint-every); start it again into a new --out`);
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isTick(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/**
 * Bytes of events.jsonl holding every event of ticks <= `tick`: complete lines only, sequence numbers
 * consecutive, the last one the checkpoint's event counter. Null if the file stops before that.
 */
function keptEvents(file: string, tick: number, counter: number, fromStart: boolean): number | null {
  let keep = 0;
  let lastSeq: number | null = null;
  let broken = false;
  scanLines(file, (line, end) => {
    const m = /^\{"runId":"[0-9a-f]{12}","seed":\d+,"seq":(\d+),"tick":(\d+),/.exec(line);
    if (!m) {
      broken = true;
      return false;
    }
    if (Number(m[2]) > tick) return false;
    const seq = Number(m[1]);
    if (lastSeq !== null && seq !== lastSeq + 1) {
      broken = true;
      return false;
    }
    lastSeq = seq;
    keep = end;
    return true;
  });
  // No event up to the checkpoint: only right if its counter has not moved (known for a run from tick 0).
  if (lastSeq === null) return broken || (fromStart && counter !== 0) ? null : keep;
  return lastSeq === counter ? keep : null;
}

/** Bytes of indicators.csv up to the row of `tick`: the header, then one complete row per tick from `from`. */
function keptRows(file: string, header: string, from: number, tick: number): number | null {
  let keep = 0;
  let next = from;
  let first = true;
  let ok = true;
  scanLines(file, (line, end) => {
    if (first) {
      first = false;
      ok = line === header;
      keep = end;
      return ok;
    }
    // The tick is the third column, after the run id and seed.
    const t = Number(line.split(',', 3)[2]);
    if (t > tick) return false;
    if (t !== next) {
      ok = false;
      return false;
    }
    next++;
    keep = end;
    return true;
  });
  return ok && !first && next === tick + 1 ? keep : null;
}

/** Calls `visit` with each complete (newline-terminated) line and the byte offset after it, until it returns false. */
function scanLines(file: string, visit: (line: string, end: number) => boolean): void {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    let pending: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n <= 0) return;
      let start = 0;
      for (let i = 0; i < n; i++) {
        if (chunk[i] !== 0x0a) continue;
        pending.push(chunk.subarray(start, i));
        const line = Buffer.concat(pending).toString('utf8');
        pending = [];
        if (!visit(line, offset + i + 1)) return;
        start = i + 1;
      }
      if (start < n) pending.push(Buffer.from(chunk.subarray(start, n)));
      offset += n;
    }
  } finally {
    closeSync(fd);
  }
}
