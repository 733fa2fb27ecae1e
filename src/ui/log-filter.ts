/**
 * The event log's filter (key f): all events, one event kind, or the events one government takes part in.
 * Filtering is incremental: a frame only scans the events that arrived since the last one.
 */
import type { SimEvent } from '../engine/events.ts';
import type { NameBook } from '../experiment/describe-event.ts';

export type LogFilter = { type: 'all' } | { type: 'kind'; kind: string } | { type: 'government'; id: string };

export const ALL: LogFilter = { type: 'all' };

/** Fields of an event that name a government taking part. */
const PARTY_FIELDS = ['actor', 'by', 'to', 'approver', 'party', 'subnational', 'central', 'initiator'] as const;
const LIST_FIELDS = ['parties', 'subnationals'] as const;

export function involves(e: SimEvent, id: string): boolean {
  for (const f of PARTY_FIELDS) if (e[f] === id) return true;
  for (const f of LIST_FIELDS) {
    const list = e[f];
    if (Array.isArray(list) && list.includes(id)) return true;
  }
  return false;
}

export function matches(e: SimEvent, filter: LogFilter): boolean {
  if (filter.type === 'all') return true;
  if (filter.type === 'kind') return e.kind === filter.kind;
  return involves(e, filter.id);
}

export function filterLabel(filter: LogFilter, names: NameBook): string {
  if (filter.type === 'all') return 'all events';
  if (filter.type === 'kind') return filter.kind;
  return names.name(filter.id);
}

export function sameFilter(a: LogFilter, b: LogFilter): boolean {
  return a.type === b.type && (a.type !== 'kind' || a.kind === (b as { kind: string }).kind) && (a.type !== 'government' || a.id === (b as { id: string }).id);
}

/** The picker's options: all, then the kinds seen so far (with counts), then every government. */
export function filterOptions(events: readonly SimEvent[], count: number, governments: readonly { id: string; name: string; central?: boolean }[]): { label: string; filter: LogFilter }[] {
  const kinds = new Map<string, number>();
  for (let i = 0; i < count; i++) kinds.set(events[i]!.kind, (kinds.get(events[i]!.kind) ?? 0) + 1);
  return [
    { label: 'all events', filter: ALL },
    ...[...kinds.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, n]) => ({ label: `kind: ${kind} (${n})`, filter: { type: 'kind', kind } as LogFilter })),
    ...governments.map((g) => ({ label: `${g.central ? 'central' : 'government'}: ${g.name}`, filter: { type: 'government', id: g.id } as LogFilter })),
  ];
}

/** Positions (in `events`) of the events that pass the filter, kept up to date as events arrive. */
export class FilteredLog {
  private events: readonly SimEvent[] | null = null;
  private filter: LogFilter = ALL;
  private scanned = 0;
  private positions: number[] = [];
  private seqList: number[] = [];

  /** Seqs of the events that pass, in the same order as the positions `update` returned. */
  get seqs(): readonly number[] {
    return this.seqList;
  }

  update(events: readonly SimEvent[], count: number, filter: LogFilter): readonly number[] {
    if (events !== this.events || !sameFilter(filter, this.filter) || count < this.scanned) {
      if (events === this.events && sameFilter(filter, this.filter) && count < this.scanned) {
        // Stepping back in a replay: drop what is past the frame.
        while (this.positions.length > 0 && this.positions[this.positions.length - 1]! >= count) {
          this.positions.pop();
          this.seqList.pop();
        }
        this.scanned = count;
        return this.positions;
      }
      this.events = events;
      this.filter = filter;
      this.scanned = 0;
      this.positions = [];
      this.seqList = [];
    }
    for (let i = this.scanned; i < count; i++) {
      if (!matches(events[i]!, filter)) continue;
      this.positions.push(i);
      this.seqList.push(events[i]!.seq);
    }
    this.scanned = count;
    return this.positions;
  }
}

/** Events of the same instrument as `e` (the story an instrument's WHY panel tells). */
export function relatedEvents(events: readonly SimEvent[], count: number, e: SimEvent): SimEvent[] {
  const id = e['id'];
  if (typeof id !== 'string') return [];
  const out: SimEvent[] = [];
  for (let i = 0; i < count; i++) if (events[i]!['id'] === id) out.push(events[i]!);
  return out;
}
