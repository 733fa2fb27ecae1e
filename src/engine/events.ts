/**
 * Events: immutable records of what happened in a tick, each with its reason. Every line of events.jsonl is
 * one event with seq, tick, date and kind first, then its fields.
 */
import type { World } from '../model/world.ts';

export const EVENT_KINDS = [
  'timeline.applied',
  'action.proposed',
  'action.forbidden',
  'action.declined',
  'action.vetoed',
  'approval.requested',
  'approval.granted',
  'approval.refused',
  'approval.tacit',
  'instrument.signed',
  'instrument.denounced',
  'instrument.takenOver',
  'instrument.expired',
  'instrument.renewed',
  'instrument.lapsed',
  'denunciation.demanded',
  'law.enacted',
  'law.blocked',
  'lobby.delivered',
  'action.litigated',
  'action.ruled',
  'action.appealed',
  'position.changed',
  'relation.changed',
  'central.sanctioned',
  'central.consulted',
  'rules.changed',
  'central.succeeded',
  'action.framed',
  'forum.resolved',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface SimEvent {
  seq: number;
  tick: number;
  date: string;
  kind: EventKind;
  [field: string]: unknown;
}

/** Collects a tick's events; sequence numbers continue from the world's counter. */
export class EventLog {
  readonly events: SimEvent[] = [];
  constructor(
    private readonly world: World,
    private readonly date: string,
  ) {}

  emit(kind: EventKind, fields: Record<string, unknown>): SimEvent {
    const event: SimEvent = { seq: ++this.world.counters.event, tick: this.world.tick, date: this.date, kind, ...fields };
    this.events.push(event);
    return event;
  }
}
