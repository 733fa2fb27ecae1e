/**
 * The indicators panel: one sparkline per indicator over the whole run so far (downsampled to the room there
 * is), with the latest value and, where there is room, the axis range. Names are never cut at 80 columns.
 */
import { Box, Text } from 'ink';
import { PanelTitle } from './PanelTitle.tsx';
import { compact, range, sparkline, wholeRun } from './sparkline.ts';
import { fit, pad } from './text.ts';

export interface IndicatorsProps {
  names: readonly string[];
  rows: readonly (readonly number[])[];
  count: number;
  width: number;
  /** Rows including the title. */
  height: number;
}

export function Indicators({ names, rows, count, width, height }: IndicatorsProps) {
  const room = Math.max(0, height - 1);
  const shown = names.length > room ? names.slice(0, Math.max(0, room)) : names;
  const label = Math.min(Math.max(8, Math.floor(width * 0.55)), Math.max(8, ...shown.map((n) => n.length)));
  const valueWidth = 6;
  // The axis range ("0..9") takes 12 columns; shown only if the sparkline keeps 12 or more.
  const rangeWidth = width - label - valueWidth - 2 - 12 >= 12 ? 12 : 0;
  const spark = Math.max(4, width - label - valueWidth - 2 - rangeWidth);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PanelTitle title="Indicators" width={width} detail={names.length > shown.length ? `${shown.length} of ${names.length}` : ''} />
      {shown.map((name, i) => {
        const all: number[] = [];
        for (let t = 0; t < count; t++) all.push(rows[t]?.[i] ?? Number.NaN);
        const series = wholeRun(all, spark);
        const last = count > 0 ? (rows[count - 1]?.[i] ?? Number.NaN) : Number.NaN;
        return (
          <Text key={name} wrap="truncate-end">
            <Text>{pad(name, label)} </Text>
            <Text color="cyan">{pad(sparkline(series, spark), spark)}</Text>
            <Text bold>{fit(` ${count > 0 ? compact(last) : '-'}`, valueWidth + 1).padStart(valueWidth + 1)}</Text>
            {rangeWidth > 0 ? <Text dimColor>{fit(` ${range(all)}`, rangeWidth).padEnd(rangeWidth)}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
