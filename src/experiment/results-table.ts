/**
 * The results table of a sweep: one row per run (run, point, seed, every parameter, every measure, status,
 * error) with typed columns, as CSV text and as a Parquet file (hyparquet-writer: pure JavaScript, so no native
 * build; pandas, R arrow, polars and DuckDB read it). Rows are given sorted by run id, so the bytes depend
 * only on the results, never on which worker or machine finished first.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { SweepRow } from './sweep-runner.ts';
import type { ParameterValue as ParamValue } from './design.ts';

export type ColumnType = 'int64' | 'double' | 'string' | 'boolean';

export interface Column {
  name: string;
  type: ColumnType;
}

/** The columns, in order; a parameter's type is that of its values (mixed kinds become text). */
export function tableColumns(paramPaths: readonly string[], paramValues: readonly Record<string, ParamValue>[], measureNames: readonly string[]): Column[] {
  const typeOf = (path: string): ColumnType => {
    const kinds = new Set(paramValues.map((v) => typeof v[path]));
    return kinds.size === 1 && kinds.has('number') ? 'double' : kinds.size === 1 && kinds.has('boolean') ? 'boolean' : 'string';
  };
  return [
    { name: 'run', type: 'int64' },
    { name: 'point', type: 'int64' },
    { name: 'seed', type: 'int64' },
    ...paramPaths.map((name) => ({ name, type: typeOf(name) })),
    ...measureNames.map((name) => ({ name, type: 'double' as const })),
    { name: 'status', type: 'string' },
    { name: 'error', type: 'string' },
  ];
}

type Cell = number | string | boolean | null;

/** One row's cells in column order; a measure that never happened (NaN) is null. */
export function rowCells(row: SweepRow, params: readonly string[], values: Record<string, ParamValue>, columns: readonly Column[]): Cell[] {
  const cells: Cell[] = [row.run, row.point, row.seed];
  params.forEach((p, i) => cells.push(columns[3 + i]!.type === 'string' ? String(values[p]) : values[p]!));
  for (const m of row.measures) cells.push(Number.isFinite(m) ? m : null);
  cells.push(row.status, row.error);
  return cells;
}

export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** RFC 4180 CSV: a header, then one line per row; empty cells are missing values (NaN in pandas, NA in R). */
export function toCsv(columns: readonly Column[], rows: readonly Cell[][]): string {
  const lines = [columns.map((c) => csvCell(c.name)).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

const PARQUET_TYPE = { int64: 'INT64', double: 'DOUBLE', string: 'STRING', boolean: 'BOOLEAN' } as const;

/** The same table as Parquet, with `metadata` (the experiment's provenance) in the file's key-value metadata. */
export function toParquet(columns: readonly Column[], rows: readonly Cell[][], metadata: Record<string, string>): Uint8Array {
  const columnData = columns.map((c, i) => ({
    name: c.name,
    type: PARQUET_TYPE[c.type],
    // INT64 takes BigInt; ids and seeds are whole numbers, so the conversion is exact.
    data: rows.map((r) => (c.type === 'int64' ? BigInt(r[i] as number) : r[i]!)) as never,
    nullable: c.type === 'double' || c.type === 'boolean' || c.type === 'string',
  }));
  const buffer = parquetWriteBuffer({ columnData, kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })), createdBy: 'paradip (hyparquet-writer)' });
  return new Uint8Array(buffer);
}
