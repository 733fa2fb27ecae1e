/**
 * Reading a run directory back (for `paradip replay` and `paradip explain`): run.json (provenance and the
 * resolved scenario), events.jsonl and indicators.csv. A missing or unreadable directory is a message, not
 * an exception.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { SimEvent } from '../engine/events.ts';
import { scenarioSchema } from '../scenario/schema.ts';
import type { Recording } from '../ui/replay-session.ts';

export type ReadRun = { ok: true; recording: Recording } | { ok: false; error: string };

export function readRunDir(dir: string, cwd: string, { indicators = true }: { indicators?: boolean } = {}): ReadRun {
  const at = isAbsolute(dir) ? dir : resolve(cwd, dir);
  if (!existsSync(at) || !statSync(at).isDirectory()) return { ok: false, error: `no run directory ${dir}` };
  const file = (name: string): string | null => (existsSync(join(at, name)) ? readFileSync(join(at, name), 'utf8') : null);
  const runJson = file('run.json');
  if (runJson === null) return { ok: false, error: `${dir} has no run.json: not a run directory, or the run is still going` };
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
      events.push(JSON.parse(lines[i]!) as SimEvent);
    } catch {
      return { ok: false, error: `${join(dir, 'events.jsonl')}:${i + 1}: not a JSON event` };
    }
  }
  let indicatorNames: string[] = [];
  const rows: number[][] = [];
  const csv = indicators ? file('indicators.csv') : null;
  if (csv !== null) {
    const [header, ...body] = csv.split('\n').filter((l) => l !== '');
    indicatorNames = (header ?? '').split(',').slice(2);
    for (const line of body) rows.push(line.split(',').slice(2).map((v) => (v === 'NA' ? Number.NaN : Number(v))));
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
      firstTick: ticks.from ?? 0,
      lastTick: ticks.to ?? Math.max(0, rows.length - 1),
      interrupted: meta['interrupted'] === true,
      events,
      indicatorNames,
      indicators: rows,
    },
  };
}
