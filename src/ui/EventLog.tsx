/**
 * The event log: the newest events as sentences with agent names, coloured by outcome. Up/down select an
 * event (the selection then stays put while new events arrive); End or Esc follows the newest again.
 */
import { Box, Text } from 'ink';
import type { SimEvent } from '../engine/events.ts';
import { describeEvent, shortDate, type NameBook } from '../experiment/describe-event.ts';
import { PanelTitle } from './PanelTitle.tsx';
import { RELATION_COLOR } from './Governments.tsx';
import { indexOfSeq } from './screen-state.ts';
import { fit, pad } from './text.ts';

export interface EventLogProps {
  events: readonly SimEvent[];
  /** Positions in `events` of the events that pass the filter, and their seqs. */
  positions: readonly number[];
  seqs: readonly number[];
  selected: number | null;
  names: NameBook;
  unit: string;
  width: number;
  /** Rows including the title. */
  height: number;
  focused: boolean;
  filter: string;
}

const RED = new Set(['action.forbidden', 'action.vetoed', 'approval.refused', 'instrument.denounced', 'instrument.takenOver', 'law.blocked', 'central.sanctioned', 'denunciation.demanded']);
const GREEN = new Set(['instrument.signed', 'approval.granted', 'law.enacted', 'forum.resolved']);

export function eventColor(e: SimEvent): string | undefined {
  if (RED.has(e.kind)) return 'red';
  if (GREEN.has(e.kind)) return 'green';
  if (e.kind === 'approval.tacit') return 'yellow';
  if (e.kind === 'timeline.applied') return 'magenta';
  // A ruling for the plaintiff (or upheld) in green, against it (or reversed) in red.
  if (e.kind === 'action.ruled') return e['outcome'] === 'for' || e['outcome'] === 'upheld' ? 'green' : 'red';
  if (e.kind === 'relation.changed') return RELATION_COLOR[e['to'] as keyof typeof RELATION_COLOR];
  return undefined;
}

/** The first position of the window of `rows` lines that keeps the selected line in view. */
export function logWindow(length: number, selectedIndex: number, rows: number): number {
  if (length <= rows) return 0;
  if (selectedIndex >= length - rows) return length - rows;
  return Math.max(0, selectedIndex - Math.floor(rows / 2));
}

export function EventLog({ events, positions, seqs, selected, names, unit, width, height, focused, filter }: EventLogProps) {
  const rows = Math.max(0, height - 1);
  const last = positions.length - 1;
  const selectedIndex = selected === null ? last : Math.max(0, indexOfSeq(seqs, selected));
  const start = logWindow(positions.length, selectedIndex, rows);
  const shown = positions.slice(start, start + rows);
  const detail = `${selected === null ? 'newest' : `#${selected}`} · ${positions.length} events · filter: ${filter}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PanelTitle title="Events" width={width} focused={focused} detail={detail} />
      {shown.length === 0 ? <Text dimColor>{fit('no events yet', width)}</Text> : null}
      {shown.map((p, i) => {
        const e = events[p]!;
        const isSelected = focused && start + i === selectedIndex;
        const line = pad(`${shortDate(e.date, unit)} ${describeEvent(e, names)}`, width);
        return (
          <Text key={e.seq} color={eventColor(e)} inverse={isSelected} wrap="truncate-end">
            {line}
          </Text>
        );
      })}
    </Box>
  );
}
