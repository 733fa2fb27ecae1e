/**
 * `paradip sensitivity <result>`: Sobol' indices (sobol design) or Morris effects (morris design) of every measure
 * of a sweep's result directory. Prints a table (or JSON with --json) and writes the same tidy table as CSV to
 * <result>/sensitivity.csv (or --out). Bad input (not a result directory, a grid or lhs design, an unknown
 * measure) is a message and exit 2, with nothing written.
 */
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES } from '../experiment/bootstrap.ts';
import { DesignError } from '../experiment/design.ts';
import { analyseSensitivity, SensitivityError, type MeasureNote, type Sensitivity } from '../experiment/sensitivity.ts';
import { parseArgs } from './args.ts';
import { writeAtomic } from './files.ts';
import { EXIT, errnoText, print, type Io } from './io.ts';
import { readResultDir } from './result-dir.ts';

export const SENSITIVITY_USAGE =
  'paradip sensitivity <result-dir> [--measure <name>]... [--never <value>] [--first-order jansen|saltelli] [--resamples <n>] [--confidence <level>] [--seed <n>] [--out <file.csv>] [--json]';

const FLAGS = {
  measure: { type: 'string', multiple: true },
  never: { type: 'number' },
  'first-order': { type: 'string' },
  resamples: { type: 'number', integer: true },
  confidence: { type: 'number' },
  seed: { type: 'number', integer: true },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export function sensitivityCommand(io: Io, argv: string[]): number {
  const parsed = parseArgs(argv, FLAGS);
  if (!parsed.ok) return usage(io, parsed.error);
  const { positionals, flags } = parsed.args;
  if (positionals.length !== 1) return usage(io, 'give one result directory (the --out of paradip sweep)');
  const resamples = (flags['resamples'] as number | undefined) ?? DEFAULT_RESAMPLES;
  const confidence = (flags['confidence'] as number | undefined) ?? DEFAULT_CONFIDENCE;
  if (resamples < 2 || resamples > 100_000) return usage(io, `--resamples must be from 2 to 100000, not ${resamples}`);
  const firstOrder = (flags['first-order'] as string | undefined) ?? 'jansen';
  if (firstOrder !== 'jansen' && firstOrder !== 'saltelli') return usage(io, `--first-order is jansen or saltelli, not "${firstOrder}"`);
  if (!(confidence > 0 && confidence < 1)) return usage(io, `--confidence must be between 0 and 1 (e.g. 0.95), not ${confidence}`);
  const dir = positionals[0]!;
  const read = readResultDir(dir, io.cwd);
  if (!read.ok) return fail(io, read.error);
  let s: Sensitivity;
  try {
    s = analyseSensitivity(read.result, {
      measures: flags['measure'] as string[] | undefined,
      never: flags['never'] as number | undefined,
      firstOrder,
      resamples,
      confidence,
      seed: (flags['seed'] as number | undefined) ?? 1,
    });
  } catch (e) {
    if (e instanceof SensitivityError) return fail(io, `${dir}: ${e.message}`);
    if (e instanceof DesignError) return fail(io, `${join(dir, 'experiment.json')}: ${e.message}`);
    throw e;
  }
  const out = (flags['out'] as string | undefined) ?? join(dir, 'sensitivity.csv');
  try {
    writeAtomic(resolve(io.cwd, out), sensitivityCsv(s));
  } catch (e) {
    print(io.stderr, `error: cannot write ${out}: ${errnoText(e)}`);
    return EXIT.cantCreate;
  }
  if (flags['json']) {
    print(io.stdout, JSON.stringify({ result: dir, kind: s.kind, firstOrder: s.kind === 'sobol' ? firstOrder : null, resamples, confidence, never: flags['never'] ?? null, csv: out, notes: s.notes, rows: s.rows.map(jsonRow) }, null, 2));
  } else {
    print(io.stdout, formatSensitivity(s, confidence, firstOrder));
    print(io.stdout, `written: ${out}`);
  }
  return EXIT.ok;
}

/** NaN (no estimate) is null in JSON. */
function jsonRow(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? null : v]));
}

/** The tidy table as CSV: full precision, empty for no estimate. */
export function sensitivityCsv(s: Sensitivity): string {
  const cell = (v: unknown): string => (typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : csvText(String(v)));
  const rows = (s.rows as object[]).map((r) => s.columns.map((c) => cell((r as Record<string, unknown>)[c])).join(','));
  return [s.columns.join(','), ...rows].join('\n') + '\n';
}

function csvText(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The table for a terminal: three decimals, one block per measure, and what went into each. */
export function formatSensitivity(s: Sensitivity, confidence: number, firstOrder = 'jansen'): string {
  const header = s.columns.map(String);
  const body = (s.rows as object[]).map((r) => s.columns.map((c) => {
    const v = (r as Record<string, unknown>)[c];
    return typeof v === 'number' ? (Number.isFinite(v) ? v.toFixed(3) : '-') : String(v);
  }));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const lines = [line(header), ...body.map(line)];
  const what = s.kind === 'sobol' ? `Sobol' indices (${firstOrder === 'jansen' ? 'Jansen' : 'S1 Saltelli 2010, ST Jansen'}), ${Math.round(confidence * 100)}% bootstrap half-widths` : `Morris elementary effects, ${Math.round(confidence * 100)}% bootstrap half-width of mu*`;
  return [what, '', ...lines, '', ...s.notes.map(noteLine)].join('\n');
}

function noteLine(n: MeasureNote): string {
  const parts = [`${n.measure}: ${n.runs} runs averaged`];
  if (n.errored) parts.push(`${n.errored} errored runs left out`);
  if (n.never) parts.push(`${n.never} runs where it never happened`);
  if (n.pointsWithout) parts.push(`${n.pointsWithout} points without a value`);
  if (n.dropped) parts.push(`${n.dropped} ${n.dropped === 1 ? 'row or step' : 'rows or steps'} left out`);
  return parts.join(', ');
}

function fail(io: Io, error: string): number {
  print(io.stderr, `error: ${error}`);
  return EXIT.badInput;
}

function usage(io: Io, error: string): number {
  print(io.stderr, `error: ${error}\nusage: ${SENSITIVITY_USAGE}`);
  return EXIT.badInput;
}
