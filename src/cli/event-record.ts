/**
 * Events as the run directory stores them, for tables (pandas, R, DuckDB): every row starts with the run id and
 * seed, and every column has one type across event kinds.
 *
 * - events.jsonl: one JSON object per event, `runId`, `seed`, `seq`, `tick`, `date`, `kind`, then its fields
 *   (nested ones such as `why` included). The engine's `position.changed` says `from`/`to` for the numbers of a
 *   position, while `relation.changed` uses them for relation modes (text): the file calls the numbers
 *   `fromPosition`/`toPosition`, so `from` and `to` are text in every row. Reading a file back maps them again.
 * - events.csv: the same events, flat, one column per scalar field (EVENT_CSV_COLUMNS, documented in
 *   docs/outputs.md); the nested `why`, `set`, `legal` and `approvals` are only in events.jsonl.
 */
import type { SimEvent } from '../engine/events.ts';
import { csvCell } from '../experiment/results-table.ts';

/** Engine field names stored under another name, by event kind. */
const RENAMED: Partial<Record<string, Record<string, string>>> = {
  'position.changed': { from: 'fromPosition', to: 'toPosition' },
};

/** An event as the files store it, without the run columns (the lines `simulate` returns). */
export function eventRecord(e: SimEvent): string {
  const names = RENAMED[e.kind];
  if (names === undefined) return JSON.stringify(e);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) out[names[k] ?? k] = v;
  return JSON.stringify(out);
}

/** The line of events.jsonl: the run id and seed, then the record. */
export function eventLine(record: string, runId: string, seed: number): string {
  return `{"runId":${JSON.stringify(runId)},"seed":${seed},${record.slice(1)}`;
}

/** An event of events.jsonl as the engine emitted it (for replay and explain): run columns dropped, names mapped back. */
export function eventFromLine(parsed: Record<string, unknown>): SimEvent {
  const { runId: _runId, seed: _seed, ...rest } = parsed;
  const names = RENAMED[String(rest['kind'])];
  if (names === undefined) return rest as SimEvent;
  const back = new Map(Object.entries(names).map(([k, v]) => [v, k]));
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [back.get(k) ?? k, v])) as SimEvent;
}

export type CsvType = 'string' | 'date' | 'integer' | 'double' | 'boolean' | 'ids' | 'citations';

/**
 * The columns of events.csv in order, with their type. `ids` is a list of ids joined by ";" (ids never hold
 * one), `citations` a list of citations joined by " | " (citations hold ";" and ","), `date` an ISO date
 * (YYYY-MM-DD). An empty cell: the field
 * does not apply to the event's kind (or is null, e.g. the issue of an action on no issue).
 */
export const EVENT_CSV_COLUMNS: readonly (readonly [string, CsvType])[] = [
  ['runId', 'string'],
  ['seed', 'integer'],
  ['seq', 'integer'],
  ['tick', 'integer'],
  ['date', 'date'],
  ['kind', 'string'],
  ['id', 'string'],
  ['instrument', 'string'],
  ['actor', 'string'],
  ['initiator', 'string'],
  ['by', 'string'],
  ['parties', 'ids'],
  ['subnational', 'string'],
  ['central', 'string'],
  ['subnationals', 'ids'],
  ['domain', 'string'],
  ['issue', 'string'],
  ['duchacek', 'string'],
  ['protodiplomacy', 'boolean'],
  ['level', 'string'],
  ['reason', 'string'],
  ['approval', 'string'],
  ['step', 'string'],
  ['approver', 'string'],
  ['organ', 'string'],
  ['party', 'string'],
  ['deadline', 'date'],
  ['onSilence', 'string'],
  ['citation', 'string'],
  ['citations', 'citations'],
  ['from', 'string'],
  ['to', 'string'],
  ['fromPosition', 'double'],
  ['toPosition', 'double'],
  ['leader', 'string'],
  ['entry', 'string'],
  ['note', 'string'],
  // Issue 12 part B: constitutional change, successions, third parties.
  ['cause', 'string'],
  ['predecessor', 'string'],
  ['successor', 'string'],
  ['instruments', 'ids'],
  ['holder', 'string'],
  ['frame', 'string'],
  ['against', 'boolean'],
  // Issue 13: court cases (the domestic action litigate).
  ['plaintiff', 'string'],
  ['court', 'string'],
  ['outcome', 'string'],
  ['due', 'date'],
];

/** Fields of events.jsonl that are not columns of events.csv: nested records. */
export const JSONL_ONLY = ['why', 'set', 'legal', 'approvals'] as const;

export const EVENT_CSV_HEADER = EVENT_CSV_COLUMNS.map(([name]) => name).join(',');

/** One row of events.csv from a parsed line of events.jsonl. */
export function eventCsvRow(line: Record<string, unknown>): string {
  return EVENT_CSV_COLUMNS.map(([name, type]) => {
    const v = line[name];
    if (v === undefined || v === null) return '';
    if (type === 'ids') return csvCell((v as string[]).join(';'));
    if (type === 'citations') return csvCell((v as string[]).join(' | '));
    return csvCell(v as string | number | boolean);
  }).join(',');
}
