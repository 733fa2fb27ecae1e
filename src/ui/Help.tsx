/** The help panel (key ?): every key, and what the colours mean. */
import { Box, Text } from 'ink';
import { PanelTitle } from './PanelTitle.tsx';
import { fit } from './text.ts';

export interface HelpProps {
  width: number;
  height: number;
  mode: 'live' | 'replay';
}

/** Every key; `live` ones only restart a live run, so a replay's help leaves them out. */
const KEYS: [string, string, ('live' | 'replay')?][] = [
  ['Space', 'pause / resume'],
  ['→ or s', 'one tick forward (pauses)'],
  ['← or b', 'one tick back', 'replay'],
  ['+ / -', 'faster / slower (batched, the screen redraws at most 30 times a second)'],
  ['↑ ↓ PgUp PgDn', 'select an event in the log (Tab: scroll the governments instead)'],
  ['Enter', 'WHY panel for the selected event: goals, alternatives, rules, citations, approvals'],
  ['Esc / End', 'close a panel / follow the newest event again'],
  ['f', 'filter the log by event kind or government (in a list, type to find)'],
  ['v', 'pick a variant and restart (same seed)', 'live'],
  ['g', "give a central another country's rule set and restart", 'live'],
  ['r', 'restart with the next seed', 'live'],
  ['q, Ctrl-C', 'quit: outputs complete, run.json says whether the run was interrupted'],
];

export function Help({ width, height, mode }: HelpProps) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PanelTitle title="Help" width={width} focused detail="? or Esc closes" />
      {KEYS.filter(([, , only]) => only === undefined || only === mode).map(([k, what]) => (
        <Text key={k} wrap="truncate-end">
          <Text bold>{k.padEnd(15)}</Text>
          <Text>{fit(what, width - 15)}</Text>
        </Text>
      ))}
      <Text> </Text>
      <Text wrap="truncate-end">
        {'Relations: '}
        <Text color="green">support</Text> <Text color="cyan">complementarity</Text> <Text color="yellow">competition</Text> <Text color="red">conflict</Text>
      </Text>
      <Text wrap="truncate-end">
        {'Events: '}
        <Text color="green">signed, consented, enacted</Text> <Text color="yellow">tacit (silence until the deadline)</Text> <Text color="red">forbidden, refused, blocked</Text>
      </Text>
      <Text dimColor wrap="truncate-end">
        {fit(mode === 'replay' ? 'A replay shows a recorded run; paradip run changes it.' : 'Restarts with --out write to a fresh sibling directory (<out>-2, ...).', width)}
      </Text>
    </Box>
  );
}
