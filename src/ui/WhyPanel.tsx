/**
 * The WHY panel (Enter on an event): for a decision, each goal's contribution and the alternatives with
 * their scores; for a legal outcome, the rules and citations applied and the approval path. Scrolls with
 * up/down; Enter or Esc closes it.
 */
import { Box, Text } from 'ink';
import type { Explanation } from '../experiment/explain-event.ts';
import { shortDate } from '../experiment/describe-event.ts';
import { PanelTitle } from './PanelTitle.tsx';
import type { WhyRow } from './why-rows.ts';

export interface WhyPanelProps {
  explanation: Explanation;
  rows: readonly WhyRow[];
  unit: string;
  width: number;
  height: number;
  scroll: number;
}

const TONE = { yes: 'green', no: 'red', silent: 'yellow', plain: undefined } as const;

export function WhyPanel({ explanation: x, rows, unit, width, height, scroll }: WhyPanelProps) {
  const room = Math.max(0, height - 1);
  const first = Math.max(0, Math.min(scroll, rows.length - room));
  const shown = rows.slice(first, first + room);
  const detail = rows.length > room ? `${first + 1}-${first + shown.length} of ${rows.length} ↑↓ · Esc closes` : 'Esc closes';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PanelTitle title={`WHY #${x.seq} ${shortDate(x.date, unit)} ${x.kind}`} width={width} focused detail={detail} />
      {shown.map((r, i) =>
        r.style !== 'line' ? (
          <Text key={i} bold color={r.style === 'title' ? 'blue' : undefined} wrap="truncate-end">
            {r.text}
          </Text>
        ) : (
          <Text key={i} wrap="truncate-end">
            {r.bar ? <Text color={r.negative ? 'red' : 'green'}>{`  ${r.bar} `}</Text> : <Text>{'  '}</Text>}
            <Text color={TONE[r.tone]}>{r.text}</Text>
          </Text>
        ),
      )}
    </Box>
  );
}
