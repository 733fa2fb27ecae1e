/**
 * Target pass/fail from a sweep's measures: a measure defined as `target: <id>` records the target's value as
 * a number (a date as a decimal year, an order as 1/0, parties as their count); with the scenario's target
 * (read from the scenario file experiment.json names, when its sha256 still matches) the report can say
 * whether each run passed. Expectations on party ids (includes, excludes) cannot be judged from a count.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import type { SweepResult } from '../experiment/sweep-result.ts';
import { measureKind, meetsExpectation, type TargetValue } from '../experiment/targets.ts';
import type { TargetSpec } from '../scenario/schema.ts';
import type { PassOf } from './sweep-report.ts';

/** A decimal year (1995.5) back to its date (1995-07-02): the inverse of the sweep's decimalYear. */
export function dateOfDecimalYear(y: number): string {
  const year = Math.floor(y);
  const start = Date.UTC(year, 0, 1);
  const days = Math.round((y - year) * ((Date.UTC(year + 1, 0, 1) - start) / 86_400_000));
  return new Date(start + days * 86_400_000).toISOString().slice(0, 10);
}

/** The measure's number as the target's value, or undefined when the expectation cannot be judged from it. */
export function targetValue(target: TargetSpec, v: number): TargetValue | undefined {
  const none = !Number.isFinite(v);
  switch (measureKind(target)) {
    case 'first':
      return none ? null : dateOfDecimalYear(v);
    case 'order':
      return none ? null : v === 1;
    case 'parties':
    case 'dyads':
      if (target.expect.includes || target.expect.excludes) return undefined;
      return none ? null : Array.from({ length: v }, (_, i) => String(i));
    default:
      return none ? null : v;
  }
}

function scenarioFile(result: SweepResult, cwd: string): { file: string; sha256?: string } | null {
  const s = result.experiment['scenario'];
  // paradip sweep writes { file, sha256 }, the file relative to where it ran.
  const named = typeof s === 'object' && s !== null ? s as { file?: unknown; path?: unknown } : undefined;
  const path = typeof s === 'string' ? s : (named?.file ?? named?.path);
  if (typeof path !== 'string') return null;
  const sha256 = typeof s === 'object' && s !== null ? (s as { sha256?: unknown }).sha256 : undefined;
  const candidates = isAbsolute(path) ? [path] : [resolve(cwd, path), resolve(cwd, result.dir, path)];
  const file = candidates.find((f) => existsSync(f));
  return file ? { file, sha256: typeof sha256 === 'string' ? sha256 : undefined } : null;
}

/** A PassOf for the result's target measures, or undefined when it has none or the scenario cannot be read. */
export function targetJudge(result: SweepResult, cwd: string): PassOf | undefined {
  const measures = result.experiment['measures'];
  if (!Array.isArray(measures)) return undefined;
  const byMeasure = new Map<string, string>();
  for (const m of measures) {
    const def = m as { name?: unknown; target?: unknown; definition?: { target?: unknown } };
    const target = def.target ?? def.definition?.target;
    if (typeof def.name === 'string' && typeof target === 'string') byMeasure.set(def.name, target);
  }
  if (byMeasure.size === 0) return undefined;
  const found = scenarioFile(result, cwd);
  if (!found) return undefined;
  const text = readFileSync(found.file, 'utf8');
  if (found.sha256 && createHash('sha256').update(text).digest('hex') !== found.sha256) return undefined;
  let targets: TargetSpec[];
  try {
    const doc = parse(text) as { targets?: TargetSpec[] };
    targets = Array.isArray(doc?.targets) ? doc.targets : [];
  } catch {
    return undefined;
  }
  const judged = new Map<string, TargetSpec>();
  for (const [measure, id] of byMeasure) {
    const t = targets.find((x) => x.id === id);
    if (t?.measure && t.expect) judged.set(measure, t);
  }
  if (judged.size === 0) return undefined;
  return (measure, v) => {
    const t = judged.get(measure);
    if (!t) return null;
    const value = targetValue(t, v);
    return value === undefined ? null : meetsExpectation(t.expect, value);
  };
}
