/** The indicators panel: one sparkline per indicator over the ticks so far, with the latest value. */
import { Box, Text } from 'ink';
import { PanelTitle } from './PanelTitle.tsx';
import { compact, sparkline } from './sparkline.ts';
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
  const label = Math.min(Math.max(8, Math.floor(width * 0.36)), Math.max(8, ...shown.map((n) => n.length)));
  const valueWidth = 6;
  const spark = Math.max(4, width - label - valueWidth - 2);
  const from = Math.max(0, count - spark);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PanelTitle title="Indicators" width={width} detail={names.length > shown.length ? `${shown.length} of ${names.length}` : ''} />
      {shown.map((name, i) => {
        const series: number[] = [];
        for (let t = from; t < count; t++) series.push(rows[t]?.[i] ?? Number.NaN);
        const last = count > 0 ? (rows[count - 1]?.[i] ?? Number.NaN) : Number.NaN;
        return (
          <Text key={name} wrap="truncate-end">
            <Text>{pad(name, label)} </Text>
            <Text color="cyan">{pad(sparkline(series, spark), spark)}</Text>
            <Text bold>{fit(` ${count > 0 ? compact(last) : '-'}`, valueWidth + 1).padStart(valueWidth + 1)}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
