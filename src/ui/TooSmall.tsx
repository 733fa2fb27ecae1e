/** Shown instead of the screen when the terminal is smaller than 80x24; resizing brings the screen back. */
import { Box, Text } from 'ink';
import { MIN_COLUMNS, MIN_ROWS } from './layout.ts';

export interface TooSmallProps {
  columns: number;
  rows: number;
}

export function TooSmall({ columns, rows }: TooSmallProps) {
  const width = Math.max(10, columns);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color="yellow" wrap="wrap">
        Terminal too small: {columns}x{rows}.
      </Text>
      <Text wrap="wrap">
        paradip needs at least {MIN_COLUMNS}x{MIN_ROWS}. Enlarge the window and the screen comes back (the run goes on meanwhile).
      </Text>
      <Text wrap="wrap" dimColor>
        q quits; Space pauses; paradip run --no-ui prints plain progress lines instead.
      </Text>
    </Box>
  );
}
