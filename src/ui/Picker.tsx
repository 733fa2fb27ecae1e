/**
 * A list to pick from (filter, variant, central, rule set): up/down move, Enter picks, Esc cancels, letters
 * find. When the selected item is longer than a line (a variant's description), it is shown whole below.
 */
import { Box, Text } from 'ink';
import { PanelTitle } from './PanelTitle.tsx';
import type { PickerItem } from './screen-state.ts';
import { pad, wrapText } from './text.ts';

export interface PickerProps {
  title: string;
  items: readonly PickerItem[];
  index: number;
  width: number;
  height: number;
}

export function Picker({ title, items, index, width, height }: PickerProps) {
  const selected = items[Math.min(index, items.length - 1)];
  const whole = selected && selected.label.length + 2 > width ? wrapText(selected.label, width - 2).slice(0, 4) : [];
  const room = Math.max(1, height - 1 - (whole.length > 0 ? whole.length + 1 : 0));
  const start = items.length <= room ? 0 : Math.max(0, Math.min(index - Math.floor(room / 2), items.length - room));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PanelTitle title={title} width={width} focused detail={items.length > room ? `${index + 1} of ${items.length}` : ''} />
      {items.length === 0 ? <Text dimColor>nothing to pick</Text> : null}
      {items.slice(start, start + room).map((item, i) => (
        <Text key={start + i} inverse={start + i === index} wrap="truncate-end">
          {pad(`${start + i === index ? '›' : ' '} ${item.label}`, width)}
        </Text>
      ))}
      {whole.length > 0 ? <Text> </Text> : null}
      {whole.map((line, i) => (
        <Text key={`whole-${i}`} color="cyan" wrap="truncate-end">
          {`  ${line}`}
        </Text>
      ))}
    </Box>
  );
}
