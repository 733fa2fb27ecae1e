/**
 * Outcomes of runs as numbers, and a comparison of their distributions over seeds. Laws that cannot hold run
 * by run (the tick length changes the random draws; a renaming that reorders ids changes which agent draws
 * first) hold for distributions: the same scenario under day, week and month ticks, or under another naming,
 * must give outcome means that differ by no more than sampling error and the coarsest tick's discretisation.
 * Exported through `paradip/testing`.
 */

/** A run's outcomes: counts by event kind and instrument, the share of tacit consents, approval latency. */
export type Outcomes = Record<string, number>;

interface EventLine {
  kind: string;
  date: string;
  instrument?: string;
  approval?: string;
  actor?: string;
  parties?: string[];
}

const DAY = 86_400_000;

/**
 * Outcome measures of one run from its events.jsonl lines. `unitOf` maps a party id to the name it should
 * be counted under (for renamed runs: back to the original id); per-party counts are keyed `signed-by:<id>`.
 * With the calendar's `start`, the day of the first national law is measured too.
 */
export function outcomes(events: readonly string[], unitOf: (id: string) => string = (id) => id, start?: string): Outcomes {
  const out: Outcomes = {};
  const add = (key: string, n = 1): void => void (out[key] = (out[key] ?? 0) + n);
  const opened = new Map<string, string>();
  let resolved = 0;
  let tacit = 0;
  let latencyDays = 0;
  for (const line of events) {
    const e = JSON.parse(line) as EventLine;
    if (e.kind === 'timeline.applied' || e.kind === 'position.changed' || e.kind === 'relation.changed' || e.kind === 'law.blocked') continue;
    add(`events:${e.kind}`);
    if (e.kind === 'instrument.signed') {
      add(`signed:${e.instrument}`);
      for (const p of e.parties ?? []) add(`signed-by:${unitOf(p)}`);
    }
    if (e.kind === 'action.proposed' && e.actor) add(`proposed-by:${unitOf(e.actor)}`);
    // When the first national law came, in days from the calendar's start (a run without one has no value).
    if (e.kind === 'law.enacted' && (e as { level?: string }).level === 'central' && out['first-central-law-day'] === undefined && start !== undefined) {
      out['first-central-law-day'] = (Date.parse(e.date) - Date.parse(start)) / DAY;
    }
    if (e.kind === 'approval.requested' && e.approval) opened.set(e.approval, e.date);
    if ((e.kind === 'approval.granted' || e.kind === 'approval.refused' || e.kind === 'approval.tacit') && e.approval) {
      const from = opened.get(e.approval);
      if (from === undefined || from === e.date) continue; // notifications and formalities resolve at once
      resolved++;
      if (e.kind === 'approval.tacit') tacit++;
      latencyDays += (Date.parse(e.date) - Date.parse(from)) / DAY;
    }
  }
  out['approvals-resolved'] = resolved;
  if (resolved > 0) {
    out['tacit-share'] = tacit / resolved;
    out['approval-latency-days'] = latencyDays / resolved;
  }
  return out;
}

export interface Difference {
  measure: string;
  meanA: number;
  meanB: number;
  /** Allowed absolute difference: z standard errors of the difference plus the slack given for the measure. */
  tolerance: number;
  runsA: number;
  runsB: number;
}

export interface CompareOptions {
  /** Standard errors allowed (default 4: deterministic seeds, many measures). */
  z?: number;
  /** Extra absolute slack per measure (e.g. one coarse tick of latency, in days). */
  slack?: Record<string, number>;
  /** Measures not compared. */
  ignore?: (measure: string) => boolean;
}

/**
 * Measures whose means over the two samples of runs differ by more than sampling error allows. A measure a
 * run lacks counts as 0, except ratios (tacit-share, approval-latency-days), averaged over runs that have them.
 */
export function differences(a: readonly Outcomes[], b: readonly Outcomes[], options: CompareOptions = {}): Difference[] {
  const z = options.z ?? 4;
  const measures = [...new Set([...a, ...b].flatMap((o) => Object.keys(o)))].sort();
  const ratio = (m: string): boolean => m === 'tacit-share' || m === 'approval-latency-days' || m === 'first-central-law-day';
  const out: Difference[] = [];
  for (const m of measures) {
    if (options.ignore?.(m)) continue;
    const xs = ratio(m) ? a.filter((o) => o[m] !== undefined).map((o) => o[m]!) : a.map((o) => o[m] ?? 0);
    const ys = ratio(m) ? b.filter((o) => o[m] !== undefined).map((o) => o[m]!) : b.map((o) => o[m] ?? 0);
    if (xs.length < 2 || ys.length < 2) continue;
    const [ma, va] = meanVar(xs);
    const [mb, vb] = meanVar(ys);
    const tolerance = z * Math.sqrt(va / xs.length + vb / ys.length) + (options.slack?.[m] ?? 0);
    if (Math.abs(ma - mb) > tolerance) out.push({ measure: m, meanA: ma, meanB: mb, tolerance, runsA: xs.length, runsB: ys.length });
  }
  return out;
}

function meanVar(xs: readonly number[]): [number, number] {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const v = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return [mean, v];
}
