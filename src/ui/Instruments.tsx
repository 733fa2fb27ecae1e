/** The instruments panel: instruments in force by kind and by Duchacek type, and the latest signings. */
import { Box, Text } from 'ink';
import type { SimEvent } from '../engine/events.ts';
import { describeEvent, instrumentLabel, shortDate, type NameBook } from '../experiment/describe-event.ts';
import { PanelTitle } from './PanelTitle.tsx';
import { fit, wrapList } from './text.ts';
import type { WorldView } from './world-view.ts';

export interface InstrumentsProps {
  view: WorldView;
  events: readonly SimEvent[];
  eventCount: number;
  names: NameBook;
  unit: string;
  width: number;
  /** Rows including the title. */
  height: number;
}

/** The newest `n` signings among the first `count` events (scanning back a bounded distance). */
export function latestSignings(events: readonly SimEvent[], count: number, n: number): SimEvent[] {
  const out: SimEvent[] = [];
  for (let i = count - 1; i >= 0 && out.length < n && count - i <= 20_000; i--) if (events[i]!.kind === 'instrument.signed') out.push(events[i]!);
  return out;
}

export function Instruments({ view, events, eventCount, names, unit, width, height }: InstrumentsProps) {
  const items = (pairs: [string, number][]): string[] => (pairs.length === 0 ? ['none'] : pairs.map(([k, v]) => `${instrumentLabel(k)} ${v}`));
  // Up to two lines each for the counts by kind and by Duchacek type; the rest for the latest signings.
  const spare = height - 1 - 2 - 2;
  const kinds = wrapList(items(view.byKind), width, spare >= 3 ? 2 : 1);
  const byType = items(view.byDuchacek);
  byType[0] = `Duchacek: ${byType[0]}`;
  const types = wrapList(byType, width, spare >= 4 ? 2 : 1);
  const room = Math.max(0, height - 1 - kinds.length - types.length - 1);
  const signed = latestSignings(events, eventCount, room);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PanelTitle title="Instruments" width={width} detail={`${view.inForce} in force · ${view.awaiting} pending`} />
      {kinds.map((l, i) => (
        <Text key={`k${i}`} wrap="truncate-end">
          {fit(l, width)}
        </Text>
      ))}
      {types.map((l, i) => (
        <Text key={`d${i}`} color="cyan" wrap="truncate-end">
          {fit(l, width)}
        </Text>
      ))}
      {room > 0 ? <Text dimColor>{fit(signed.length > 0 ? 'latest signed:' : 'nothing signed yet', width)}</Text> : null}
      {signed.map((e) => (
        <Text key={e.seq} color="green" wrap="truncate-end">
          {fit(`${shortDate(e.date, unit)} ${describeEvent(e, names)}`, width)}
        </Text>
      ))}
    </Box>
  );
}
